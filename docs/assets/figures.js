/* Figures wider than the screen (the statistics on a phone) open at their newest data, the end of
 * the row, and say that they scroll (papernotes.css draws the fades and the hint from
 * data-pn-scrolls, data-pn-more-before and data-pn-more-after). Loaded by the statistics page only
 * (pages/families/stats.py names it). */

for (const figure of document.querySelectorAll(".pn-figure")) {
  const update = () => {
    const room = figure.scrollWidth - figure.clientWidth;
    figure.toggleAttribute("data-pn-scrolls", room > 1);
    figure.toggleAttribute("data-pn-more-before", room > 1 && figure.scrollLeft > 1);
    figure.toggleAttribute("data-pn-more-after", room > 1 && figure.scrollLeft < room - 1);
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
