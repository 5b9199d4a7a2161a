/* What this site uses of mkdocs-material's own script, on every page: the palette switch, the
 * back-to-top button, the header's page title once the page's heading has scrolled away, the
 * table of contents' mark on the section being read, and keyboard access to code and tables that
 * scroll sideways. Not the theme's single-key shortcuts (n, p, comma and period for the next and
 * previous page): a key without a modifier that leaves the page fails WCAG 2.1.4 (a speech user
 * saying a word, a stray key on a link, and no way to turn them off); the navigation and the
 * archive's own previous/next links reach the same pages (DEVELOPING.md, "Keyboard"). The theme's
 * bundle (114 kB, one 165–340 ms task on a mid-range phone before the page answers a tap: the
 * largest on every page kind, docs/benchmarks.md) is not loaded (overrides/main.html); its
 * templates and stylesheets are used as they are. Without JavaScript the theme's `no-js` styles
 * apply, as they always did.
 *
 * The palette is chosen before the first paint by overrides/partials/javascripts/palette.html
 * (the stored one, the theme's `__palette` in localStorage, else the system's); this module
 * switches it and stores the choice in the same place, so a reader's earlier choice is kept. */

const body = document.body;
const COLORS = ["scheme", "primary", "accent"];

/* `update`, at most once a frame however often the returned function is called (scroll, resize). */
function perFrame(update) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };
}

