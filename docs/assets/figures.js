/* Figures wider than the screen (the statistics on a phone) open at their newest data, the end of
 * the row, and say that they scroll (papernotes.css draws the fades and the hint from
 * data-pn-scrolls, data-pn-more-before and data-pn-more-after); their years, months and days are
 * named in the reader's language. Loaded by the statistics page only (pages/families/stats.py names it). */

import { language } from "./dom.js";

/* A year's, month's or day's <title> (its link's name and its tooltip) is written at build time in
 * the site's default language, "2025-01-17: 노트 2개", "1999: 노트 3개" (pages/stats.py
 * `count_label`); here it is written in the reader's, and again on a switch. Built here, not
 * written in both languages on each of a big site's thousand days (as lang.js names the map's
 * links). */
const COUNTED = /^(\d{4}(?:-\d{2}){0,2}): \D*(\d[\d,]*)/;   // 1,250 as the page writes it
function nameMarks() {
  const en = language() === "en";
  for (const title of document.querySelectorAll(".pn-figure svg title")) {
    const found = COUNTED.exec(title.textContent);
    if (!found) continue;
    const n = Number(found[2].replace(/,/g, "")), shown = n.toLocaleString("en");
    const label = `${found[1]}: ${en ? `${shown} ${n === 1 ? "note" : "notes"}` : `노트 ${shown}개`}`;
    if (title.textContent !== label) title.textContent = label;
  }
}
nameMarks();
document.addEventListener("papernotes:lang", nameMarks);

for (const figure of document.querySelectorAll(".pn-figure")) {
  // A calendar's weekday names (stats.heatmap) stay at its left edge as it scrolls: on a phone it
  // opens at its newest weeks, and 월/수/금 were out of sight, no row telling which day it was.
  const svg = figure.querySelector("svg"), weekdays = figure.querySelector(".pn-weekdays");
  const update = () => {
    const room = figure.scrollWidth - figure.clientWidth;
    figure.toggleAttribute("data-pn-scrolls", room > 1);
    figure.toggleAttribute("data-pn-more-before", room > 1 && figure.scrollLeft > 1);
    figure.toggleAttribute("data-pn-more-after", room > 1 && figure.scrollLeft < room - 1);
    if (weekdays) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width || 1;   // its zoom on a touch screen
      weekdays.setAttribute("transform", `translate(${figure.scrollLeft / scale} 0)`);
      figure.style.setProperty("--pn-keep", `${weekdays.getBoundingClientRect().width}px`);   // not faded (papernotes.css)
    }
  };
  if (figure.scrollWidth - figure.clientWidth > 1) {
    const marks = figure.querySelectorAll("a");
    const newest = marks.length ? marks[marks.length - 1] : null;
    const box = figure.getBoundingClientRect();
    // The newest mark and any label under it (the chart's last month, 10월, is wider than its bar).
    // (A label that starts under the mark: the calendar's later months, to its right, are not.)
    let right = newest ? newest.getBoundingClientRect().right : 0;
    if (newest) {
      const mark = newest.getBoundingClientRect();
      for (const label of figure.querySelectorAll("text")) {
        const r = label.getBoundingClientRect();
        if (r.width && r.left >= mark.left - 1 && r.left <= mark.right) right = Math.max(right, r.right);
      }
    }
    const end = newest ? right - box.left + figure.scrollLeft + 24 : figure.scrollWidth;
    figure.scrollLeft = Math.max(0, Math.min(figure.scrollWidth, end) - figure.clientWidth);
  }
  update();
  figure.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
}
