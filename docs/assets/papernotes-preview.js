// papernotes: previews of linked notes. An ES module, loaded only by pages that have links to
// notes (a[data-pn-preview]); it defines no globals (it exports its address rule, previewOf, for
// the tests).
//
// Pointing at a link (mouse), focusing it from the keyboard (Tab), or pressing it for half a
// second (touch) shows a card with the note's title, authors, date, tags and the first lines
// of its commentary in the reader's language: a small same-origin HTML fragment written by the
// build, a few notes' fragments to a JSON file (previews/<n>.json), fetched once when first needed.
// The card is a role=tooltip element the link points at with aria-describedby while it is
// shown (and the first time a focused link's card arrives, a polite live region reads it); it is placed below the link's last line (above its first when there is no room),
// never over any line of it; Esc, moving away, blur or a tap elsewhere closes it. A short tap
// still follows the link.

import { shardOf } from "./dom.js";

const SHOW_DELAY = 250; // ms a mouse rests on a link before the card shows
const HIDE_DELAY = 200; // ms to move from the link into the card
const LONG_PRESS = 500; // ms a finger rests on a link for the card
const GAP = 6;

const cache = new Map(); // file -> the promise of its cards
const ready = new Map(); // url -> the card's HTML, once fetched: shown at once, in the focus event itself
let card = null;
let said = null; // a polite live region: a card that arrives after its link was focused is read out
let current = null; // the link whose card is shown (or about to be)
let showTimer = 0;
let hideTimer = 0;
let pressTimer = 0;
let pressed = null; // link under a finger, and whether its long press opened the card
let swallowClick = null;
let inCard = false; // a press on the card: the link's focus moving out of it keeps the card

function linkOf(target) {
  return target instanceof Element ? target.closest("a[data-pn-preview]") : null;
}

// The site's root: this module is <root>/assets/papernotes-preview.js.
const ROOT = new URL("../", import.meta.url);
// How many files the cards are shared out among (urls.PREVIEW_FILES), written once on the
// script element by the build (pages/links.py); read when the first card is wanted.
let files = 0;

// The card of a link to a note, as `previews/<n>.json#<slug>` (absolute): the link says only that
// it has one (data-pn-preview, no value); its href is the note's page, <root>/notes/<slug>/, and
// n is the slug's CRC-32 modulo the number of files, in hex (urls.preview_file). Null for a link
// that is not to a note of this site.
export function previewOf(link) {
  if (!files) {
    const script = document.querySelector("script[data-pn-preview-files]");
    files = script ? Number(script.getAttribute("data-pn-preview-files")) || 0 : 0;
    if (!files) return null;
  }
  try {
    const page = new URL(link.getAttribute("href"), location.href);
    const notes = new URL("notes/", ROOT);
    if (page.origin !== location.origin || !page.pathname.startsWith(notes.pathname)) return null;
    const match = /^([^/]+)\/?$/.exec(page.pathname.slice(notes.pathname.length));
    if (!match) return null;
    const slug = decodeURIComponent(match[1]);
    const file = shardOf(slug, files);
    return new URL(`previews/${file}.json#${encodeURIComponent(slug)}`, ROOT).href;
  } catch (e) {
    return null;
  }
}

