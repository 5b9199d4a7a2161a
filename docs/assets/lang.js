/* The Korean/English switch, on every page. The language is applied before the first paint by an
 * inline script in overrides/main.html (from ?lang=, else this visit's language, sessionStorage
 * `papernotes.lang`, else the reader's choice, localStorage `papernotes.lang`, else the site's
 * default); this module adds the visible control and keeps the choice (both stores, and ?lang=
 * when the address has it). A ?lang= link sets the language of the visit (the tab): a Korean
 * reader following a shared English link reads on in English, page after page, until they press
 * the switch; it becomes their choice for later visits only when they had none (`persistUrlChoice`).
 * Text in both languages is switched by CSS (html[data-pn-lang] and .pn-lang[lang]); attributes
 * cannot be, so an element whose aria-label, title, placeholder or (an <option>'s text) label exists in both languages
 * carries them as data-pn-ko-<attribute> / data-pn-en-<attribute>, and `apply` sets the reader's.
 * Other modules follow a switch through the `papernotes:lang` event on document (detail.lang). */

const KEY = "papernotes.lang";
const root = document.documentElement;
const LABELS = { ko: "한국어", en: "English" };
const GROUP_LABEL = { ko: "언어", en: "Language" };
const ATTRIBUTES = ["aria-label", "title", "placeholder", "label"];  // label: an <option>'s text (it holds no spans)

function localiseAttributes(lang) {
  for (const name of ATTRIBUTES) {
    const key = "data-pn-" + lang + "-" + name;
    for (const node of document.querySelectorAll("[" + key + "]")) {
      node.setAttribute(name, node.getAttribute(key));
      // An <option>'s text as well as its label: what reads the text (a copy, a check) finds the
      // reader's language, not the page's first one (모든 해 under "All years").
      if (name === "label" && node.tagName === "OPTION") node.textContent = node.getAttribute(key);
    }
  }
  nameMapLinks(lang);
}

/* A note page's map (pages/links.py `_map`) tells how each note is linked by its line's style
 * alone. Each link is named (by its <title>) with its note's title and, in the reader's language,
 * the legend's word for that style (`pn-map__node--<kind>` drawn, `pn-map__key--<kind>` and its
 * two words in the legend): "Title, lineage". Built here rather than written on every link in both
 * languages, to keep a 10,000-note site's pages small; in the <title>, not an aria-label, which
 * axe finds missing the link's visible text (label-content-name-mismatch). */
function nameMapLinks(lang) {
  for (const link of document.querySelectorAll("a.pn-map__node")) {
    const kind = /\bpn-map__node--([a-z]+)/.exec(link.getAttribute("class") || "");
    const word = kind && document.querySelector(".pn-map__key--" + kind[1] + ' ~ [lang="' + lang + '"]');
    const title = link.querySelector("title");
    if (!word || !title) continue;
    if (!title.hasAttribute("data-pn-title")) title.setAttribute("data-pn-title", title.textContent);
    title.textContent = title.getAttribute("data-pn-title") + ", " + word.textContent;
  }
}

/* The site's own pages are titled in both languages ("Tags · 태그", "Authors · 저자: K"), as link
 * previews show them; the tab, the history and a screen reader's announcement of the page get
 * the reader's half. Only a title of an English half, then a Korean one, is split (a note's
 * title is the paper's, kept whole). */
const TITLE = document.title;

function titleIn(lang) {
  const halves = TITLE.split(" · ");
  if (halves.length !== 2 || /[\uAC00-\uD7A3]/.test(halves[0]) || document.querySelector('meta[name="citation_title"]')) return TITLE;
  // The Korean half, then what both halves share: an index's letter (": K", ": ㄱ"), a page's
  // number (" (2)") and " - " the site's name. (A Korean label may start in Latin letters, LLM
  // 에이전트: it is told by its end, not its start.)
  const site = document.querySelector('meta[property="og:site_name"]');
  const suffix = site ? ` - ${site.content}` : TITLE.slice(TITLE.lastIndexOf(" - "));
  let label = halves[1], shared = "";
  if (label.endsWith(suffix)) { shared = suffix; label = label.slice(0, -suffix.length); }
  const after = /(?:: \S+)?(?: \(\d+\))?$/.exec(label)[0];
  if (after) { shared = after + shared; label = label.slice(0, -after.length); }
  if (!/[\uAC00-\uD7A3]/.test(label)) return TITLE;
  return (lang === "ko" ? label : halves[0]) + shared;
}

function current() {
  const lang = root.getAttribute("data-pn-lang");
  return lang === "en" || lang === "ko" ? lang : root.getAttribute("data-pn-default") || "ko";
}

