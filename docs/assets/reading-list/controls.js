/* One note's reading-list controls: Save, Read and a private memo, as real toggle buttons.
 *
 * `mountControls(slot, info, store)` fills a `.pn-rl` slot (rendered empty by the build inside
 * its note's item, `slotInfo` below; its height is reserved by papernotes.css so nothing moves)
 * and keeps it in step with the store, which other tabs may change too. The state is on the
 * slot (`data-rl-state`: none, to-read, read) for the CSS, and the buttons say it with
 * aria-pressed; their names stay "Save" / "Read" in the chosen language, with the paper's title
 * for screen readers, so a list of buttons is not a column of identical "Save"s.
 */

import { MEMO_LIMIT } from "./store.js";
import { T, bi, el, labelFor, say } from "./text.js";

let counter = 0;


/* The memos typed and not yet stored, each its slot's `keep`: stored as the page goes (a link
 * followed, Back, the tab closed, within the pause lost the last one). One pair of listeners
 * for the page, not one per slot. */
const unsaved = new Set();
function keepAll() { for (const keep of [...unsaved]) keep(); }
window.addEventListener("pagehide", keepAll);
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") keepAll(); });

/* What the page says about a slot's note. The slot carries only what its item does not show
 * (data-rl-arxiv, data-rl-published); the rest is read where the page has it (issue 24):
 * - slug and tags: the item's `data-slug` and `data-tags` (a card's <article>, a tag page's <li>);
 * - title: the item's heading (`.pn-note__title`, `.pn-item__title`, a note page's <h1>);
 * - date: the item's own day link (tag pages, the note page's byline), else the day the card is
 *   listed under (the home page's day heading, a day page's <h1>). */
export function slotInfo(slot) {
  const d = slot.dataset;
  const item = slot.closest("[data-slug]");
  const slug = item.dataset.slug;
  // A card's or tag item's heading; an author's or lab's one-line item's link.
  const heading = item.querySelector(":scope > :is(.pn-note__title, .pn-item__title, h1)") || item.querySelector(":scope > a");
  const title = heading ? heading.textContent : "";
  return {
    slug,
    title: title || slug,
    date: dayOf(item),
    published: d.rlPublished || null,
    arxiv: d.rlArxiv || null,
    tags: (item.dataset.tags || "").split(" ").filter(Boolean),
  };
}

function dayOf(item) {
  const own = item.querySelector(":scope > .pn-meta a.pn-date > time");
  const section = item.closest(".pn-home-day");
  const time = own || (section ? section.querySelector(".pn-day-heading time") : document.querySelector("h1 > time"));
  return time ? (time.getAttribute("datetime") || time.textContent).trim() : "";
}

function toggle(cls, icon, label, title) {
  return el("button", { type: "button", class: `pn-rl__button ${cls}`, "aria-pressed": "false" },
    el("span", { class: "pn-rl__icon", "aria-hidden": "true" }, icon), labelFor(label, title));
}

export function mountControls(slot, info, store) {
  const id = `pn-rl-note-${++counter}`;
  const save = toggle("pn-rl__save", "☆", T.save, info.title);
  const read = toggle("pn-rl__read", "○", T.read, info.title);
  const noteButton = el("button", { type: "button", class: "pn-rl__button pn-rl__note-toggle", "aria-expanded": "false", "aria-controls": id },
    el("span", { class: "pn-rl__icon", "aria-hidden": "true" }, "✎"), labelFor(T.note, info.title));
  const state = el("span", { class: "pn-rl__state" });
  // The memo's box takes MEMO_LIMIT and says so when full: a paste cut at the limit was silent.
  const area = el("textarea", { id: `${id}-text`, class: "pn-rl__text", rows: "3", maxlength: String(MEMO_LIMIT) });
  const done = el("span", { class: "pn-rl__done", role: "status" });
  const panel = el("div", { class: "pn-rl__panel", id, hidden: true },
    el("label", { for: `${id}-text`, class: "pn-rl__label" }, bi(T.noteLabel)), area, done);
  const row = el("div", { class: "pn-rl__row" }, save, read, noteButton, state);
  slot.replaceChildren(row, panel);

  let attached = false;
  let unsubscribe = () => {};
  let named = info.title;   // the title the buttons' names say
  function render() {
    // A slot taken off the page (a list re-drawn) stops listening.
    if (slot.isConnected) attached = true;
    else if (attached) { unsubscribe(); return; }
    const entry = store.get(info.slug);
    // The stored title may change under the buttons (an import's, then the site's: a QA pass heard
    // "Save: HACKED TITLE" under the site's title): their names follow it.
    if (entry && entry.title !== named) {
      named = entry.title;
      for (const [button, pair] of [[save, T.save], [read, T.read], [noteButton, T.note]]) button.replaceChildren(button.firstChild, labelFor(pair, named));
    }
    const s = entry ? entry.state : "none";
    slot.dataset.rlState = s;
    save.setAttribute("aria-pressed", String(!!entry));
    save.querySelector(".pn-rl__icon").textContent = entry ? "★" : "☆";
    read.setAttribute("aria-pressed", String(s === "read"));
    read.querySelector(".pn-rl__icon").textContent = s === "read" ? "✓" : "○";
    noteButton.classList.toggle("pn-rl__note-toggle--has", !!(entry && entry.note));
    state.replaceChildren(s === "none" ? "" : bi(s === "read" ? T.read : T.toRead));
    if (document.activeElement !== area) area.value = entry ? entry.note : "";
  }

  save.addEventListener("click", () => {
    if (store.get(info.slug)) {
      const entry = store.get(info.slug);
      if (entry.note && !window.confirm(say(["이 노트를 목록에서 빼면 메모도 지워집니다. 뺄까요?", "Removing this note from your list also deletes your memo. Remove it?"]))) return;
      store.remove(info.slug);
    } else if (store.save(info) === "full-list") state.replaceChildren(bi(T.listFull));
  });
  read.addEventListener("click", () => {
    const entry = store.get(info.slug);
    const isRead = entry && entry.state === "read";
    if (store.save(info, isRead ? { state: "to-read", read: null } : { state: "read", read: new Date().toISOString() }) === "full-list") {
      state.replaceChildren(bi(T.listFull));
    }
  });
  noteButton.addEventListener("click", () => {
    const open = panel.hidden;
    panel.hidden = !open;
    noteButton.setAttribute("aria-expanded", String(open));
    if (open) area.focus();
  });
  let timer = 0;
  // Only what the reader typed is stored (`unsaved`): a memo the list page drew for an import
  // that did not fit the storage is not the reader's to keep.
  const keep = () => {
    clearTimeout(timer);
    if (!unsaved.delete(keep) || !area.isConnected) return;
    const entry = store.get(info.slug);
    if ((entry ? entry.note : "") === area.value) return;
    const saved = store.save(info, { note: area.value });
    // Said only when stored (a QA pass: "saved" showed under a memo that a full or blocked storage lost).
    const lost = !store.storage || ["full", "off", "newer"].includes(store.problem);
    done.replaceChildren(bi(saved === "full-list" ? T.listFull : lost ? T.noteNotStored : area.value.length >= MEMO_LIMIT ? T.noteFull : T.noteSaved));
  };
  area.addEventListener("input", () => { unsaved.add(keep); clearTimeout(timer); timer = setTimeout(keep, 400); });
  area.addEventListener("change", keep);
  area.addEventListener("blur", keep);

  unsubscribe = store.subscribe(render);
  render();
  return render;
}