// A link's card is `previews/<n>.json#<slug>`: the file holds the cards of a few notes
// (hooks/papernotes/outputs/previews.py). Each file is fetched once per page.
function load(url) {
  const at = new URL(url);
  const slug = decodeURIComponent(at.hash.slice(1));
  at.hash = "";
  const file = at.href;
  if (!cache.has(file)) {
    cache.set(file, fetch(file, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .catch((err) => { cache.delete(file); throw err; }));
  }
  return cache.get(file).then((cards) => {
    const html = Object.prototype.hasOwnProperty.call(cards, slug) ? cards[slug] : null;
    return typeof html === "string" ? html : Promise.reject(new Error("no card for " + slug));
  });
}

function ensureCard() {
  if (card) return card;
  said = document.createElement("div");
  said.className = "pn-visually-hidden";
  said.setAttribute("aria-live", "polite");
  // Inside <main>, the page's landmark (axe: "region"); placed as before, its containing block
  // is still the body, the first positioned box above it.
  const home = document.querySelector("main") || document.body;
  home.appendChild(said);
  card = document.createElement("div");
  card.id = "pn-preview";
  card.className = "pn-preview md-typeset";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  card.addEventListener("pointerenter", () => clearTimeout(hideTimer));
  card.addEventListener("pointerleave", (e) => { if (e.pointerType === "mouse") hideSoon(); });
  // The card stands for its link: a tap or click on it follows the link (a tap after a long press
  // closed it: the link lost focus). Its press keeps it open until the click.
  card.addEventListener("pointerdown", () => { inCard = true; });
  card.addEventListener("click", () => {
    inCard = false;
    if (current) current.click();
  });
  home.appendChild(card);
  return card;
}

// The link's line boxes: a link that wraps has one per line (a single rect spanning them
// would cover text beside the link). Empty boxes (a line break's) are left out.
function lineBoxes(link) {
  const boxes = Array.from(link.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  return boxes.length ? boxes : [link.getBoundingClientRect()];
}

function place(link) {
  const boxes = lineBoxes(link);
  const first = boxes.reduce((a, b) => (b.top < a.top ? b : a));
  const last = boxes.reduce((a, b) => (b.bottom > a.bottom ? b : a));
  const viewWidth = document.documentElement.clientWidth;
  const width = Math.min(360, viewWidth - 16);
  card.style.width = width + "px";
  card.style.maxHeight = "";
  let height = card.offsetHeight;
  // The room above ends at the sticky header's bottom, not at the window's top: a card above a
  // link near the top (a phone held sideways) covered the search box and the language switch.
  const header = document.querySelector(".md-header");
  const ceiling = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  // Below the link's last line, or above its first: clear of every line of it.
  const below = last.bottom + GAP, roomBelow = window.innerHeight - below, roomAbove = first.top - GAP - ceiling;
  // Where neither side has the smallest card's room, below: it runs past the window's bottom
  // (the page scrolls to it), where above it would run under the header.
  const fitsBelow = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove) || roomAbove < 128;
  // A card taller than its side's room (a small phone): as tall as the room, scrolling within.
  const room = Math.max((fitsBelow ? roomBelow : roomAbove) - 8, 120);
  if (height > room + 8) { card.style.maxHeight = room + "px"; height = card.offsetHeight; }
  const top = fitsBelow ? below : first.top - GAP - height;
  const anchor = fitsBelow ? last : first;
  const left = Math.max(8, Math.min(anchor.left, viewWidth - width - 8));
  card.style.top = Math.round(top + window.scrollY) + "px";
  card.style.left = Math.round(left + window.scrollX) + "px";
  card.dataset.side = fitsBelow ? "below" : "above";
}

function show(link) {
  const url = previewOf(link);
  if (!url) return;
  clearTimeout(hideTimer);
  current = link;
  if (ready.has(url)) {
    render(link, ready.get(url), false);
    return;
  }
  load(url).then((html) => {
    ready.set(url, html);
    if (current === link) render(link, html, true);
  }).catch(() => {});
}

// A screen reader reads a link's description (aria-describedby) when the link gets focus. The
// first card of a link is fetched after that moment, so when it arrives for a focused or
// pressed link its text is also given to the live region, which is read out once.
function render(link, html, late) {
  const el = ensureCard();
  el.innerHTML = html;
  el.hidden = false;
  place(link);
  link.setAttribute("aria-describedby", el.id);
  if (late && (document.activeElement === link || (pressed && pressed.link === link))) {
    said.textContent = "";
    // innerText, not textContent: the card's text in the reader's language only, as it is shown.
    setTimeout(() => { if (current === link) said.textContent = el.innerText.replace(/\s+/g, " ").trim(); }, 50);
  }
}

function hide() {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  if (current) current.removeAttribute("aria-describedby");
  current = null;
  if (said) said.textContent = "";
  if (card) card.hidden = true;
}

function hideSoon() {
  clearTimeout(showTimer);
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, HIDE_DELAY);
}

document.addEventListener("pointerover", (e) => {
  if (e.pointerType !== "mouse") return;
  const link = linkOf(e.target);
  if (!link) return;
  if (link === current) { clearTimeout(hideTimer); return; }
  clearTimeout(showTimer);
  showTimer = setTimeout(() => show(link), SHOW_DELAY);
});

document.addEventListener("pointerout", (e) => {
  if (e.pointerType !== "mouse") return;
  const link = linkOf(e.target);
  if (!link || link.contains(e.relatedTarget)) return;
  if (link === current) hideSoon(); else clearTimeout(showTimer);
});

document.addEventListener("focusin", (e) => {
  const link = linkOf(e.target);
  if (link && link.matches(":focus-visible")) show(link);
});

document.addEventListener("focusout", (e) => {
  if (linkOf(e.target) === current && !inCard) hide();
});

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && current) hide();
});

// Touch: a long press shows the card; the tap that follows (or any short tap) follows the link.
document.addEventListener("pointerdown", (e) => {
  const link = linkOf(e.target);
  if (!card || !card.contains(e.target)) inCard = false;
  if (e.pointerType === "mouse") return;
  if (card && !card.hidden && !link && !card.contains(e.target)) hide();
  if (!link) return;
  // A second long press on a link whose card is open is for the browser's own link menu (open in a
  // new tab, copy or share the address: a phone QA pass missed them, the card having taken the press).
  if (current === link && card && !card.hidden) { pressed = null; clearTimeout(pressTimer); return; }
  pressed = { link, opened: false };
  clearTimeout(pressTimer);
  pressTimer = setTimeout(() => {
    if (pressed && pressed.link === link) {
      pressed.opened = true;
      show(link);
    }
  }, LONG_PRESS);
});

function endPress() {
  clearTimeout(pressTimer);
  if (pressed && pressed.opened) {
    // The release of the long press is not a tap; a later tap on the link is.
    swallowClick = pressed.link;
    setTimeout(() => { swallowClick = null; }, 400);
  }
  pressed = null;
}
document.addEventListener("pointerup", endPress);
document.addEventListener("pointercancel", endPress);

// On a phone the browser's own link menu opens on the same long press (Chrome on Android, at about
// the card's delay), over the card: a long press on a link with a card shows the card instead; the
// next long press on it, the card open, shows the menu (pointerdown above).
document.addEventListener("contextmenu", (e) => {
  const link = linkOf(e.target);
  if (!link || !pressed || pressed.link !== link) return;
  e.preventDefault();
  clearTimeout(pressTimer);
  if (!pressed.opened) {
    pressed.opened = true;
    show(link);
  }
});

document.addEventListener("click", (e) => {
  const link = linkOf(e.target);
  if (link && link === swallowClick) e.preventDefault();
  swallowClick = null;
}, true);

window.addEventListener("resize", () => { if (current) hide(); });
