/* The browse page's tag filter (the browse page loads it: pages/families/browse.py names it).
 * Loads the compact index (browse/index.json: slug, title, date and tag numbers per note), keeps
 * the notes having ALL selected tags, and keeps the selection in the URL (?tags=a,b) with history.pushState, so links can be shared and
 * Back/Forward work. Commentary excerpts (most of the bytes) live in small files of a few
 * dozen notes each (browse/snippets/<n>.json); only those the shown rows need are loaded.
 * The page's HTML already lists the first rows (newest notes, no tag selected: what this module
 * would draw); while no tag is selected they are kept, not drawn again, so nothing moves.
 * The page's chips are the most used tags (pages/families/browse.py); the others with notes are
 * drawn from the index when the reader asks for them ("N more tags", a link to the tag index
 * until the index is here) or when a shared selection names one. */

import { bi, el, langOf } from "./dom.js";

function readSelection(known) {
  var raw = new URLSearchParams(location.search).get("tags") || "";
  var seen = {};
  return raw.split(",").map(function (s) { return s.trim(); }).filter(function (s) {
    if (!s || seen[s] || !(s in known)) return false;
    seen[s] = true;
    return true;
  });
}

function init(box) {
  var chips = Array.prototype.slice.call(box.querySelectorAll(".pn-filter-tag"));
  var tagBox = box.querySelector(".pn-browse__tags");
  var moreTags = box.querySelector("[data-more-tags]");
  var countEl = box.querySelector(".pn-browse__count");
  var results = box.querySelector(".pn-browse__results");
  var more = box.querySelector(".pn-browse__more");
  var clear = box.querySelector(".pn-browse__clear");
  var root = new URL(box.getAttribute("data-root"), location.href);
  var PAGE = Number(box.getAttribute("data-page")) || 50;
  var index = null, shards = {}, number = {}, selected = [], matches = [], shown = 0, counts = null;

  function noteHref(slug) { return new URL(index.note.replace("{slug}", slug), root).href; }
  function tagHref(slug) { return new URL(index.tag.replace("{slug}", slug), root).href; }

  function row(n) {
    var li = el("li", { class: "pn-item", "data-slug": n[0] });
    var h = el("h2", { class: "pn-item__title", lang: langOf(n[1]) });  // as written, as the page's own rows are
    h.appendChild(el("a", { href: noteHref(n[0]) }, n[1]));
    li.appendChild(h);
    var meta = el("p", { class: "pn-meta" });
    meta.appendChild(el("time", { datetime: n[2] }, n[2]));
    meta.appendChild(document.createTextNode(" · "));
    n[3].forEach(function (t) {
      var tag = index.tags[t];
      var a = el("a", { class: "pn-tag", href: tagHref(tag[0]), "data-tag": tag[0] });
      a.appendChild(bi(tag[1], tag[2]));
      meta.appendChild(a);
      meta.appendChild(document.createTextNode(" "));
    });
    li.appendChild(meta);
    li.appendChild(el("p", { class: "pn-browse__snippet", "data-position": String(n[4]) }));
    return li;
  }

  function shard(k) {
    if (!shards[k]) {
      shards[k] = fetch(new URL(index.snippets.replace("{n}", k), root).href).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.statusText);
        return r.json();
      });
    }
    return shards[k];
  }

  // Fill the excerpts of the rows shown, loading the snippet files they need.
  function fillSnippets(paragraphs) {
    var need = {};
    paragraphs.forEach(function (p) { need[Math.floor(Number(p.getAttribute("data-position")) / index.shard)] = true; });
    box.removeAttribute("data-snippets-ready");
    var mine = ++fillSnippets.seq;
    Promise.all(Object.keys(need).map(function (k) {
      return shard(k).then(function (rows) { return [Number(k), rows]; });
    })).then(function (loaded) {
      var byShard = {};
      loaded.forEach(function (pair) { byShard[pair[0]] = pair[1]; });
      paragraphs.forEach(function (p) {
        var pos = Number(p.getAttribute("data-position"));
        var s = byShard[Math.floor(pos / index.shard)][pos % index.shard];
        p.textContent = "";
        p.appendChild(bi(s[0] || s[1], s[1] || s[0]));
      });
      if (mine === fillSnippets.seq) box.setAttribute("data-snippets-ready", "true");
    }).catch(function () { /* rows keep their titles and tags; excerpts are a bonus */ });
  }
  fillSnippets.seq = 0;

  function showMore() {
    var frag = document.createDocumentFragment();
    var rows = matches.slice(shown, shown + PAGE).map(row);
    rows.forEach(function (li) { frag.appendChild(li); });
    results.appendChild(frag);
    fillSnippets(rows.map(function (li) { return li.querySelector(".pn-browse__snippet"); }));
    shown = Math.min(matches.length, shown + PAGE);
    more.hidden = shown >= matches.length;
  }

  // Whether the rows in the page's HTML are those an unfiltered render would draw.
  function firstRowsFit() {
    var lis = results.children;
    if (selected.length || lis.length !== Math.min(PAGE, index.notes.length)) return false;
    for (var i = 0; i < lis.length; i++) if (lis[i].getAttribute("data-slug") !== index.notes[i][0]) return false;
    return true;
  }

  function matching() {
    var want = selected.map(function (s) { return number[s]; });
    return index.notes.filter(function (n) {
      for (var i = 0; i < want.length; i++) if (n[3].indexOf(want[i]) < 0) return false;
      return true;
    });
  }

  // Render once the excerpts of the first rows are at hand (or failed to load), so that rows do
  // not grow under the reader when they arrive (on a slow phone network, well after the click).
  function renderWithExcerpts() {
    results.setAttribute("aria-busy", "true");  // until the rows for the selection are drawn
    var need = {};
    matching().slice(0, PAGE).forEach(function (n) { need[Math.floor(n[4] / index.shard)] = true; });
    var draw = function () { render(false, !box.hasAttribute("data-ready")); };
    Promise.all(Object.keys(need).map(shard)).then(draw, draw);
  }

  // A chip as the current matches leave it: chosen or not, and how many of them have its tag.
  function showChip(chip) {
    var slug = chip.getAttribute("data-tag"), on = selected.indexOf(slug) >= 0;
    var c = counts[number[slug]] || 0;
    chip.setAttribute("aria-pressed", String(on));
    chip.classList.toggle("pn-filter-tag--empty", !on && c === 0);
    // A tag no shown note has would only lead to "no note has all the selected tags": it stays
    // in its place (the chips do not move under a finger) but cannot be chosen.
    if (!on && c === 0) chip.setAttribute("aria-disabled", "true");
    else chip.removeAttribute("aria-disabled");
    var badge = chip.querySelector(".pn-filter-count");
    badge.textContent = String(c);
    badge.setAttribute("data-count", String(c));
  }

  function render(keepRows, reserve) {
    matches = matching();
    // How many of the current matches each tag would keep: shown on the chips.
    counts = new Array(index.tags.length).fill(0);
    matches.forEach(function (n) { n[3].forEach(function (t) { counts[t]++; }); });
    chips.forEach(showChip);
    var total = matches.length;
    var named = selected.join(",");
    if (countEl.getAttribute("data-count") !== String(total) || countEl.getAttribute("data-tags") !== named || !keepRows) {  // unchanged: not announced again
      countEl.setAttribute("data-count", String(total));
      countEl.setAttribute("data-tags", named);
      countEl.textContent = "";
      // The chosen tags by name: on a phone the chips scroll in a box of their own, and those chosen may be out of sight.
      var labels = selected.map(function (s) { return index.tags[number[s]]; });
      var ko = labels.map(function (t) { return t[1]; }).join(" + "), en = labels.map(function (t) { return t[2]; }).join(" + ");
      countEl.appendChild(bi((ko ? ko + ": " : "") + "노트 " + total + "개", (en ? en + ": " : "") + total + (total === 1 ? " note" : " notes")));
    }
    clear.hidden = selected.length === 0;
    if (keepRows) {
      shown = results.children.length;
      more.hidden = shown >= matches.length;
      box.setAttribute("data-snippets-ready", "true");  // the HTML has their excerpts
    } else {
      // The first rows drawn without a click (a shared ?tags= URL) may be far fewer than the
      // unfiltered rows they replace: keep the list's room down to the window's bottom, so
      // what follows does not jump up into view. The reader's next click lets it go.
      var room = reserve ? Math.min(results.offsetHeight, window.innerHeight - results.getBoundingClientRect().top) : 0;
      results.style.minHeight = room > 0 ? room + "px" : "";
      results.textContent = "";
      shown = 0;
      showMore();
      if (!matches.length && selected.length) {  // say so, instead of an empty list
        var none = el("li", { class: "pn-browse__none" });
        none.appendChild(bi("고른 태그를 모두 가진 노트가 없습니다. 태그를 하나 빼 보세요.",
          "No note has all the selected tags. Try removing one."));
        results.appendChild(none);
      }
    }
    results.removeAttribute("aria-busy");
    box.setAttribute("data-ready", "true");
  }

  // A shared link's selection may sit far down the chips' box, out of sight on a phone: the box
  // is scrolled to its first selected chip (the box scrolls, the page does not move).
  function showSelected() {
    var first = chips.filter(function (c) { return selected.indexOf(c.getAttribute("data-tag")) >= 0; })[0];
    var box = first && first.parentNode;
    if (!box || box.scrollHeight <= box.clientHeight) return;
    box.scrollTop += first.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
  }

  function commit(next) {
    selected = next;
    var url = new URL(location.href);
    if (selected.length) url.searchParams.set("tags", selected.join(","));
    else url.searchParams.delete("tags");
    // Hack: URLSearchParams encodes "," as %2C; tag slugs never need escaping, so keep it readable.
    history.pushState({ tags: selected }, "", url.href.replace(/%2C/g, ","));
    // The chips answer at once; the rows and the count follow with their excerpts.
    chips.forEach(function (chip) { chip.setAttribute("aria-pressed", String(selected.indexOf(chip.getAttribute("data-tag")) >= 0)); });
    renderWithExcerpts();
  }

  function wire(chip) {
    chip.addEventListener("click", function (e) {
      if (!index) return;  // not loaded yet: the link still goes to the tag page
      e.preventDefault();
      if (chip.getAttribute("aria-disabled") === "true") return;
      var slug = chip.getAttribute("data-tag");
      var i = selected.indexOf(slug);
      commit(i >= 0 ? selected.filter(function (s) { return s !== slug; }) : selected.concat([slug]));
    });
    // A toggle button (role="button", aria-pressed) answers Space as well as Enter; a link
    // answers only Enter, and Space scrolled the page past the chips.
    chip.addEventListener("keydown", function (e) {
      if (e.key !== " " || e.altKey || e.ctrlKey || e.metaKey || !index) return;
      e.preventDefault();
      chip.click();
    });
  }
  chips.forEach(wire);

  // The chips of the tags the page left out (the least used), as the page draws its own: most
  // notes first, then by slug, each count's width kept as the count falls.
  function drawOtherTags() {
    if (!moreTags) return null;
    var have = {};
    chips.forEach(function (chip) { have[chip.getAttribute("data-tag")] = true; });
    var total = new Array(index.tags.length).fill(0);
    index.notes.forEach(function (n) { n[3].forEach(function (t) { total[t]++; }); });
    var rest = [];
    index.tags.forEach(function (t, i) { if (total[i] && !have[t[0]]) rest.push(i); });
    rest.sort(function (a, b) { return total[b] - total[a] || (index.tags[a][0] < index.tags[b][0] ? -1 : 1); });
    var frag = document.createDocumentFragment(), drawn = [];
    rest.forEach(function (i) {
      var t = index.tags[i], n = String(total[i]);
      var chip = el("a", { class: "pn-tag pn-filter-tag", href: tagHref(t[0]), "data-tag": t[0], role: "button", "aria-pressed": "false" });
      chip.appendChild(bi(t[1], t[2]));
      chip.appendChild(el("span", { class: "pn-filter-count", "data-count": n, style: "min-width: " + n.length + "ch" }, n));
      wire(chip);
      if (counts) showChip(chip);
      chips.push(chip);
      drawn.push(chip);
      frag.appendChild(chip);
    });
    tagBox.appendChild(frag);
    tagBox.setAttribute("data-all", "");
    moreTags.parentNode.remove();
    moreTags = null;
    return drawn[0] || null;
  }
  if (moreTags) {
    moreTags.addEventListener("click", function (e) {
      if (!index) return;  // not loaded yet: the link goes to the tag index, which has every tag
      e.preventDefault();
      var first = drawOtherTags();
      if (first) first.focus();  // the control is gone: the keyboard goes on from the first new chip
    });
    moreTags.addEventListener("keydown", function (e) {  // a button answers Space too (role set once the index is here)
      if (e.key !== " " || e.altKey || e.ctrlKey || e.metaKey || !index) return;
      e.preventDefault();
      e.currentTarget.click();
    });
  }
  clear.addEventListener("click", function () { commit([]); });
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", function () {
    if (!index) return;
    var now = readSelection(number);
    // The same tags: another script's entry (the search box's, which Back closes on a phone);
    // drawing the rows again would drop the ones "more" had added.
    if (now.join(",") === selected.join(",")) return;
    selected = now;
    renderWithExcerpts();
  });

  fetch(box.getAttribute("data-index")).then(function (r) {
    if (!r.ok) throw new Error(r.status + " " + r.statusText);
    return r.json();
  }).then(function (data) {
    index = data;
    data.tags.forEach(function (t, i) { number[t[0]] = i; });
    data.notes.forEach(function (n, i) { n.push(i); });  // n[4]: position in the snippet files
    selected = readSelection(number);
    var drawn = {};
    chips.forEach(function (chip) { drawn[chip.getAttribute("data-tag")] = true; });
    if (selected.some(function (s) { return !drawn[s]; })) drawOtherTags();  // a shared selection of a less used tag
    if (moreTags) moreTags.setAttribute("role", "button");
    if (firstRowsFit()) render(true);
    else renderWithExcerpts();
    showSelected();
  }).catch(function (err) {
    box.removeAttribute("data-filtered");  // unfiltered rows are better than none
    countEl.textContent = "";
    countEl.appendChild(bi("색인을 불러오지 못했습니다: " + err.message, "Could not load the index: " + err.message));
  });
}

// A module runs once the page is parsed (it is deferred): the list is there.
const browse = document.querySelector(".pn-browse");
if (browse) init(browse);
