/* The browse page's filter (the browse page loads it: pages/families/browse.py names it).
 * Loads the compact index (browse/index.json: slug, title, date and tag numbers per note), keeps
 * the notes having ALL selected tags (and, when one is chosen, of the selected year), newest or
 * oldest first, and keeps the choice in the URL (?tags=a,b&year=2024&order=oldest) with
 * history.pushState, so links can be shared and Back/Forward work. Commentary excerpts (most of
 * the bytes) live in small files of a few dozen notes each (browse/snippets/<n>.json); only those
 * the shown rows need are loaded.
 * The page's HTML already lists the first rows (newest notes, nothing selected: what this module
 * would draw); while nothing is selected they are kept, not drawn again, so nothing moves.
 * The page's chips are the most used tags (pages/families/browse.py); the others with notes are
 * drawn from the index when the reader asks for them ("N more tags", a link to the tag index
 * until the index is here), when a shared selection names one, or, a few at a time, when the tag
 * finder (the field above the chips) finds them by label or slug. The year select's options and
 * counts are in the HTML; the counts follow the chosen tags, from the index's dates. */

import { bi, el, langOf } from "./dom.js";

const ORDERS = ["newest", "oldest"];
const FOUND_MAX = 100;  // chips the finder shows at most: typing one letter at 5,000 tags finds thousands

// The selection a URL names: known tags only (each once; `known` null: any, before the index says
// which exist), a year the page offers, an order.
function readState(known, years) {
  var params = new URLSearchParams(location.search);
  var raw = params.get("tags") || "";
  var seen = {}, unknown = [];
  var tags = raw.split(",").map(function (s) { return s.trim(); }).filter(function (s) {
    if (!s || seen[s]) return false;
    seen[s] = true;
    if (known !== null && !(s in known)) { unknown.push(s); return false; }
    return true;
  });
  var year = params.get("year") || "";
  var order = params.get("order");
  if (year && years.indexOf(year) < 0) unknown.push(year);
  // `unknown`: what the address names that this site has not (a shared link's renamed tag, a year
  // without notes): left out, and said so (a QA pass: ?tags=reasoning,renamed showed every note
  // on reasoning, silently).
  return { tags: tags, year: years.indexOf(year) >= 0 ? year : "", order: ORDERS.indexOf(order) >= 0 ? order : ORDERS[0], unknown: unknown };
}

// Text as the finder compares it: accents and case dropped (NFKD, then the marks removed), and
// spaces, underscores and hyphens too: "강화 학습" finds 강화학습 (Korean is spaced as each writer
// likes), "reward model" and "rewardmodel" reward-model. Hangul decomposes into its letters
// (보상 -> ㅂㅗㅅㅏㅇ), so a syllable still being typed (보ㅅ) already finds 보상.
function fold(text) {
  return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s_-]+/g, "");
}

