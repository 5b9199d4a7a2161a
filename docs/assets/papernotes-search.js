/* papernotes: search in the header, backed by our own static index (written at build time by
 * hooks/papernotes/outputs/search_index.py into search/; its module docstring is the format).
 * Nothing is downloaded until the reader focuses the box. Focus loads search/meta.json (the
 * directory of term files); a query then loads the one to three terms files its words fall in
 * and the cards files of the results shown. Results show each note's commentary in the chosen
 * language (.pn-lang spans, switched by CSS on html[data-pn-lang]). Everything from the index
 * is inserted as text (textContent, <mark> built with the DOM): titles may be hostile. */
(function () {
  "use strict";
  var script = document.currentScript;
  var ROOT = new URL("../", script.src);            // this file lives in <root>/assets/
  var META = new URL("search/meta.json", ROOT);
  var PAGE = 10;                                    // results shown at first and per "more"
  var MAX_SPAN = 3;                                 // terms files one prefix may load
  var PARTIAL = 0.7;                                // weight of a prefix match against an exact one

  // --- the tokenizer: must give exactly what searchindex.tokenize gives (tested against it) ---
  var WORD = /\p{Nd}+(?:\.\p{Nd}+)+|[\p{L}\p{N}]+/gu;
  var MARKS = /\p{Mn}/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var HANGUL = /\p{Script=Hangul}/u;

  function fold(token) {
    return ASCII.test(token) ? token : token.normalize("NFD").replace(MARKS, "").normalize("NFC");
  }

  function tokenize(text) {
    return (String(text).normalize("NFC").toLowerCase().match(WORD) || []).map(fold);
  }

  /* The words a query looks up, each matched as a prefix: its distinct terms, a Korean word
   * without one trailing particle (보상을 -> 보상), so it also finds 보상은 and 보상이, and no
   * version after an arXiv id (2401.12340v2 -> 2401.12340: notes hold ids without one). */
  function queryWords(query, particles) {
    var byLength = (particles || []).slice().sort(function (a, b) { return b.length - a.length; });
    var seen = {}, words = [];
    tokenize(query).forEach(function (word, i, all) {
      if (i > 0 && /^v\d+$/.test(word) && /^\d{4}\.\d{4,5}$/.test(all[i - 1])) return;
      if (HANGUL.test(word)) {
        for (var i = 0; i < byLength.length; i++) {
          var p = byLength[i];
          if (word.length > p.length && word.slice(-p.length) === p) { word = word.slice(0, -p.length); break; }
        }
      }
      if (!Object.prototype.hasOwnProperty.call(seen, word)) { seen[word] = true; words.push(word); }
    });
    return words;
  }

  // --- the index ---
  var meta = null, metaLoading = null, files = {};

  function fetchJson(url) {
    return fetch(url.href).then(function (r) {
      if (!r.ok) throw new Error(url.href + ": HTTP " + r.status);
      return r.json();
    });
  }

  function loadMeta() {
    if (!metaLoading) {
      metaLoading = fetchJson(META).then(function (m) { meta = m; return m; }, function (err) {
        metaLoading = null;                       // a later query tries again
        throw err;
      });
    }
    return metaLoading;
  }

  function loadFile(path) {                       // a terms or cards file, fetched once
    if (!files[path]) {
      files[path] = fetchJson(new URL(path, ROOT)).catch(function (err) { delete files[path]; throw err; });
    }
    return files[path];
  }

  /* Index of the last chunk whose first term is <= key (< key when `strict`), or -1. */
  function lastChunk(chunks, key, strict) {
    var lo = 0, hi = chunks.length;               // answer is lo - 1 at the end
    while (lo < hi) {
      var mid = (lo + hi) >> 1, first = chunks[mid][0];
      if (first < key || (!strict && first === key)) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }

  /* { scores: {doc: score}, partial: whether the word's terms spanned more than MAX_SPAN files }. */
  function lookUp(word) {
    var chunks = meta.chunks;
    var start = Math.max(0, lastChunk(chunks, word, false));
    var end = lastChunk(chunks, word + "\uffff", true);
    if (end < start) return Promise.resolve({ scores: {}, partial: false });
    var last = Math.min(end, start + MAX_SPAN - 1);
    var loads = [];
    for (var i = start; i <= last; i++) loads.push(loadFile(meta.terms.replace("{name}", chunks[i][1])));
    return Promise.all(loads).then(function (parts) {
      var scores = {};
      parts.forEach(function (part) {
        Object.keys(part).forEach(function (term) {
          if (term.slice(0, word.length) !== word) return;
          var postings = part[term];
          var base = Math.log(1 + meta.docs / postings.length) * (term === word ? 1 : PARTIAL);
          var doc = 0;
          for (var j = 0; j < postings.length; j++) {
            var value = postings[j];
            doc += Math.floor(value / 16);
            var score = base * (value % 16);
            if (!(scores[doc] >= score)) scores[doc] = score;
          }
        });
      });
      return { scores: scores, partial: end > last };
    });
  }

  /* [[doc, score], ...] of the documents holding every word, best first, then newest first. */
  function rank(found) {
    var hits = [];
    if (!found.length) return hits;
    var smallest = found.reduce(function (a, b) { return Object.keys(a.scores).length <= Object.keys(b.scores).length ? a : b; });
    Object.keys(smallest.scores).forEach(function (key) {
      var total = 0;
      for (var i = 0; i < found.length; i++) {
        var s = found[i].scores[key];
        if (s === undefined) return;
        total += s;
      }
      hits.push([Number(key), total]);
    });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return hits;
  }

  function loadCards(docs) {                      // the [slug, title, date, ko, en] rows of `docs`
    var shard = meta.card_shard;
    return Promise.all(docs.map(function (d) {
      return loadFile(meta.cards.replace("{n}", String(Math.floor(d / shard)))).then(function (rows) { return rows[d % shard]; });
    }));
  }

  // --- rendering ---
  var el = window.papernotes.el, bi = window.papernotes.bi;

  /* `text` as nodes, each word that starts with one of `words` (compared as the index compares
   * terms: lower-cased, accents removed) inside a <mark>. */
  function highlight(text, words) {
    var frag = document.createDocumentFragment();
    var at = 0, m;
    var re = new RegExp(WORD.source, "gu");
    while ((m = re.exec(text)) !== null) {
      var term = fold(m[0].normalize("NFC").toLowerCase());
      if (!words.some(function (w) { return term.slice(0, w.length) === w; })) continue;
      if (m.index > at) frag.appendChild(document.createTextNode(text.slice(at, m.index)));
      frag.appendChild(el("mark", {}, m[0]));
      at = m.index + m[0].length;
    }
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function renderCard(card, words) {
    var slug = card[0], title = card[1], date = card[2];
    var ko = card[3] || card[4] || "", en = card[4] || card[3] || "";
    var href = new URL(meta.note.replace("{slug}", encodeURIComponent(slug)), ROOT).pathname;
    var li = el("li", { class: "pn-search__result" });
    var a = el("a", { href: href, class: "pn-search__title", lang: "en" });
    a.appendChild(highlight(title, words));
    li.appendChild(a);
    li.appendChild(el("span", { class: "pn-search__date" }, " " + date));
    if (card[5]) {                                // authors: a search by a name shows it matched
      var authors = el("p", { class: "pn-search__authors" });
      authors.appendChild(highlight(card[5], words));
      li.appendChild(authors);
    }
    var summary = el("p", { class: "pn-search__summary" });
    summary.appendChild(bi(ko, en));
    Array.prototype.forEach.call(summary.querySelectorAll(".pn-lang"), function (span) {
      var text = span.textContent;
      span.textContent = "";
      span.appendChild(highlight(text, words));
    });
    li.appendChild(summary);
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
    var more = el("button", { type: "button", class: "pn-search__more md-button", hidden: "" });
    panel.appendChild(status);
    panel.appendChild(list);
    panel.appendChild(more);
    box.appendChild(input);
    box.appendChild(panel);
    var anchor = header.querySelector(".pn-toggle, .md-header__source");
    if (anchor) header.insertBefore(box, anchor); else header.appendChild(box);

    var seq = 0;                                  // the newest query; older answers are dropped
    var shown = null;                             // {hits, words, count} of the list on screen

    function setStatus(ko, en) { status.textContent = ""; status.appendChild(bi(ko, en)); }

    function failed(err) {
      setStatus("검색 색인을 불러오지 못했습니다. Enter를 눌러 다시 시도하세요.",
                "Could not load the search index. Press Enter to try again.");
      more.hidden = true;
      if (window.console) console.error(err);
    }

    /* The cards of `state`'s next PAGE results, appended once loaded; `fresh` replaces the list
     * (a new query) in the same step, so the old results stay until the new ones can be shown. */
    function showMore(state, mine, fresh) {
      var next = state.hits.slice(state.count, state.count + PAGE);
      more.disabled = true;
      return loadCards(next.map(function (h) { return h[0]; })).then(function (cards) {
        if (mine !== seq) return false;
        if (fresh) list.textContent = "";
        cards.forEach(function (card) { list.appendChild(renderCard(card, state.words)); });
        state.count += cards.length;
        var rest = Math.min(PAGE, state.hits.length - state.count);
        more.textContent = "";
        more.appendChild(bi(rest + "개 더 보기", "Show " + rest + " more"));
        more.hidden = rest <= 0;
        more.disabled = false;
        return true;
      });
    }

    function run() {
      var q = input.value.trim(), mine = ++seq;
      if (!q) { panel.hidden = true; list.textContent = ""; list.removeAttribute("data-count"); more.hidden = true; return; }
      panel.hidden = false;
      list.removeAttribute("data-count");         // present again once this query's results show
      setStatus("검색 중…", "Searching…");
      loadMeta().then(function () {
        var words = queryWords(q, meta.particles);
        return Promise.all(words.map(lookUp)).then(function (found) {
          if (mine !== seq) return null;
          var state = { hits: rank(found), words: words, count: 0 };
          return showMore(state, mine, true).then(function (current) {
            if (!current) return;
            shown = state;
            var n = state.hits.length;
            list.setAttribute("data-count", String(n));   // set once the first results are on screen
            if (!words.length) setStatus("찾을 단어가 없습니다.", "No words to search for.");
            else if (n === 0) setStatus("결과가 없습니다.", "No results.");
            else setStatus("결과 " + n + "개", n + (n === 1 ? " result" : " results"));
            if (found.some(function (f) { return f.partial; })) {
              status.appendChild(bi(" — 이 단어로 시작하는 말이 너무 많아 일부만 찾았습니다. 더 입력해 보세요.",
                                    " — too many words start with this; only some were searched. Type more."));
            }
          });
        });
      }).catch(function (err) { if (mine === seq) failed(err); });
    }

    more.addEventListener("click", function () {
      var mine = seq;
      if (shown) showMore(shown, mine, false).catch(function (err) { if (mine === seq) failed(err); });
    });

    var timer = null;
    input.addEventListener("focus", function () { loadMeta().catch(function () {}); if (input.value.trim()) panel.hidden = false; });
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
    document.addEventListener("click", function (e) {
      // The path as dispatched: "more" may have replaced the clicked label before this runs.
      var path = e.composedPath ? e.composedPath() : [e.target];
      if (path.indexOf(box) < 0) panel.hidden = true;
    });
  }

  // Exposed so the tests can compare the tokenizer with the Python one.
  window.papernotes.searchTokenize = tokenize;
  window.papernotes.searchQueryWords = queryWords;

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
