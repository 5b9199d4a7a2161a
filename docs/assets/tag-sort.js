/* The tag index's sort buttons (by name, by number of notes): the page lists the tags by number
 * and keeps the buttons hidden until this module can sort. By name is by the tag's label in the
 * reader's language (가나다 for 한국어, A-Z for English), again when the language is switched.
 * Each list of the page is sorted on its own (the full rows of the most used tags, then the
 * others in short). A page may hold a few thousand tags: each row's labels are read once, and
 * compared by one Intl.Collator (localeCompare with options makes a collator per comparison: a
 * second for 5,000 tags on a phone). Loaded by the tag index only (pages/families/tag_index.py). */

const lists = Array.from(document.querySelectorAll(".pn-tag-index"));
const controls = document.querySelector(".pn-sort");
if (lists.length && controls) {
  controls.hidden = false;
  const buttons = Array.from(controls.querySelectorAll("button[data-sort]"));
  const first = lists.map((list) => Array.from(list.children));  // the page's order, by count
  const names = { ko: null, en: null };
  // A row's label in one language: its chip's text of that language (one text when both are the same).
  const label = (item, lang) => {
    const chip = item.querySelector(".pn-tag");
    if (!chip) return "";
    const own = chip.querySelector(`.pn-lang[lang="${lang}"]`);
    return (own || chip).textContent.trim();
  };
  const sort = (button) => {
    const key = button.getAttribute("data-sort");
    const lang = document.documentElement.getAttribute("data-pn-lang") === "en" ? "en" : "ko";
    lists.forEach((list, i) => {
      let items = first[i];
      if (key === "name") {
        if (!names[lang]) names[lang] = new Map(first.flat().map((item) => [item, label(item, lang)]));
        const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
        const name = names[lang];
        items = items.slice().sort((a, b) => collator.compare(name.get(a), name.get(b)));
      }
      list.append(...items);
    });
    for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
  };
  for (const button of buttons) button.addEventListener("click", () => sort(button));
  document.addEventListener("papernotes:lang", () => {
    const pressed = buttons.find((b) => b.getAttribute("aria-pressed") === "true");
    if (pressed && pressed.getAttribute("data-sort") === "name") sort(pressed);
  });
}
