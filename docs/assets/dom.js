/* Small DOM helpers of the site's modules (the search box, the browse filter): an element with
 * attributes and text, and a Korean/English pair of `.pn-lang` spans, which the site's CSS shows
 * one at a time (html[data-pn-lang], set by lang.js), so a switch needs no re-rendering.
 * Everything is inserted as text: what the index holds may be hostile. */

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/* The `lang` a title, name or lab is marked with as written (the pages' `text_lang`, in
 * hooks/papernotes/pages/fragments.py): "ko" when it holds Hangul; "" (unknown) when its letters
 * are of another script and none is Latin (张伟, محمد علي, Ελένη), which "en" would have a screen
 * reader read as English; else "en". */
const HANGUL_LETTER = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]/;
export function langOf(text) {
  if (HANGUL_LETTER.test(text)) return "ko";
  return !LATIN_LETTER.test(text) && /\p{L}/u.test(text) ? "" : "en";
}

export function bi(ko, en) {
  const frag = document.createDocumentFragment();
  frag.append(el("span", { class: "pn-lang", lang: "ko" }, ko), el("span", { class: "pn-lang", lang: "en" }, en));
  return frag;
}

/* The reader's language: "ko" or "en" (html[data-pn-lang], set before the first paint). */
export function language() {
  return document.documentElement.getAttribute("data-pn-lang") === "en" ? "en" : "ko";
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// CRC-32 of the UTF-8 bytes of `text`: Python's zlib.crc32, as urls.preview_file and urls.cite_file use it
// (a note's preview card and BibTeX entry are in the file its slug's CRC-32 names).
export function crc32(text) {
  let c = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/* The file name (without `.json`) that note `slug`'s preview card and BibTeX entry share, of `files`
 * (urls._shard): its CRC-32 modulo `files`, in hex. */
export function shardOf(slug, files) {
  return (crc32(slug) % files).toString(16).padStart(3, "0");
}