/* Keeping the reader's place. Each language's text is shown in place of the other's, so a switch
 * changes the height of what is above the reader's line: on a phone, scrolled into a note or a
 * listing, the text under the header moved by up to hundreds of pixels where the browser's own
 * scroll anchoring did not help (Chromium's anchor was often the text being hidden; Safari has
 * none), and the page scrolling up made the back-to-top button appear (theme.js now ignores a
 * switch's scroll). Before the switch, `placeMark` finds the reader's place under the header: the
 * outermost element that begins there (within the top part of the screen) and is not text of the
 * language going away (a heading, a card, a list item, a paragraph of both languages); after it,
 * `keepPlace` scrolls at once (never smoothly) so that it is where it was. When nothing begins
 * there (the line falls inside a long block), the line's element and its ancestors are kept
 * instead: the innermost still shown is put back, or, when the line was in a block of the language
 * going away (a commentary, one half of a page written twice), its twin in the other language (at
 * the same place among its parent's blocks of that language) is, at the same section (the halves
 * of a page have the same headings) and the same fraction of the way through. At the very top
 * nothing moves. */
const HEADING_TAGS = "h1, h2, h3, h4, h5, h6";

function placeMark(lang) {
  if (window.scrollY <= 0) return null;
  const article = document.querySelector(".md-content__inner");
  if (!article) return null;
  const header = document.querySelector(".md-header");
  const box = article.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const line = Math.max(0, header ? header.getBoundingClientRect().bottom : 0);
  const going = `.pn-lang[lang="${lang}"]`;
  const stays = (el) => !el.closest(going);
  let first = null;
  for (let y = line + 2; y < Math.min(window.innerHeight, line + 240); y += 12) {
    const hit = document.elementsFromPoint(x, y).find((el) => el !== article && article.contains(el));
    if (!hit) continue;
    first = first || { y, hit };
    let found = null;
    for (let el = hit; el !== article; el = el.parentElement) {
      const top = el.getBoundingClientRect().top;
      if (top < line - 1) break;
      if (stays(el)) found = { el, top };
    }
    if (found) return { anchor: found };
  }
  if (!first) return null;
  const chain = [];  // the line's element and its ancestors, the article last
  for (let el = first.hit; el; el = el === article ? null : el.parentElement) {
    const place = { el, top: el.getBoundingClientRect().top };
    if (el.matches(going) && getComputedStyle(el).display !== "inline") place.marks = sections(el);
    chain.push(place);
  }
  return { y: first.y, chain };
}

/* A block's section lines: its top, each heading's top, its bottom. */
function sections(block) {
  const rect = block.getBoundingClientRect();
  const heads = Array.from(block.querySelectorAll(HEADING_TAGS)).filter((h) => h.getClientRects().length);
  return { tags: heads.map((h) => h.tagName).join(), lines: [rect.top, ...heads.map((h) => h.getBoundingClientRect().top), rect.bottom] };
}

/* The block shown in place of `gone` (a block of the language just hidden): among its parent's
 * blocks of the language now shown, the one at the same place as `gone` among its own. */
function twinOf(gone, lang) {
  const parent = gone.parentElement;
  if (!parent) return null;
  const blocks = (l) => Array.from(parent.children).filter((c) => c.classList.contains("pn-lang") && c.lang === l);
  const twin = blocks(lang)[blocks(gone.lang).indexOf(gone)];
  return twin && twin.getClientRects().length ? twin : null;
}

const shown = (place) => place.el.isConnected && place.el.getClientRects().length > 0;

/* How far the page must scroll for the place marked to be where it was. */
function drift(mark, lang) {
  if (mark.anchor && shown(mark.anchor)) return mark.anchor.el.getBoundingClientRect().top - mark.anchor.top;
  const { y, chain } = mark;
  if (!chain) return 0;
  const kept = chain.findIndex(shown);
  if (kept < 0) return 0;
  const gone = kept > 0 ? chain[kept - 1] : null;
  const twin = gone && gone.marks && twinOf(gone.el, lang);
  if (!twin) return chain[kept].el.getBoundingClientRect().top - chain[kept].top;
  // The same section of the twin (or the whole of it, when their headings differ), as far through.
  const now = sections(twin);
  const same = gone.marks.tags === now.tags;
  const ends = (lines) => same ? lines : [lines[0], lines[lines.length - 1]];
  const then = ends(gone.marks.lines), lines = ends(now.lines);
  let k = 0;
  while (k < then.length - 2 && then[k + 1] <= y) k++;
  const part = then[k + 1] > then[k] ? Math.min(1, Math.max(0, (y - then[k]) / (then[k + 1] - then[k]))) : 0;
  return lines[k] + part * (lines[k + 1] - lines[k]) - y;
}

function keepPlace(mark, lang) {
  if (!mark) return;
  const delta = drift(mark, lang);
  if (Math.abs(delta) >= 1) window.scrollTo({ top: window.scrollY + delta, behavior: "instant" });
}

/* Switch to `lang`, the reader's place kept (`keep`: a page already shown, not the first paint's). */
function apply(lang, buttons, group, keep) {
  const mark = keep ? placeMark(current()) : null;
  root.setAttribute("data-pn-lang", lang);
  root.setAttribute("lang", lang);  // screen readers and hyphenation follow the switch
  document.title = titleIn(lang);
  group.setAttribute("aria-label", GROUP_LABEL[lang]);
  localiseAttributes(lang);
  for (const b of buttons) b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
  // Listeners first (they may draw in the new language: the reading list's page), then the place.
  document.dispatchEvent(new CustomEvent("papernotes:lang", { detail: { lang } }));
  keepPlace(mark, lang);
}

