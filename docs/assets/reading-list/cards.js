/* The reading list on pages that show notes (home, day, tag and note pages; see
 * overrides/partials/pn-reading-list.html): Save / Read / private-note controls in every `.pn-rl`
 * slot, and on home and day pages the notes new since the reader's previous visit. Loaded as a
 * module (deferred, no globals); the list page has its own entry module, list-page.js. Search
 * results get theirs on every page from results.js, which the search box loads. */

import { mountControls, slotInfo } from "./controls.js";
import { store } from "./page-store.js";
import { T, ROOT, bi, el, fill } from "./text.js";
import { trackVisits } from "./visits.js";

// The build's slots, each in its note's item ([data-slug]); search results get theirs below.
const slots = Array.from(document.querySelectorAll("[data-slug] > .pn-rl"));
const infos = new Map(slots.map((slot) => [slot, slotInfo(slot)]));
store.followRenames([...infos.values()]);   // saved before their file was renamed: the same papers, at their new addresses
for (const [slot, info] of infos) {
  mountControls(slot, info, store);
  // What the page says about a saved note is the freshest: keep the stored title and tags up to date.
  const entry = store.get(info.slug);
  if (entry && (entry.title !== info.title || entry.tags.join(" ") !== info.tags.join(" ") || entry.arxiv !== info.arxiv)) {
    store.save(info);
  }
}

/* New since the last visit (home and day pages have the `.pn-rl-news` line). */
const news = document.querySelector(".pn-rl-news");
if (news) {
  const cards = slots.filter((s) => s.closest("article.pn-note:not(.pn-note--page)"))
    .map((s) => ({ slug: infos.get(s).slug, date: infos.get(s).date, element: s.closest("article") }));
  const fresh = trackVisits(cards, () => {});
  for (const card of fresh) {
    card.element.classList.add("pn-rl-is-new");
    card.element.querySelector(".pn-rl__row").append(el("span", { class: "pn-rl__new" }, bi(T.isNew)));
  }
  const listLink = el("a", { href: new URL("list/", ROOT).pathname }, bi(T.myList));
  const count = el("span", { class: "pn-rl-news__count" });
  const renderNews = () => {
    const n = store.entries().length;
    count.replaceChildren(` (${n})`);
  };
  news.replaceChildren(listLink, count);
  if (fresh.length) {
    news.append(" · ", el("strong", { class: "pn-rl-news__new" },
      bi(fill(["지난 방문 이후 새 노트 {n}개", "{n} new since your last visit"], { n: fresh.length }))));
  }
  store.subscribe(renderNews);
  renderNews();
}