function init(box) {
  var leftOut = [];   // what the address named that the site has not (readState's `unknown`), said in the count until the next choice
  var chips = Array.prototype.slice.call(box.querySelectorAll(".pn-filter-tag"));
  var tagBox = box.querySelector(".pn-browse__tags");
  var moreTags = box.querySelector("[data-more-tags]");
  var countEl = box.querySelector(".pn-browse__count");
  var results = box.querySelector(".pn-browse__results");
  var more = box.querySelector(".pn-browse__more");
  var clear = box.querySelector(".pn-browse__clear");
  var finder = box.querySelector(".pn-browse__find");
  var field = box.querySelector(".pn-browse__find-input");
  var found = box.querySelector(".pn-browse__found");
  var when = box.querySelector(".pn-browse__when");
  var yearSelect = box.querySelector("#pn-browse-year");
  var orderButtons = Array.prototype.slice.call(box.querySelectorAll("[data-order]"));
  var yearOptions = Array.prototype.slice.call(yearSelect.options).filter(function (o) { return o.value; });
  var years = yearOptions.map(function (o) { return o.value; });
  var root = new URL(box.getAttribute("data-root"), location.href);
  var PAGE = Number(box.getAttribute("data-page")) || 50;
  var index = null, shards = {}, number = {}, matches = [], shown = 0, counts = null;
  var state = { tags: [], year: "", order: ORDERS[0] };
  var selected = state.tags;  // the chosen tags (state.tags), as most of this module reads them
  var ranked = null, allDrawn = false, indexFailed = false;  // every tag with notes, most used first (rankTags); every chip drawn

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

  function unfiltered() { return !selected.length && !state.year && state.order === ORDERS[0]; }

  // Whether the rows in the page's HTML are those an unfiltered render would draw.
  function firstRowsFit() {
    var lis = results.children;
    if (!unfiltered() || lis.length !== Math.min(PAGE, index.notes.length)) return false;
    for (var i = 0; i < lis.length; i++) if (lis[i].getAttribute("data-slug") !== index.notes[i][0]) return false;
    return true;
  }

  // The notes having every chosen tag (of any year), in the index's order (newest first).
  function withTags() {
    var want = selected.map(function (s) { return number[s]; });
    return index.notes.filter(function (n) {
      for (var i = 0; i < want.length; i++) if (n[3].indexOf(want[i]) < 0) return false;
      return true;
    });
  }

  // The rows to list: those of the chosen year too, in the chosen order (oldest first: by date
  // ascending; a day's notes keep the index's order, by slug, as sort() is stable).
  function matching(tagged) {
    var year = state.year;
    var rows = year ? tagged.filter(function (n) { return n[2].slice(0, 4) === year; }) : tagged.slice();
    if (state.order === "oldest") rows.sort(function (a, b) { return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0; });
    return rows;
  }

  // Render once the excerpts of the first rows are at hand (or failed to load), so that rows do
  // not grow under the reader when they arrive (on a slow phone network, well after the click).
  function renderWithExcerpts() {
    results.setAttribute("aria-busy", "true");  // until the rows for the selection are drawn
    var need = {};
    matching(withTags()).slice(0, PAGE).forEach(function (n) { need[Math.floor(n[4] / index.shard)] = true; });
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

  // Each year's option with its notes among those having the chosen tags. A year none of them
  // has cannot be chosen (as a chip no shown note has), unless it is the chosen one.
  function showYears(tagged) {
    var per = {};
    tagged.forEach(function (n) { var y = n[2].slice(0, 4); per[y] = (per[y] || 0) + 1; });
    yearOptions.forEach(function (o) {
      var c = per[o.value] || 0;
      var text = o.value + " (" + c.toLocaleString("en") + ")";
      if (o.textContent !== text) o.textContent = text;
      o.disabled = c === 0 && o.value !== state.year;
    });
  }

  // The count, naming what is chosen: on a phone the chips scroll in a box of their own, and
  // those chosen may be out of sight.
  function countText(total) {
    var labels = selected.map(function (s) { return index.tags[number[s]]; });
    var ko = labels.map(function (t) { return t[1]; }).join(" + "), en = labels.map(function (t) { return t[2]; }).join(" + ");
    if (state.year) {
      ko = (ko ? ko + ", " : "") + state.year + "년";
      en = (en ? en + ", " : "") + state.year;
    }
    var n = total.toLocaleString("en");  // 10,000 in both languages, as the page's own count
    var gone = leftOut.slice(0, 5).map(function (s) { return s.length > 40 ? s.slice(0, 40) + "…" : s; }).join(", ");
    return bi((ko ? ko + ": " : "") + "노트 " + n + "개" + (gone ? " — 이 사이트에 없는 태그·연도는 뺐습니다: " + gone : ""),
      (en ? en + ": " : "") + n + (total === 1 ? " note" : " notes") + (gone ? " — not a tag or year of this site, left out: " + gone : ""));
  }

  function render(keepRows, reserve) {
    var tagged = withTags();
    matches = matching(tagged);
    // How many of the current matches each tag would keep: shown on the chips.
    counts = new Array(index.tags.length).fill(0);
    matches.forEach(function (n) { n[3].forEach(function (t) { counts[t]++; }); });
    chips.forEach(showChip);
    showYears(tagged);
    showControls();
    var total = matches.length;
    var named = selected.join(",");
    if (countEl.getAttribute("data-count") !== String(total) || countEl.getAttribute("data-tags") !== named ||
        countEl.getAttribute("data-year") !== state.year || !keepRows || leftOut.length) {  // unchanged: not announced again
      countEl.setAttribute("data-count", String(total));
      countEl.setAttribute("data-tags", named);
      countEl.setAttribute("data-year", state.year);
      countEl.textContent = "";
      countEl.appendChild(countText(total));
    }
    clear.hidden = !selected.length && !state.year;
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
      if (!matches.length && (selected.length || state.year)) {  // say so, instead of an empty list
        var none = el("li", { class: "pn-browse__none" });
        if (!state.year) {
          none.appendChild(bi("고른 태그를 모두 가진 노트가 없습니다. 태그를 하나 빼 보세요.",
            "No note has all the selected tags. Try removing one."));
        } else {
          none.appendChild(bi(state.year + "년에는 고른 태그를 모두 가진 노트가 없습니다. 태그를 빼거나 다른 해를 골라 보세요.",
            "No note of " + state.year + " has all the selected tags. Try removing one, or another year."));
        }
        results.appendChild(none);
      }
    }
    results.removeAttribute("aria-busy");
    box.setAttribute("data-ready", "true");
  }

  // The controls as the state says: chips pressed, the year chosen, the order's button pressed.
  function showControls() {
    chips.forEach(function (chip) { chip.setAttribute("aria-pressed", String(selected.indexOf(chip.getAttribute("data-tag")) >= 0)); });
    if (yearSelect.value !== state.year) yearSelect.value = state.year;
    orderButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-order") === state.order)); });
  }

  // A shared link's selection may sit far down the chips' box, out of sight on a phone: the box
  // is scrolled to its first selected chip (the box scrolls, the page does not move).
  function showSelected() {
    var first = chips.filter(function (c) { return selected.indexOf(c.getAttribute("data-tag")) >= 0; })[0];
    var box = first && first.parentNode;
    if (!box || box.scrollHeight <= box.clientHeight) return;
    box.scrollTop += first.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
  }

  function commit(changes) {
    leftOut = [];
    state = { tags: changes.tags || state.tags, year: "year" in changes ? changes.year : state.year, order: changes.order || state.order };
    selected = state.tags;
    var url = new URL(location.href);
    ["tags", "year", "order"].forEach(function (k) { url.searchParams.delete(k); });
    if (selected.length) url.searchParams.set("tags", selected.join(","));
    if (state.year) url.searchParams.set("year", state.year);
    if (state.order !== ORDERS[0]) url.searchParams.set("order", state.order);
    // Hack: URLSearchParams encodes "," as %2C; tag slugs never need escaping, so keep it readable.
    history.pushState({ tags: selected, year: state.year, order: state.order }, "", url.href.replace(/%2C/g, ","));
    // The controls answer at once; the rows and the count follow with their excerpts (a choice
    // made before the index is here is read from the address once it is).
    showControls();
    if (index) renderWithExcerpts();
  }

  function wire(chip) {
    chip.addEventListener("click", function (e) {
      if (!index && indexFailed) return;  // no index: the link goes to the tag page
      e.preventDefault();
      if (!index) {
        // Not loaded yet (1.6 MB at 10,000 notes: seconds on a phone): the chip was a link that
        // took the reader off the page (a QA pass). The choice goes into the address, which the
        // index is read against once it is here; the chips answer at once.
        var slug0 = chip.getAttribute("data-tag"), pending = readState(null, years).tags;
        var j = pending.indexOf(slug0);
        commit({ tags: j >= 0 ? pending.filter(function (s) { return s !== slug0; }) : pending.concat([slug0]) });
        countEl.textContent = "";
        countEl.removeAttribute("data-count");   // said again once the list is drawn
        countEl.appendChild(bi("노트 목록을 불러오는 중…", "Loading the list of notes…"));
        return;
      }
      if (chip.getAttribute("aria-disabled") === "true") return;
      var slug = chip.getAttribute("data-tag");
      var i = selected.indexOf(slug);
      commit({ tags: i >= 0 ? selected.filter(function (s) { return s !== slug; }) : selected.concat([slug]) });
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

  // Every tag with notes, most notes first, then by slug (the page's chips' order), with what the
  // finder compares: its Korean and English labels, its slug and its aliases (`rm`), folded.
  function rankTags() {
    var total = new Array(index.tags.length).fill(0);
    index.notes.forEach(function (n) { n[3].forEach(function (t) { total[t]++; }); });
    var order = [];
    index.tags.forEach(function (t, i) { if (total[i]) order.push(i); });
    order.sort(function (a, b) { return total[b] - total[a] || (index.tags[a][0] < index.tags[b][0] ? -1 : 1); });
    return order.map(function (i, rank) {
      var t = index.tags[i];
      return { slug: t[0], ko: t[1], en: t[2], total: total[i], rank: rank, text: [t[1], t[2], t[0]].concat(t[3] || []).map(fold).join("\n") };
    });
  }

  // A chip of a tag the page left out, as the page draws its own (its count's width kept as the count falls).
  function makeChip(tag) {
    var n = String(tag.total);
    var chip = el("a", { class: "pn-tag pn-filter-tag", href: tagHref(tag.slug), "data-tag": tag.slug, role: "button", "aria-pressed": "false" });
    chip.appendChild(bi(tag.ko, tag.en));
    chip.appendChild(el("span", { class: "pn-filter-count", "data-count": n, style: "min-width: " + n.length + "ch" }, n));
    wire(chip);
    if (counts) showChip(chip);
    chips.push(chip);
    return chip;
  }

  // The tags that have a chip now (the page's, and those drawn since), as a set of slugs.
  function chipped() {
    var have = {};
    chips.forEach(function (chip) { have[chip.getAttribute("data-tag")] = true; });
    return have;
  }

  // The chips in the box in rank order (the finder's and "more tags"' come in between the page's).
  function placeChips() {
    var rank = {};
    ranked.forEach(function (t) { rank[t.slug] = t.rank; });
    chips.sort(function (a, b) { return rank[a.getAttribute("data-tag")] - rank[b.getAttribute("data-tag")]; });
    var frag = document.createDocumentFragment();
    chips.forEach(function (chip) { frag.appendChild(chip); });
    tagBox.appendChild(frag);
  }

  // The chips of the tags the page left out (the least used): every one, on the reader's asking.
  function drawOtherTags() {
    if (!moreTags) return null;
    var have = chipped();
    var drawn = ranked.filter(function (t) { return !have[t.slug]; }).map(makeChip);
    placeChips();
    allDrawn = true;
    tagBox.setAttribute("data-all", "");
    moreTags.parentNode.remove();
    moreTags = null;
    findTags();
    return drawn.filter(function (chip) { return !chip.hidden; })[0] || null;
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

  // The finder: the chips whose tag's Korean or English label or slug holds what is typed. Before
  // the index is here, among the page's chips; then among every tag with notes, the chips of
  // those the page left out drawn as they are found (at most FOUND_MAX shown, the most used).
  // An empty field shows the chips as before (and the found ones the reader chose).
  function findTags() {
    var query = fold(field.value);
    var pool = ranked || chips.map(function (chip) {
      var names = chip.querySelectorAll(".pn-lang");
      return { slug: chip.getAttribute("data-tag"), text: [fold(names[0].textContent), fold(names[1].textContent), fold(chip.getAttribute("data-tag"))].join("\n") };
    });
    var show = null, hits = 0;
    if (query) {
      show = {};
      pool.forEach(function (t) {
        if (t.text.indexOf(query) < 0) return;
        if (++hits <= FOUND_MAX) show[t.slug] = true;
      });
      if (ranked) {
        var have = chipped();
        var fresh = ranked.filter(function (t) { return show[t.slug] && !have[t.slug]; });
        if (fresh.length) {
          fresh.forEach(function (t) { makeChip(t).setAttribute("data-found", ""); });
          placeChips();
        }
      }
    }
    chips.forEach(function (chip) {
      var hide = show ? !show[chip.getAttribute("data-tag")]
        : chip.hasAttribute("data-found") && !allDrawn && chip.getAttribute("aria-pressed") !== "true";
      if (chip.hidden !== hide) chip.hidden = hide;
    });
    // "N more tags" is what the finder already searches once the index is here.
    if (moreTags) moreTags.parentNode.hidden = Boolean(query && ranked);
    // The page's chips are not every tag (there are "N more"): until the index is here, a count
    // of them alone would say "no tag matches" of a tag that exists.
    var partial = !ranked && moreTags && !indexFailed;
    var text = !query ? null : partial ? (hits ? ["태그 " + hits + "개, 다른 태그를 불러오는 중…", hits + (hits === 1 ? " tag" : " tags") + ", loading the others…"]
      : ["다른 태그를 불러오는 중…", "Loading the other tags…"])
      : !hits ? ["맞는 태그 없음", "No tag matches"]
        : hits > FOUND_MAX ? ["태그 " + hits + "개 중 많이 쓰인 " + FOUND_MAX + "개", "The " + FOUND_MAX + " most used of " + hits + " tags"]
          : ["태그 " + hits + "개", hits + (hits === 1 ? " tag" : " tags")];
    var key = text ? text[1] : "";
    if (found.getAttribute("data-text") !== key) {  // announced (politely) only when it changes
      found.setAttribute("data-text", key);
      found.setAttribute("data-count", query ? String(hits) : "");
      found.textContent = "";
      if (text) found.appendChild(bi(text[0], text[1]));
    }
    finder.toggleAttribute("data-none", Boolean(query) && !hits && !partial);
  }
  field.addEventListener("input", findTags);
  field.addEventListener("search", findTags);  // the field's own clear (×, Escape)
  // Enter goes on to the first chip found (on a phone, the keyboard's search key: it closes).
  field.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || e.isComposing) return;
    var first = chips.filter(function (chip) { return !chip.hidden; })[0];
    if (first && field.value.trim()) { e.preventDefault(); first.focus(); }
  });

  yearSelect.addEventListener("change", function () {
    if (yearSelect.value !== state.year) commit({ year: yearSelect.value });
  });
  orderButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var order = b.getAttribute("data-order");
      if (order !== state.order) commit({ order: order });
    });
  });
  clear.addEventListener("click", function () {
    var had = document.activeElement === clear;
    commit({ tags: [], year: "" });
    // The button hides itself: focus would fall to <body>, and the keyboard lose its place (a QA
    // pass). It goes to the first tag, where a new choice starts.
    var first = chips.filter(function (chip) { return !chip.hidden; })[0];
    if (first && had) first.focus();
  });
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", function () {
    if (!index) return;
    var now = readState(number, years);
    // The same choice: another script's entry (the search box's, which Back closes on a phone);
    // drawing the rows again would drop the ones "more" had added.
    if (now.tags.join(",") === selected.join(",") && now.year === state.year && now.order === state.order) return;
    state = now;
    selected = state.tags;
    showControls();
    renderWithExcerpts();
  });

  // The finder, the year and the order need this module: shown now (their room was kept from
  // the first paint, papernotes.css). The year select keeps its width as its counts fall.
  finder.hidden = false;
  when.hidden = false;
  yearSelect.style.minWidth = yearSelect.offsetWidth + "px";
  if (field.value) findTags();  // typed before the module ran, or kept by the browser

  fetch(box.getAttribute("data-index")).then(function (r) {
    if (!r.ok) throw new Error(r.status + " " + r.statusText);
    return r.json();
  }).then(function (data) {
    index = data;
    data.tags.forEach(function (t, i) { number[t[0]] = i; });
    data.notes.forEach(function (n, i) { n.push(i); });  // n[4]: position in the snippet files
    ranked = rankTags();
    state = readState(number, years);
    selected = state.tags;
    leftOut = state.unknown;
    if (leftOut.length) {   // the address keeps only what is shown
      var url = new URL(location.href);
      if (selected.length) url.searchParams.set("tags", selected.join(","));
      else url.searchParams.delete("tags");
      if (!state.year) url.searchParams.delete("year");
      history.replaceState(history.state, "", url.href.replace(/%2C/g, ","));
    }
    var drawn = {};
    chips.forEach(function (chip) { drawn[chip.getAttribute("data-tag")] = true; });
    if (selected.some(function (s) { return !drawn[s]; })) drawOtherTags();  // a shared selection of a less used tag
    if (moreTags) moreTags.setAttribute("role", "button");
    if (firstRowsFit()) render(true);
    else renderWithExcerpts();
    if (field.value) findTags();  // now among every tag
    showSelected();
  }).catch(function (err) {
    indexFailed = true;
    if (field.value) findTags();  // among the page's chips only, then
    box.removeAttribute("data-filtered");  // unfiltered rows are better than none
    countEl.textContent = "";
    countEl.appendChild(bi("색인을 불러오지 못했습니다: " + err.message, "Could not load the index: " + err.message));
  });
}

// A module runs once the page is parsed (it is deferred): the list is there.
const browse = document.querySelector(".pn-browse");
if (browse) init(browse);
