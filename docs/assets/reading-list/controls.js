/* One note's reading-list controls: Save, Read and a private note, as real toggle buttons.
 *
 * `mountControls(slot, info, store)` fills a `.pn-rl` slot (rendered empty by the build with
 * the note's data-rl-* attributes; its height is reserved by papernotes.css so nothing moves)
 * and keeps it in step with the store, which other tabs may change too. The state is on the
 * slot (`data-rl-state`: none, to-read, read) for the CSS, and the buttons say it with
 * aria-pressed; their names stay "Save" / "Read" in the chosen language, with the paper's title
 * for screen readers, so a list of buttons is not a column of identical "Save"s.
 */

import { T, bi, el, forTitle, say } from "./text.js";

let counter = 0;

/* What a slot's attributes say about its note. */
export function slotInfo(slot) {
  const d = slot.dataset;
  return {
    slug: d.rlSlug,
    title: d.rlTitle || d.rlSlug,
    date: d.rlDate || "",
    published: d.rlPublished || null,
    arxiv: d.rlArxiv || null,
    tags: (d.rlTags || "").split(" ").filter(Boolean),
  };
}

function toggle(cls, icon, label, title) {
  return el("button", { type: "button", class: `pn-rl__button ${cls}`, "aria-pressed": "false" },
    el("span", { class: "pn-rl__icon", "aria-hidden": "true" }, icon), bi(label),
    forTitle(title));
}

export function mountControls(slot, info, store) {
  const id = `pn-rl-note-${++counter}`;
  const save = toggle("pn-rl__save", "☆", T.save, info.title);
  const read = toggle("pn-rl__read", "○", T.read, info.title);
  const noteButton = el("button", { type: "button", class: "pn-rl__button pn-rl__note-toggle", "aria-expanded": "false", "aria-controls": id },
    el("span", { class: "pn-rl__icon", "aria-hidden": "true" }, "✎"), bi(T.note),
    forTitle(info.title));
  const state = el("span", { class: "pn-rl__state" });
  const area = el("textarea", { id: `${id}-text`, class: "pn-rl__text", rows: "3", maxlength: "20000" });
  const done = el("span", { class: "pn-rl__done", role: "status" });
  const panel = el("div", { class: "pn-rl__panel", id, hidden: true },
    el("label", { for: `${id}-text`, class: "pn-rl__label" }, bi(T.noteLabel)), area, done);
  const row = el("div", { class: "pn-rl__row" }, save, read, noteButton, state);
  slot.replaceChildren(row, panel);

  let attached = false;
  let unsubscribe = () => {};
  function render() {
    // A slot taken off the page (a list re-drawn) stops listening.
    if (slot.isConnected) attached = true;
    else if (attached) { unsubscribe(); return; }
    const entry = store.get(info.slug);
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
      if (entry.note && !window.confirm(say(["이 노트를 목록에서 빼면 메모도 지워집니다. 뺄까요?", "Removing this note from your list also deletes your private note. Remove it?"]))) return;
      store.remove(info.slug);
    } else store.save(info);
  });
  read.addEventListener("click", () => {
    const entry = store.get(info.slug);
    const isRead = entry && entry.state === "read";
    store.save(info, isRead ? { state: "to-read", read: null } : { state: "read", read: new Date().toISOString() });
  });
  noteButton.addEventListener("click", () => {
    const open = panel.hidden;
    panel.hidden = !open;
    noteButton.setAttribute("aria-expanded", String(open));
    if (open) area.focus();
  });
  let timer = 0;
  const keep = () => {
    clearTimeout(timer);
    const entry = store.get(info.slug);
    if ((entry ? entry.note : "") === area.value) return;
    store.save(info, { note: area.value });
    done.replaceChildren(bi(T.noteSaved));
  };
  area.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(keep, 400); });
  area.addEventListener("change", keep);
  area.addEventListener("blur", keep);

  unsubscribe = store.subscribe(render);
  render();
  return render;
}
