/* Save / Read / Note buttons for the search box's results, on every page: the box (search/box.js)
 * imports this module when it first shows results (a page that never searches loads none of the
 * reading list's code) and passes it each result before showing it, so the buttons are there as
 * the result appears (nothing moves under the reader). A result knows its note's slug, title and
 * date only; the list page completes the rest (its tags, arXiv id) from the site's index. */

import { mountControls } from "./controls.js";
import { store } from "./page-store.js";
import { el } from "./text.js";

/* Fill `li` (a search result, render.renderCard's) with its note's controls, once. */
export function addControls(li) {
  if (li.querySelector(".pn-rl")) return;
  const link = li.querySelector("a.pn-search__title");
  if (!link) return;
  const match = /\/notes\/([^/]+)\/?$/.exec(new URL(link.href, location.href).pathname);
  if (!match) return;
  const date = (li.querySelector(".pn-search__date") || { textContent: "" }).textContent.trim();
  const slot = el("div", { class: "pn-rl pn-rl--compact" });
  li.append(slot);
  mountControls(slot, { slug: decodeURIComponent(match[1]), title: link.textContent, date, published: null, arxiv: null, tags: [] }, store);
}
