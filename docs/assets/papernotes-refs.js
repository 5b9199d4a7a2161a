/* papernotes: the RIS and CSL-JSON downloads of a tag's or an author's notes, made in the browser.

   A list (tag, author) publishes one bibliography file, BibTeX; RIS and CSL-JSON are derived
   from it: its entry keys are the notes' slugs, and every note publishes its own RIS record and
   CSL-JSON item beside its page (notes/<slug>/papernotes.ris, .csl.json). Written out for every
   tag and author, the two formats were about 8 kB of output per note (issue 24). The links are
   `hidden` until this script runs, like the copy buttons: without JavaScript a reader imports
   the BibTeX file, which every reference manager reads, or a note's own RIS or CSL-JSON. */
(function () {
  "use strict";

  var BATCH = 8; // note files fetched at once

  function slugsOf(bibtex) {
    var keys = [], re = /^@\w+\{([^,\s]+),/gm, m;
    while ((m = re.exec(bibtex))) keys.push(m[1]);
    return keys;
  }

  function fetchText(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    });
  }

  function inBatches(urls) {
    var out = [], i = 0;
    function next() {
      if (i >= urls.length) return Promise.resolve(out);
      var batch = urls.slice(i, i + BATCH);
      i += BATCH;
      return Promise.all(batch.map(fetchText)).then(function (texts) {
        out.push.apply(out, texts);
        return next();
      });
    }
    return next();
  }

  function assemble(link) {
    var fmt = link.getAttribute("data-pn-refs"), base = link.getAttribute("data-pn-notes");
    var file = fmt === "ris" ? "papernotes.ris" : "papernotes.csl.json";
    return fetchText(link.getAttribute("data-pn-bibtex")).then(function (bibtex) {
      return inBatches(slugsOf(bibtex).map(function (slug) { return base + encodeURIComponent(slug) + "/" + file; }));
    }).then(function (texts) {
      if (fmt === "ris") return { type: "application/x-research-info-systems", text: texts.join("\n") };
      // The same layout as a note's own file: an array, one compact item a line.
      var items = [];
      texts.forEach(function (t) { items.push.apply(items, JSON.parse(t)); });
      var lines = items.map(function (item) { return JSON.stringify(item); });
      return { type: "application/vnd.citationstyles.csl+json", text: "[\n" + lines.join(",\n") + "\n]\n" };
    });
  }

  function save(link, made) {
    var url = URL.createObjectURL(new Blob([made.text], { type: made.type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = link.getAttribute("download") || "papernotes";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function init() {
    document.querySelectorAll("a[data-pn-refs]").forEach(function (link) {
      var wrap = link.closest(".pn-refs-made") || link;
      wrap.hidden = false;
      link.addEventListener("click", function (e) {
        e.preventDefault();
        if (link.getAttribute("aria-busy") === "true") return;
        link.setAttribute("aria-busy", "true");
        assemble(link).then(function (made) { save(link, made); }, function (err) {
          link.setAttribute("data-state", "failed");
          if (window.console) console.error("papernotes:", err);
        }).then(function () { link.removeAttribute("aria-busy"); });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
