/* papernotes: search in the header, backed by Pagefind (index written after the build into
 * pagefind/). Nothing is downloaded until the reader focuses the box; a query then loads only
 * the index chunks it needs. Results show each note's commentary in the chosen language
 * (.pn-lang spans, switched by CSS on html[data-pn-lang]). */
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = new URL("../", script.src);            // this file lives in <root>/assets/
  var PAGEFIND = new URL("pagefind/pagefind.js", ROOT);
  var LIMIT = 10;
  var pagefind = null, loading = null;

  function load() {
    if (!loading) {
      loading = import(PAGEFIND.href).then(function (pf) {
        return pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 }).then(function () {
          pf.init();
          pagefind = pf;
          return pf;
        });
      });
    }
    return loading;
  }

  var el = window.papernotes.el, bi = window.papernotes.bi;

  // The index holds Hangul decomposed (see hooks/papernotes/search.py): recompose for display.
  function nfc(text) { return (text || "").normalize("NFC"); }

  function renderResult(data) {
    var li = el("li", { class: "pn-search__result" });
    var meta = {};
    Object.keys(data.meta || {}).forEach(function (k) { meta[k] = nfc(data.meta[k]); });
    var a = el("a", { href: data.url, class: "pn-search__title" }, meta.title || data.url);
    li.appendChild(a);
    if (meta.date) li.appendChild(el("span", { class: "pn-search__date" }, " " + meta.date));
    var ko = meta.ko || meta.en || "", en = meta.en || meta.ko || "";
    var summary = el("p", { class: "pn-search__summary" });
    summary.appendChild(bi(ko, en));
    li.appendChild(summary);
    // Pagefind's excerpt marks the matched words; it is built from our own sanitised pages.
    var excerpt = el("p", { class: "pn-search__excerpt" });
    excerpt.innerHTML = nfc(data.excerpt);
    li.appendChild(excerpt);
    return li;
  }

  function build() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var box = el("div", { class: "pn-search", role: "search" });
    var input = el("input", { type: "search", class: "pn-search__input", autocomplete: "off", spellcheck: "false",
      "aria-label": "검색 / Search", placeholder: "검색 · Search", "aria-controls": "pn-search-results" });
    var panel = el("div", { class: "pn-search__panel md-typeset", id: "pn-search-results", hidden: "" });
    var status = el("p", { class: "pn-search__status", "aria-live": "polite" });
    var list = el("ol", { class: "pn-search__results" });
    panel.appendChild(status);
    panel.appendChild(list);
    box.appendChild(input);
    box.appendChild(panel);
    var anchor = header.querySelector(".pn-toggle, .md-header__source");
    if (anchor) header.insertBefore(box, anchor); else header.appendChild(box);

    var seq = 0;
    function setStatus(ko, en) { status.textContent = ""; status.appendChild(bi(ko, en)); }

    function run() {
      var q = input.value.trim(), mine = ++seq;
      if (!q) { panel.hidden = true; list.textContent = ""; return; }
      panel.hidden = false;
      setStatus("검색 중…", "Searching…");
      load().then(function (pf) { return pf.search(q.normalize("NFD")); }).then(function (search) {
        if (mine !== seq) return null;
        return Promise.all(search.results.slice(0, LIMIT).map(function (r) { return r.data(); })).then(function (items) {
          if (mine !== seq) return;
          list.textContent = "";
          items.forEach(function (d) { list.appendChild(renderResult(d)); });
          var n = search.results.length;
          list.setAttribute("data-count", String(n));
          if (n === 0) setStatus("결과가 없습니다.", "No results.");
          else setStatus("결과 " + n + "개" + (n > LIMIT ? " (상위 " + LIMIT + "개)" : ""),
                         n + (n === 1 ? " result" : " results") + (n > LIMIT ? " (top " + LIMIT + ")" : ""));
        });
      }).catch(function (err) {
        setStatus("검색 색인을 불러오지 못했습니다.", "Could not load the search index.");
        if (window.console) console.error(err);
      });
    }

    var timer = null;
    input.addEventListener("focus", function () { load().catch(function () {}); if (input.value.trim()) panel.hidden = false; });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { panel.hidden = true; input.blur(); }
      if (e.key === "Enter") { clearTimeout(timer); run(); }
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.key === "/" && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
        e.preventDefault();
        input.focus();
      }
    });
    document.addEventListener("click", function (e) { if (!box.contains(e.target)) panel.hidden = true; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