function palette(form) {
  const inputs = [...form.querySelectorAll("input")];
  function apply(index) {
    const input = inputs[index];
    // The theme's stylesheet turns transitions off while this attribute is set.
    body.setAttribute("data-md-color-switching", "");
    const color = { media: input.getAttribute("data-md-color-media") };
    for (const name of COLORS) {
      color[name] = input.getAttribute("data-md-color-" + name);
      body.setAttribute("data-md-color-" + name, color[name]);
    }
    inputs.forEach((other, i) => {
      const label = other.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = i !== index;
    });
    window.__md_set("__palette", { index, color });
    requestAnimationFrame(() => body.removeAttribute("data-md-color-switching"));
  }
  form.addEventListener("change", (event) => {
    const index = inputs.indexOf(event.target);
    if (index >= 0) apply(index);
  });
  // A page brought back by Back or Forward from the back/forward cache is as it was left: in the
  // palette of then, though the reader may have switched on another page since (a phone QA pass:
  // dark chosen, Forward showed the next page light). Show the stored choice.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    let stored = null;
    try { stored = window.__md_get("__palette"); } catch (e) { /* storage refused: keep the page's */ }
    const index = stored && typeof stored.index === "number" ? stored.index : -1;
    if (index >= 0 && index < inputs.length && !inputs[index].checked) {
      inputs[index].checked = true;
      apply(index);
    }
  });
  // The inputs are the focusable part (their labels are the visible one): Enter or Space switches
  // (a radio's own Space does nothing on the checked one), as the arrow keys do.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const index = inputs.findIndex((input) => input.checked);
    const next = inputs[(index + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
}

/* The navigation drawer (a phone's or a narrow window's menu) from the keyboard: its button opens
 * and closes it with Enter or Space and says whether it is open; once open, focus moves into it,
 * the page behind it is inert (`modal`), and Esc or Back closes it and returns focus to the
 * button. Closed, its links take no focus (papernotes.css), so Tab no longer walks through a menu
 * that is off the screen. */
function drawer(toggle, button) {
  const panel = document.getElementById("pn-drawer");
  const overlay = matchMedia("(max-width: 76.2344em)");
  /* Back closes the menu where it covers the page (a phone), as it closes the search there
   * (search/box.js): opening it adds an entry to the tab's history (same address, state STEP),
   * Back takes it away and closes the menu; closing it otherwise (its button, a tap beside it,
   * Esc) takes the entry back, so the next Back leaves the page. So does a link followed from it,
   * before it is followed: Back from that page shows this one as it was before the menu (it showed
   * the menu open, and took a second Back: a phone QA pass). */
  const STEP = "pnDrawer";
  const ours = () => !!(history.state && history.state[STEP]);
  let stepping = false;   // our own history.back() on its way: its popstate is ours
  let leaving = null;     // the address of a link followed from the menu, once its entry is gone
  function step(open) {
    if (open && overlay.matches && !ours()) history.pushState({ ...(history.state || {}), [STEP]: true }, "");
    else if (!open && ours() && !stepping) { stepping = true; history.back(); }
  }
  window.addEventListener("popstate", () => {
    if (stepping) {
      stepping = false;
      if (leaving !== null) { const to = leaving; leaving = null; location.assign(to); }
      return;
    }
    // Back closes it as Esc does, focus and all: the focus in the menu fell to <body> as it closed.
    if (!ours() && toggle.checked) set(false, lost(document.activeElement));
    else if (ours() && !toggle.checked && overlay.matches) set(true, false);
  });
  /* While the menu covers the page (a phone), it is modal: the rest of the page is `inert`, out of
   * the keyboard's reach and of the accessibility tree (a screen reader read on into the page
   * behind it). The toggles and the overlay stay live: a tap beside the menu closes it. What was
   * made inert here is made live again however the menu closes (Esc, Back, a tap beside it, a link
   * followed, the window widened). */
  const sidebar = panel && panel.closest(".md-sidebar");
  let behind = [];
  function modal(on) {
    for (const node of behind) node.inert = false;
    behind = [];
    if (!on || !sidebar) return;
    for (let node = sidebar; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const other of node.parentElement.children) {
        if (other === node || other.inert || other.matches("input.md-toggle, label.md-overlay, script, link, style")) continue;
        other.inert = true;
        behind.push(other);
      }
    }
  }
  overlay.addEventListener("change", () => modal(toggle.checked && overlay.matches));
  /* Whether `focused` goes with the menu as it closes (in it, on its button, or nowhere). */
  const lost = (focused) => !focused || focused === document.body || focused === button || !!(panel && panel.contains(focused));
  function set(open, focus) {
    if (toggle.checked !== open) toggle.checked = open;
    button.setAttribute("aria-expanded", String(open));
    modal(open && overlay.matches);
    step(open);
    if (!focus) return;
    if (open && panel) {
      const first = panel.querySelector("a[href]");
      // After the sidebar is visible again (its visibility changes with the box).
      if (first) requestAnimationFrame(() => first.focus());
    } else button.focus();
  }
  // Opened by a tap (its button is a label), focus goes into it too, as from the keyboard: a
  // screen reader's touch user was left on <body>, the page behind inert (an accessibility QA
  // pass). A pointer's focus draws no ring. Closed by a tap beside it, focus returns to its button;
  // not when a link in it closes it (a section of this page: the focus is the reader's).
  toggle.addEventListener("change", () => set(toggle.checked, toggle.checked && overlay.matches));
  // A link followed from the open menu: the menu closes and its entry goes, then the link is
  // followed (a link opened elsewhere, a new tab or window, leaves both as they are).
  if (panel) {
    panel.addEventListener("click", (event) => {
      const link = event.target.closest("a[href]");
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
        || (link.target && link.target !== "_self") || link.hasAttribute("download") || !ours() || stepping) return;
      event.preventDefault();
      leaving = link.href;
      set(false, false);
      // Should the step back never be heard of (a browser that drops it), the link is followed anyway.
      setTimeout(() => { if (leaving !== null) { const to = leaving; leaving = null; stepping = false; location.assign(to); } }, 600);
    });
  }
  const beside = document.querySelector("label.md-overlay[for=__drawer]");
  if (beside) {
    beside.addEventListener("click", () => requestAnimationFrame(() => {
      if (!toggle.checked && lost(document.activeElement)) button.focus();
    }));
  }
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    set(!toggle.checked, true);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.checked) set(false, true);
  });
  // Its close button (nav.html): a named way out for a screen reader, whose focus returns to the menu's button.
  const closer = panel && panel.querySelector(".pn-drawer-close");
  if (closer) closer.addEventListener("click", () => set(false, true));
  // Focus that reaches the page behind the overlay closes it (Tab past its last link did, out of
  // sight, before the page was made inert; what is added to the page while it is open is not).
  document.addEventListener("focusin", (event) => {
    if (toggle.checked && overlay.matches && panel && !panel.contains(event.target) && event.target !== button) set(false, false);
  });
  // Loaded again at the menu's entry (Back from a page a link of the menu led to): the menu as it was.
  if (ours() && overlay.matches && !toggle.checked) set(true, false);
}

/* Shown while the reader scrolls back up, away from the top (as the theme does). Not when the
 * language switch scrolls the page (lang.js keeps the reader's place, which is further up when
 * the new language's text above it is shorter): that is not the reader going back up, and the
 * button appeared over the text they were reading. The scroll a switch makes is reported at the
 * next frame; it only moves the line from which an upward scroll is measured. */
function backToTop(button) {
  let last = window.scrollY;
  let switched = false;
  document.addEventListener("papernotes:lang", () => {
    switched = true;
    // No scroll came of it (the page at its top): the next one is the reader's again.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      switched = false;
      last = window.scrollY;
    }));
  });
  function update() {
    const y = window.scrollY;
    if (switched) {
      switched = false;
      last = y;
      return;
    }
    const show = y < last && y > window.innerHeight / 2;
    last = y;
    if (button.hidden === !show) return;
    button.hidden = !show;
    if (show) button.removeAttribute("tabindex");
    else {
      button.setAttribute("tabindex", "-1");
      button.blur();
    }
  }
  window.addEventListener("scroll", perFrame(update), { passive: true });
  button.addEventListener("click", (event) => {
    event.preventDefault();
    window.scrollTo({ top: 0 });
    // The keyboard goes to the top too: the button hides as the page scrolls up, and focus stayed
    // where it was, at the bottom (the next Tab went to the footer; a QA pass). The skip link's
    // target is the start of the page's content.
    const start = document.getElementById("pn-content");
    if (start && button.contains(document.activeElement)) start.focus({ preventScroll: true });
  });
}

