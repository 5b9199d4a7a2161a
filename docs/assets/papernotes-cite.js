/* papernotes: the "Copy" button next to a note's BibTeX entry. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Hack: plain-http hosts have no Clipboard API; the old selection + execCommand path still works there.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  function init() {
    document.querySelectorAll(".pn-copy[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) return;
      var label = button.innerHTML;
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(source.textContent).then(function () {
          button.setAttribute("data-state", "copied");
          button.innerHTML = '<span class="pn-lang" lang="ko">복사됨</span><span class="pn-lang" lang="en">Copied</span>';
        }, function () {
          button.setAttribute("data-state", "failed");
          button.innerHTML = '<span class="pn-lang" lang="ko">복사 실패 — 직접 선택하세요</span><span class="pn-lang" lang="en">Copy failed — select the text</span>';
        }).then(function () {
          setTimeout(function () { button.innerHTML = label; button.removeAttribute("data-state"); }, 2000);
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
