/* The tag index's sort buttons (by name, by number of notes): the page lists the tags by name
 * and keeps the buttons hidden until this module can sort. Loaded by the tag index page only
 * (pages/families/tag_index.py names it). */

const list = document.querySelector(".pn-tag-index");
const controls = document.querySelector(".pn-sort");
if (list && controls) {
  controls.hidden = false;
  const buttons = Array.from(controls.querySelectorAll("button[data-sort]"));
  for (const button of buttons) {
    button.addEventListener("click", () => {
      const key = button.getAttribute("data-sort");
      const items = Array.from(list.children);
      items.sort((a, b) => {
        const byName = a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"));
        if (key === "name") return byName;
        return Number(b.getAttribute("data-count")) - Number(a.getAttribute("data-count")) || byName;
      });
      list.append(...items);
      for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
    });
  }
}
