/* The copy buttons: a `.pn-copy[data-copy]` button copies the text of the element whose id it
 * names (a note's BibTeX entry, a day's daily post) and says whether that worked: on itself for
 * 2 s, and in a polite status region beside it, which a screen reader announces (a button's own
 * label changing is not announced: WCAG 4.1.3). The buttons are rendered hidden and shown here,
 * so a page without scripts shows none. Loaded by the pages that have them
 * (pages/families/note.py and archive.py name it). */

/* Put `text` on the clipboard. */
export function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Hack: plain-http hosts have no Clipboard API; the old selection + execCommand path still works there.
  return new Promise((resolve, reject) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (ok) resolve(); else reject(new Error("copy failed"));
  });
}

const COPIED = '<span class="pn-lang" lang="ko">복사됨</span><span class="pn-lang" lang="en">Copied</span>';
const FAILED = '<span class="pn-lang" lang="ko">복사 실패 — 직접 선택하세요</span><span class="pn-lang" lang="en">Copy failed — select the text</span>';

for (const button of document.querySelectorAll(".pn-copy[data-copy]")) {
  const source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) continue;
  const label = button.innerHTML;
  // Present (empty) before it says anything: a live region added with its text is not announced.
  // Out of the layout (pn-visually-hidden): nothing moves.
  const status = document.createElement("span");
  status.className = "pn-visually-hidden";
  status.setAttribute("role", "status");
  button.after(status);
  button.hidden = false;
  let restore = 0;
  function show(state, html) {
    clearTimeout(restore);
    button.setAttribute("data-state", state);
    button.innerHTML = html;                     // constants: no text from anywhere else
    status.innerHTML = html;                     // in the reader's language: the other's span is display: none
    restore = setTimeout(() => { button.innerHTML = label; button.removeAttribute("data-state"); status.textContent = ""; }, 2000);
  }
  button.addEventListener("click", () => {
    status.textContent = "";                     // pressed again: said again
    copyText(source.textContent).then(() => show("copied", COPIED), () => show("failed", FAILED));
  });
}