/* What a fresh load of this address shows (the inline script's order): ?lang=, else the visit's
 * language, else the stored choice, else the site's default. */
function chosen() {
  return linked() || preferred() || root.getAttribute("data-pn-default") || "ko";
}

/* The language this address's ?lang= names, or null. */
function linked() {
  let lang = null;
  try { lang = (new URLSearchParams(location.search).get("lang") || "").toLowerCase(); } catch (e) { /* ignore */ }  // ?lang=EN too
  return lang === "ko" || lang === "en" ? lang : null;
}

/* The reader's stored choice, or null. */
function stored() { return kept(() => localStorage); }

/* This visit's language (a ?lang= link followed in this tab, or the switch pressed), or null. */
function preferred() { return kept(() => sessionStorage) || stored(); }

function kept(storage) {
  try {
    const lang = storage().getItem(KEY);
    return lang === "ko" || lang === "en" ? lang : null;
  } catch (e) { return null; }  // private mode
}

function remember(lang) {
  try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode: the choice lasts this page */ }
  try { sessionStorage.setItem(KEY, lang); } catch (e) { /* ignore */ }
  const url = new URL(location.href);
  if (url.searchParams.has("lang")) {
    // Keep the URL truthful, so a reload shows what was chosen, not the old ?lang=.
    url.searchParams.set("lang", lang);
    history.replaceState(history.state, "", url);
  }
}

/* Where the switch goes: after the search box (search/box.js puts the box before the switch),
 * whichever module runs first; else before the palette switch or the repository link. */
function place(header, group) {
  const search = header.querySelector(".pn-search");
  const anchor = search ? search.nextSibling : header.querySelector(".md-header__option, .md-header__source");
  if (anchor || search) header.insertBefore(group, anchor);
  else header.append(group);
}

function buildToggle() {
  const group = document.createElement("div");
  group.className = "pn-toggle";
  group.setAttribute("role", "group");
  const buttons = ["ko", "en"].map((lang) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "pn-toggle__button";
    b.setAttribute("data-lang", lang);
    b.setAttribute("lang", lang);
    b.textContent = LABELS[lang];
    b.addEventListener("click", () => {
      if (lang !== current()) apply(lang, buttons, group, true);
      remember(lang);
    });
    group.append(b);
    return b;
  });
  const header = document.querySelector(".md-header__inner");
  if (header) place(header, group);
  else document.body.insertBefore(group, document.body.firstChild);
  apply(current(), buttons, group);
  // A page brought back by Back from the back/forward cache is the page as it was left, in the
  // language it was left in; the reader may have switched on a later page since: show the choice,
  // over this page's ?lang= too (a shared link's language is not the switch pressed since).
  const storedAtLoad = preferred();
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    const now = preferred();
    const lang = now && now !== storedAtLoad ? now : chosen();
    if (lang !== current()) apply(lang, buttons, group, true);
    if (now && now !== storedAtLoad) remember(now);  // this address's ?lang= says it too
  });
}

/* A link with ?lang= shows its page, and the rest of the visit, in that language (the inline
 * script keeps it in sessionStorage). It becomes the reader's choice for later visits only when
 * they have none yet: a link someone else made is not their choice. The switch itself always
 * keeps what is pressed (`remember`). */
function persistUrlChoice() {
  const lang = linked();
  if (lang === null || stored() !== null) return;
  try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode: nothing is kept */ }
}

/* A page written in both languages (About, Contributing, Security) holds each section twice, one
 * half hidden: a link to the other half's heading (#tags for a Korean reader, #ko-tags for an
 * English one: a link shared across languages) opened the page at its top. The hidden heading's
 * twin is the heading at the same place in the shown half (the halves have the same sections in
 * the same order); it is scrolled to and named in the address. */
const HEADINGS = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]";
function showSection() {
  let id;
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }   // a malformed %-escape
  const target = id && document.getElementById(id);
  if (!target || target.getClientRects().length) return;   // none, or shown
  const half = target.closest("div.pn-lang[lang]");
  if (!half) return;
  const same = Array.from(document.querySelectorAll(`div.pn-lang[lang="${half.lang}"]`));
  const other = Array.from(document.querySelectorAll("div.pn-lang[lang]")).filter((d) => d.lang !== half.lang);
  const twinHalf = other[same.indexOf(half)];
  if (!twinHalf || !twinHalf.getClientRects().length) return;
  const heads = Array.from(half.querySelectorAll(HEADINGS));
  // The target itself, else the heading of its section (the last one before it).
  const at = heads.indexOf(target) >= 0 ? heads.indexOf(target)
    : heads.filter((h) => h.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING).length - 1;
  const twin = Array.from(twinHalf.querySelectorAll(HEADINGS))[at];
  if (!twin || twin.tagName !== heads[at].tagName) return;
  history.replaceState(history.state, "", "#" + encodeURIComponent(twin.id));
  twin.scrollIntoView();
}

// A module runs once the page is parsed (it is deferred): the header is there.
persistUrlChoice();
buildToggle();
showSection();
window.addEventListener("hashchange", showSection);
