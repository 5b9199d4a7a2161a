/* The copy buttons: a `.pn-copy[data-copy]` button copies the text of the element whose id it
 * names (a note's BibTeX entry, a day's daily post) and says whether that worked. The buttons
 * are rendered hidden and shown here, so a page without scripts shows none. Loaded by the pages
 * that have them (pages/families/note.py and archive.py name it). */

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
  button.hidden = false;
  button.addEventListener("click", () => {
    copyText(source.textContent).then(() => {
      button.setAttribute("data-state", "copied");
      button.innerHTML = COPIED;                 // constants: no text from anywhere else
    }, () => {
      button.setAttribute("data-state", "failed");
      button.innerHTML = FAILED;
    }).then(() => {
      setTimeout(() => { button.innerHTML = label; button.removeAttribute("data-state"); }, 2000);
    });
  });
}