/* Once the page's heading has scrolled under the header, the header shows the page's title in
 * place of the site's name (papernotes.css keeps the name on a phone), with its shadow. The
 * heading is the first one shown: a page in both languages has one per language, one hidden. */
function headerTitle(header, title) {
  const headings = [...document.querySelectorAll(".md-content h1")];
  if (!headings.length) return;
  function update() {
    const shown = headings.find((heading) => heading.getClientRects().length);
    const past = shown !== undefined && shown.getBoundingClientRect().bottom <= header.offsetHeight;
    title.classList.toggle("md-header__title--active", past);
    header.classList.toggle("md-header--shadow", past);
  }
  const observer = new IntersectionObserver(update, { rootMargin: "-" + header.offsetHeight + "px 0px 0px 0px" });
  for (const heading of headings) observer.observe(heading);
  document.addEventListener("papernotes:lang", update);
}

/* The table of contents marks the section being read: the last heading above the header's
 * bottom (a heading of the other language, hidden, has no box and is passed over). */
function tableOfContents(header) {
  const links = new Map();
  for (const link of document.querySelectorAll(".md-nav--secondary a.md-nav__link[href^='#']")) {
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    links.set(id, [...(links.get(id) || []), link]);
  }
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);
  if (!headings.length) return;
  let current = null;
  function update() {
    const line = header.offsetHeight + 8;
    let found = null;
    for (const heading of headings) {
      if (!heading.getClientRects().length) continue;
      // A heading scrolled to lands on the line within a fraction of a pixel (layout is in
      // fractions, scrolling in whole pixels): 56.06 px left its section unmarked.
      if (heading.getBoundingClientRect().top > line + 1) break;
      found = heading;
    }
    if (found === current) return;
    for (const link of current ? links.get(current.id) : []) link.classList.remove("md-nav__link--active");
    current = found;
    for (const link of current ? links.get(current.id) : []) link.classList.add("md-nav__link--active");
  }
  const queue = perFrame(update);
  window.addEventListener("scroll", queue, { passive: true });
  document.addEventListener("papernotes:lang", queue);
  queue();
}

/* A code block, table or display formula wider than its box scrolls (the theme's stylesheet lets a
 * table scroll by itself, ours a formula); the keyboard can reach it only if it is focusable. */
function scrollableCode() {
  for (const block of document.querySelectorAll('.md-typeset pre > code, .md-typeset table:not([class]), .md-typeset math[display="block"]')) {
    if (block.scrollWidth > block.clientWidth) block.setAttribute("tabindex", "0");
    else block.removeAttribute("tabindex");
  }
}

/* Live regions speak when the reader does something, not while the page draws itself: scripts
 * fill the reading list's line, the browse page's count and My list's counts as the page loads (a
 * screen reader QA pass heard "내 목록 (0)" twice on opening the home page, and the browse page's
 * count six times). The regions in the page are not live until the first key or touch, or 1.5 s
 * after the page has loaded (this module runs before the others that write them). */
function quietWhileLoading() {
  const regions = [...document.querySelectorAll("[aria-live], [role=status]")]
    .map((region) => [region, region.getAttribute("aria-live"), region.getAttribute("role")]);
  for (const [region, , role] of regions) {
    region.removeAttribute("aria-live");
    if (role === "status") region.removeAttribute("role");
  }
  let live = false;
  const speak = () => {
    if (live) return;
    live = true;
    for (const [region, politeness, role] of regions) {
      if (politeness) region.setAttribute("aria-live", politeness);
      if (role === "status") region.setAttribute("role", role);
    }
  };
  for (const type of ["keydown", "pointerdown"]) window.addEventListener(type, speak, { capture: true, once: true });
  const later = () => setTimeout(speak, 1500);
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

quietWhileLoading();
const form = document.querySelector("[data-md-component=palette]");
if (form) palette(form);
const drawerToggle = document.getElementById("__drawer");
const drawerButton = document.querySelector("label.md-header__button[for=__drawer] > [role=button]");
if (drawerToggle && drawerButton) drawer(drawerToggle, drawerButton);
const header = document.querySelector("[data-md-component=header]");
const title = document.querySelector("[data-md-component=header-title]");
if (header && title) headerTitle(header, title);
if (header) tableOfContents(header);
const top = document.querySelector("[data-md-component=top]");
if (top) backToTop(top);
scrollableCode();
// Widths change with the window and with the language (the other language's blocks were hidden).
window.addEventListener("resize", perFrame(scrollableCode), { passive: true });
document.addEventListener("papernotes:lang", scrollableCode);
