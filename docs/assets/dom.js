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

export function bi(ko, en) {
  const frag = document.createDocumentFragment();
  frag.append(el("span", { class: "pn-lang", lang: "ko" }, ko), el("span", { class: "pn-lang", lang: "en" }, en));
  return frag;
}

/* The reader's language: "ko" or "en" (html[data-pn-lang], set before the first paint). */
export function language() {
  return document.documentElement.getAttribute("data-pn-lang") === "en" ? "en" : "ko";
}
