/* The tag index's sort buttons (by name, by number of notes): the page lists the tags by number
 * and keeps the buttons hidden until this module can sort. By name is by the tag's label in the
 * reader's language (가나다 for 한국어, A-Z for English), again when the language is switched.
 * Loaded by the tag index page only (pages/families/tag_index.py names it). */

const list = document.querySelector(".pn-tag-index");
const controls = document.querySelector(".pn-sort");
if (list && controls) {
  controls.hidden = false;
  const buttons = Array.from(controls.querySelectorAll("button[data-sort]"));
  const first = new Map(Array.from(list.children, (item, i) => [item, i]));  // the page's order, by count: ties as it has them
  const sort = (button) => {
    const key = button.getAttribute("data-sort");
    const lang = document.documentElement.getAttribute("data-pn-lang") === "en" ? "en" : "ko";
    const name = (item) => item.getAttribute(`data-name-${lang}`) || item.getAttribute("data-tag") || "";
    const items = Array.from(list.children);
    items.sort((a, b) => {
      if (key === "name") return name(a).localeCompare(name(b), lang, { sensitivity: "base", numeric: true });
      return Number(b.getAttribute("data-count")) - Number(a.getAttribute("data-count")) || first.get(a) - first.get(b);
    });
    list.append(...items);
    for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
  };
  for (const button of buttons) button.addEventListener("click", () => sort(button));
  document.addEventListener("papernotes:lang", () => {
    const pressed = buttons.find((b) => b.getAttribute("aria-pressed") === "true");
    if (pressed && pressed.getAttribute("data-sort") === "name") sort(pressed);
  });
}
