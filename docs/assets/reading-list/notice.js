/* A message about the list's storage (off, full, unreadable, written by a newer site), as a
 * fixed banner at the bottom of the window: it covers nothing essential and, being fixed, moves
 * nothing on the page. Shown once per kind of problem per page, dismissible. */

import { T, bi, el } from "./text.js";

const MESSAGES = { off: T.storageOff, full: T.storageFull, broken: T.storageBroken, newer: T.storageNewer };

export function problemText(problem) {
  return MESSAGES[problem] || null;
}

/* Show `store`'s problems as they arise; `now`: its present one at once too (the list page,
 * which is all about the list). Watched once per store, however many modules ask (the page's
 * cards, the search results and the list page share one: page-store.js). */
const watched = new WeakMap();
export function showProblems(store, { now = false } = {}) {
  let show = watched.get(store);
  if (!show) {
    const shown = new Set();
    let banner = null;
    show = () => {
      const problem = store.problem;
      if (!problem || shown.has(problem)) return;
      shown.add(problem);
      if (banner) banner.remove();
      const close = el("button", { type: "button", class: "pn-rl-banner__close" }, bi(["닫기", "Dismiss"]));
      banner = el("div", { class: "pn-rl-banner", role: "alert" }, el("p", {}, bi(MESSAGES[problem])), close);
      close.addEventListener("click", () => banner.remove());
      document.body.append(banner);
    };
    watched.set(store, show);
    store.subscribe(show);
  }
  if (now || store.problem === "broken" || store.problem === "newer") show();
}
