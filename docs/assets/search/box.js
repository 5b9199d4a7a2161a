/* The search box in the header, on every page. Nothing else is downloaded until the reader
 * focuses it: focus loads the engine (engine.js, words.js, Snowball's stemmer, render.js) and
 * search/meta.json; a query then loads the terms files its words fall in and the cards of the
 * results shown (engine.js), and the first results shown the reading list's buttons
 * (reading-list/results.js: Save, Read, Note on each result, on every page). Results show each
 * note's commentary in the chosen language.
 *
 * On a wide screen the field sits in the header; on a phone a 44 px button opens it across the
 * top of the screen (CSS: .pn-search[data-open]). The field is a combobox whose popup is a
 * dialog of results (ARIA 1.2; not a listbox: a result holds more than one control, e.g. the
 * reading list's Save). ArrowDown/ArrowUp move the focus through the results' links (so the
 * browser draws and screen readers announce it), ArrowUp from the first returns to the field,
 * Enter opens the focused result (in the field: the first result when the results shown are the
 * query's as it reads, else searches now, and on a touch screen hides the on-screen keyboard),
 * a letter typed on a result goes into the field, Escape closes. No key outside the box opens it:
 * `/` did, a single character without a modifier, which WCAG 2.1.4 allows only if it can be turned
 * off or remapped (a speech user dictating, a stray key): the box is reached by Tab, a few steps
 * from the top of every page (DEVELOPING.md, "No single-key shortcuts"). */

import { bi, el, language } from "../dom.js";

const PAGE = 10;                                  // results shown at first and per "more"
const JAMO_END = /[\u1100-\u11ff\u3130-\u318f]$/;   // a Hangul letter not (yet) in a syllable
const SETTLE_MS = 700;   // a pause this long after a Korean word that found nothing: the reader stopped there
// The same with a syllable still composed: a phone's Korean keyboard keeps the last syllable open
// until a space or a tap elsewhere, so a pause, longer, ends the word there too.
const COMPOSED_SETTLE_MS = 1200;

// Interface text by language; the box follows the switch (papernotes:lang, lang.js).
const TEXT = {
  ko: { placeholder: "노트 검색", label: "노트 검색", open: "검색", close: "검색 닫기", results: "검색 결과" },
  en: { placeholder: "Search notes", label: "Search notes", open: "Search", close: "Close search", results: "Search results" },
};
const SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"';
const ICON_SEARCH = "<svg " + SVG + '><path fill="currentColor" d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"/></svg>';
const ICON_CLOSE = "<svg " + SVG + '><path fill="currentColor" d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41Z"/></svg>';

/* The engine and the result renderer, imported on first need (focus), with search/meta.json. */
let loading = null;
function loadEngine() {
  if (!loading) {
    loading = Promise.all([import("./engine.js"), import("./render.js")]).then(([engine, render]) =>
      engine.loadMeta().then(() => ({ engine, render })));
    loading.catch(() => { loading = null; });   // a later query tries again
  }
  return loading;
}

/* The reading list's buttons for results (Save / Read / Note), on every page: its module is
 * imported when results are first shown, beside their cards (a page that is never searched loads
 * none of it). Its `addControls(li)`, or null when it could not be loaded (the results show
 * without buttons; a later query tries again). */
let listing = null;
function loadReadingList() {
  if (!listing) {
    listing = import("../reading-list/results.js").then((m) => m.addControls, () => { listing = null; return null; });
  }
  return listing;
}

/* Where the box goes: before the language switch (lang.js puts it after the box), whichever
 * module runs first; else before the palette switch or the repository link. */
function place(header, box) {
  const anchor = header.querySelector(".pn-toggle, .md-header__option, .md-header__source");
  if (anchor) header.insertBefore(box, anchor); else header.append(box);
}

function build() {
  const header = document.querySelector(".md-header__inner");
  if (!header || header.querySelector(".pn-search")) return;
  const box = el("div", { class: "pn-search", role: "search" });
  const opener = el("button", { type: "button", class: "pn-search__open", "aria-expanded": "false", "aria-controls": "pn-search-field" });
  opener.innerHTML = ICON_SEARCH;                // a constant: no text from anywhere else
  const field = el("div", { class: "pn-search__field", id: "pn-search-field" });
  const input = el("input", { type: "search", class: "pn-search__input", autocomplete: "off", spellcheck: "false",
    enterkeyhint: "search", role: "combobox", "aria-haspopup": "dialog", "aria-expanded": "false",
    "aria-controls": "pn-search-results" });
  const closer = el("button", { type: "button", class: "pn-search__close" });
  closer.innerHTML = ICON_CLOSE;
  const panel = el("div", { class: "pn-search__panel md-typeset", id: "pn-search-results", role: "dialog", hidden: "" });
  const status = el("p", { class: "pn-search__status" });
  // What the status line says is announced once the line has stayed the same for a moment, and
  // only when it says something new: typing `reasoning` rewrote it ten times (Searching…, 43
  // results, 38, 36, 36, 36, …), each read out by a screen reader (a QA pass).
  const spoken = el("p", { class: "pn-search__spoken", "aria-live": "polite" });
  let speakTimer = 0;
  new MutationObserver(() => {
    clearTimeout(speakTimer);
    speakTimer = setTimeout(() => {
      const copy = status.cloneNode(true);
      for (const link of copy.querySelectorAll("a, button")) link.replaceWith(...link.childNodes);   // words only: no second, hidden link to Tab to
      // Nor a second correction or missing word to find by its class (a stale copy was found as the
      // status's own: only the languages' class stays, which shows the reader's).
      for (const e of copy.querySelectorAll("[class]")) {
        if (e.classList.contains("pn-lang")) e.className = "pn-lang"; else e.removeAttribute("class");
      }
      if (spoken.innerHTML !== copy.innerHTML) spoken.replaceChildren(...copy.childNodes);
    }, 700);
  }).observe(status, { childList: true, subtree: true, characterData: true });
  const list = el("ol", { class: "pn-search__results", id: "pn-search-list" });
  const more = el("button", { type: "button", class: "pn-search__more md-button", hidden: "" });
  const tagline = el("p", { class: "pn-search__tags", hidden: "" });
  // On a phone the open search covers the page with this (CSS): a tap beside the results closes
  // the search and nothing else (it went on to the link under the tap as well).
  const scrim = el("div", { class: "pn-search__scrim", "aria-hidden": "true" });
  field.append(input, closer);
  panel.append(status, spoken, tagline, list, more);
  box.append(scrim, opener, field, panel);
  place(header, box);

  function label() {
    const t = TEXT[language()];
    input.setAttribute("placeholder", t.placeholder);
    input.setAttribute("aria-label", t.label);
    opener.setAttribute("aria-label", t.open);
    closer.setAttribute("aria-label", t.close);
    panel.setAttribute("aria-label", t.results);
  }
  label();
  document.addEventListener("papernotes:lang", label);

  let seq = 0;                                    // the newest query; older answers are dropped
  let early = null;       // the query an Enter was pressed on before its results came
  let broken = false;     // the last search could not load the index
  let shown = null;                               // {hits, result, count} of the list on screen
  const options = () => list.querySelectorAll("a.pn-search__title");
  /* Focus the index-th result's link (scrolled into view), or the field for -1. */
  const touchFirst = matchMedia("(pointer: coarse)");
  function focusResult(index) {
    const all = options();
    if (index < 0 || !all.length) { input.focus(); return; }
    const link = all[Math.min(index, all.length - 1)];
    link.focus();
    link.parentNode.scrollIntoView({ block: "nearest" });
  }
  function showPanel(on) {
    panel.hidden = !on;
    input.setAttribute("aria-expanded", String(on && options().length > 0));
  }
  /* Back closes the search where it covers the page (a phone: the search button is shown), as in
   * an app: opening it adds an entry to the tab's history (same address, state BACK), Back takes
   * it away and closes the search; closing it otherwise (×, Escape, a tap beside it) takes the
   * entry back, so the next Back leaves the page. A result followed leaves it: Back from the
   * result returns to the search as it was (below), and Back again closes it. */
  const BACK = "pnSearch";
  const overlay = () => getComputedStyle(opener).display !== "none";
  const ours = () => !!(history.state && history.state[BACK]);
  let stepping = false;                          // our own history.back() on its way: its popstate is ours
  function addStep() {
    if (overlay() && !ours()) history.pushState({ ...(history.state || {}), [BACK]: true }, "");
  }
  function markOpen() {
    box.setAttribute("data-open", "");
    opener.setAttribute("aria-expanded", "true");
    addStep();
  }
  // Opened beside the page (a phone on its side), then covering it (turned upright): the step is
  // added then, or Back left the page under the search. The other way (upright, then on its side)
  // the step stays: Back then closes the search, as it would have.
  window.addEventListener("resize", () => { if (box.hasAttribute("data-open")) addStep(); });
  function openBox() {
    markOpen();
    input.focus();
    input.select();  // the last query, chosen: typing replaces it (it was added to its end: 보상 모델김)
  }
  /* `leaving`: a link was followed, which makes its own history entry (stepping back as well
   * could cancel it). */
  function closeBox(refocus, leaving) {
    showPanel(false);
    const wasOpen = box.hasAttribute("data-open");
    box.removeAttribute("data-open");
    opener.setAttribute("aria-expanded", "false");
    if (wasOpen && ours() && !stepping && !leaving) { stepping = true; history.back(); }
    if (refocus && wasOpen && overlay()) opener.focus();
    else if (document.activeElement === input) input.blur();
  }
  window.addEventListener("popstate", () => {
    if (stepping) { stepping = false; return; }
    // Back closes it as Escape does: the focus in it goes back to the search button (it fell to <body>).
    if (!ours() && box.hasAttribute("data-open")) {
      const focused = document.activeElement;
      forget();
      closeBox(!focused || focused === document.body || box.contains(focused));
    }
    // Forward to the search's entry: the search again, as it was (without the on-screen keyboard).
    else if (ours() && !box.hasAttribute("data-open") && overlay()) { markOpen(); if (input.value.trim()) showPanel(true); }
  });

  function setStatus(ko, en) { status.textContent = ""; status.append(bi(ko, en)); }

  function failed(err) {
    broken = true;                                // the Enter it asks for tries again, and opens nothing
    setStatus("검색 색인을 불러오지 못했습니다. Enter를 눌러 다시 시도하세요.",
      "Could not load the search index. Press Enter to try again.");
    more.hidden = true;
    console.error(err);
  }

  /* The cards of `state`'s next `n` results (PAGE), appended once loaded; `fresh` replaces the list
   * (a new query) in the same step, so the old results stay until the new ones can be shown. */
  function showMore(loaded, state, mine, fresh, n = PAGE) {
    const next = state.hits.slice(state.count, state.count + n);
    // Busy, not disabled: a disabled button loses the keyboard's focus (to <body>), and the
    // next Enter would do nothing.
    more.setAttribute("aria-disabled", "true");
    const docs = next.map((h) => h[0]);
    // A result whose commentary marks none of the words shows the abstract's passage that matched:
    // its abstract is loaded (without it, if that fails, the result shows its commentary).
    return Promise.all([loaded.engine.loadCards(docs), loadReadingList()]).then(([cards, addControls]) => loaded.engine.loadAbstracts(
      docs.filter((doc, i) => !loaded.render.explained(cards[i], state.result, doc))).catch(() => new Map()).then((abstracts) => {
      if (mine !== seq) return false;
      if (fresh) list.textContent = "";
      cards.forEach((card, i) => {
        const n = state.count + i;
        const item = loaded.render.renderCard(card, state.result, docs[i], "pn-search-option-" + n, abstracts.get(docs[i]));
        if (addControls) addControls(item);
        list.append(item);
      });
      state.count += cards.length;
      input.setAttribute("aria-expanded", String(!panel.hidden && state.count > 0));
      const rest = Math.min(PAGE, state.hits.length - state.count);
      more.textContent = "";
      more.append(bi(rest + "개 더 보기", "Show " + rest + " more"));
      const focused = document.activeElement === more;
      more.hidden = rest <= 0;
      more.removeAttribute("aria-disabled");
      // "More" pressed: the focus goes to the first new result, on screen (it stayed on the button,
      // below them and out of sight, and the next Tab left the results: a keyboard QA pass).
      if (focused && cards.length) {
        const first = list.children[list.children.length - cards.length];
        const link = first && first.querySelector("a[href]");
        if (link) link.focus();
      }
      return true;
    }));
  }

  let shownQuery = "";                            // the query whose results are on screen
  // The results on screen answer the field as it reads now: shown for it, nothing typed or composed
  // since (Enter in the field then opens the first of them, not a search of the same words again).
  let answered = false;
  /* `settled`: the reader stopped typing (a pause after a query kept the last results). `restore`:
   * {count, scroll} of the list as it was left (Back to a search: below), shown so at once. */
  function run(settled, restore) {
    const q = input.value.trim(), mine = ++seq;
    if (!q) { showPanel(false); list.textContent = ""; list.removeAttribute("data-count"); more.hidden = true; shownQuery = ""; return; }
    const mid = composing, hidden = panel.hidden;   // (as the query was typed, before this search shows)
    showPanel(true);
    // Typing on into a Korean word without an input method's composition (a paste, voice input,
    // some keyboards): 보상모 on the way to 보상모델 finds nothing for a moment, as mid-syllable.
    const typingOn = settled !== true && !mid && shownQuery !== "" && q.length > shownQuery.length
      && q.startsWith(shownQuery) && /[\uac00-\ud7a3]$/.test(q);
    const kept = (mid || typingOn) && settled !== true ? { nodes: Array.from(status.childNodes), count: list.getAttribute("data-count") } : null;
    list.removeAttribute("data-count");         // present again once this query's results show
    // With results on screen their line stays until the new ones come: "Searching…" flickered
    // between two lines that were the same but for a word (a pause ending the word searches again).
    if (!list.children.length) setStatus("검색 중…", "Searching…");
    loadEngine().then((loaded) => loaded.engine.search(q).then((result) => {
      if (mine !== seq) return null;
      // Mid-syllable (a Korean keyboard composing 몯 on the way to 모델) a query may find nothing
      // for a moment: the results on screen stay, and the search runs again once it is composed.
      // (A word being typed that no note holds yet is left out of a search by the others, or
      // corrected: 모델으 on the way to 모델을 offered "did you mean 모델이": as nothing found.)
      if (kept && (!result.hits.length || result.dropped.length || result.common.length > result.ignored.length || result.apart.length || result.most || Object.keys(result.corrected).length) && list.children.length) {
        status.replaceChildren(...kept.nodes);
        if (kept.count !== null) list.setAttribute("data-count", kept.count);
        // A pause ends the word: then its "no results" shows (a search QA pass: 그리피스, its 스
        // still composed on a phone, showed 그's 12 results and count until a space was typed).
        clearTimeout(timer); timer = setTimeout(() => run(true), mid ? COMPOSED_SETTLE_MS : SETTLE_MS);
        return null;
      }
      // Nothing on screen yet and the query ends in a lone consonant or vowel (ㅂ, the first key
      // of 보상): half a letter gets no "no results"; the panel shows once the syllable has some.
      if (kept && !result.hits.length && JAMO_END.test(q)) { showPanel(false); return null; }
      // So with a syllable still being composed (혀, on the way to 현 and 현우): its "no results"
      // flashed for a key. What was shown stays (nothing, or the last query's verdict); the
      // composition's end searches again, and says "no results" then if there are still none.
      if (kept && mid && !result.hits.length) {
        clearTimeout(timer); timer = setTimeout(() => run(true), COMPOSED_SETTLE_MS);
        if (hidden) showPanel(false);
        else { status.replaceChildren(...kept.nodes); if (kept.count !== null) list.setAttribute("data-count", kept.count); }
        return null;
      }
      // So with a first Latin letter (r, on the way to reward): no verdict until Enter or a second letter.
      if (settled !== true && !result.hits.length && /^[a-z]$/i.test(q)) { showPanel(false); return null; }
      const state = { hits: result.hits, result, count: 0 };
      return showMore(loaded, state, mine, true, restore ? Math.max(PAGE, restore.count) : PAGE).then((current) => {
        if (!current) return;
        if (!restore && q !== shownQuery) panel.scrollTop = 0;   // a new query's results from their top (the status too)
        shownQuery = result.hits.length ? q : "";
        answered = !mid && result.hits.length > 0 && input.value.trim() === q;
        if (early !== null) {
          const want = early;
          early = null;
          if (answered && want === q && options()[0]) { options()[0].click(); return; }
        }
        shown = { loaded, state };
        const n = state.hits.length;
        list.setAttribute("data-count", String(n));   // set once the first results are on screen
        // A year typed alone (2025, 2025년): its notes are the archive's year page, not the notes
        // whose text holds the number (the link follows, with the tags').
        // So with the generic words left out (2024년 논문, 2024 papers: "no note contains 2024년").
        const bare = result.common.reduce((text, w) => text.split(/\s+/).filter((t) => t.toLowerCase() !== w.toLowerCase()).join(" "), q);
        // A year beside other words: the notes of that year they find (engine.search: result.year), and its page.
        const typedYear = /^((?:19|20)\d\d)\s*년?$/.exec(bare.trim());   // the year alone
        const year = result.year ? [result.year, result.year] : typedYear;
        const page = year && loaded.engine.yearPage(year[1]);
        if (!result.words.length && !result.tags.length) setStatus("찾을 단어가 없습니다.", "No words to search for.");
        else if (n === 0 && page) setStatus(year[1] + "년의 노트는 보관함에 있습니다.", "The notes of " + year[1] + " are in the archive.");
        else if (n === 0) {
          // Say why: a word no note holds (a typo, a word no note uses), or words no note holds together.
          setStatus("결과가 없습니다.", "No results.");
          const papers = result.missing.filter((w) => /^\d{4}\.\d{4,5}$/.test(w));   // an arXiv id (as words.queryWord reads one)
          if (papers.length && papers.length === result.missing.length) {
            // A paper no note is about: say so, not that a "word" is missing, with a way on: its
            // abstract on arXiv (a link only: nothing is fetched from there), and its entry on the
            // waiting page when notes mention it (the page's list loaded now: engine.wantedPapers).
            const ids = el("strong", { class: "pn-search__missing" });
            papers.forEach((id, i) => ids.append(i ? " " : "", el("a", { href: loaded.engine.arxivHref(id), lang: "en" }, id)));
            status.append(bi(" 아직 노트가 없는 arXiv 논문: ", " No note yet on arXiv "), ids);
            loaded.engine.wantedPapers().then((entry) => {
              const listed = papers.map(entry).find(Boolean);
              if (mine !== seq || !listed) return;
              // How many notes build on it or mention it: the reader looked for those notes (a
              // phone QA pass: "no results", where two notes build on 2402.03300).
              const [href, n] = listed, count = Number(n) || 0;
              const a = el("a", { href });
              a.append(count ? bi(`노트 ${count.toLocaleString("ko")}개가 이 논문을 바탕으로 하거나 언급합니다: 노트를 기다리는 논문에서 보기`,
                `${count.toLocaleString("en")} ${count === 1 ? "note builds on it or mentions it" : "notes build on it or mention it"}: see them on the wanted papers`)
                : bi("노트를 기다리는 논문에 있습니다", "It is on the wanted papers"));
              status.append(" — ", a);
            });
          } else if (result.missing.length) {
            status.append(bi(" 어느 노트에도 없는 단어: ", " No note contains: "),
              el("strong", { class: "pn-search__missing" }, result.missing.join(" ")));
            if (result.missing.some((w) => /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(w))) {
              // Chinese or Japanese (强化学习, 報酬モデル): no note is written in either.
              status.append(bi(" — 노트는 한국어와 영어로 쓰여 있습니다. 한국어나 영어로 찾아 보세요.",
                " — the notes are written in Korean and English: try the words in either."));
            } else if (result.missing.some((w) => /^[\u3131-\u314e]{2,}$/.test(w))) {
              // Initial consonants only (ㄱㅎㅎㅅ for 강화학습): not read as words (a Korean search QA
              // pass found the bare "no note contains ㄱㅎㅎㅅ" no way on).
              status.append(bi(" — 초성만으로는 찾지 않습니다. 단어를 끝까지 입력해 보세요(예: ㄱㅎㅎㅅ → 강화학습).",
                " — initial consonants alone are not searched: type the whole word."));
            } else if (result.missing.some((w) => /^[\uac00-\ud7a3]{1,6}$/.test(w))) {
              // A Korean word no note writes (블록체인: the notes may write blockchain), or a name in
              // Hangul: Korean, Chinese and Japanese ones are read as the notes spell them, others
              // not (그리피스, Griffiths; 닐 난다, Neel Nanda): the notes write authors' names in Latin letters.
              status.append(bi(" — 영어 용어나, 저자 이름이면 논문에 적힌 로마자로 찾아 보세요(예: 블록체인 → blockchain, 힌턴 → Hinton).",
                " — try the English term, or an author's name as the paper writes it (blockchain, not 블록체인; Hinton, not 힌턴)."));
            }
          } else if (result.words.length + result.tags.length > 1) {
            status.append(bi(" 이 단어를 모두 담은 노트는 없습니다. 단어를 줄여 보세요.",
              " No note contains all of these words: try fewer."));
          }
        }
        else setStatus("결과 " + n.toLocaleString("en") + "개", n.toLocaleString("en") + (n === 1 ? " result" : " results"));
        // A year alone (or with generic words only) lists all of that year's notes: not "only".
        if (n && result.year) {
          const alone = typedYear !== null;
          status.append(bi(" — " + result.year + (alone ? "년의 노트" : "년의 노트만"), alone ? " — the notes of " + result.year : " — notes of " + result.year + " only"));
        }
        if (n && result.common.length) {
          status.append(bi(" — 흔한 단어는 빼고 찾았습니다: ", " — without the common words: "),
            el("strong", { class: "pn-search__missing" }, result.common.join(" ")));
        }
        if (n && result.most) {
          status.append(bi(" — 모든 단어를 담은 노트가 없어 가장 많은 단어를 담은 노트를 보여 줍니다",
            " — no note has every word; the notes with most of them are shown"));
        }
        if (n && result.either) {
          status.append(bi(" — 모든 단어를 담은 노트 다음에 일부만 담은 노트를 보여 줍니다",
            " — the notes with every word first, then those with some of them"));
        }
        if (n && result.apart.length) {
          status.append(bi(" — 모든 단어를 담은 노트가 없어 이 단어는 빼고 찾았습니다: ", " — no note has every word; found without: "),
            el("strong", { class: "pn-search__missing" }, result.apart.join(" ")));
        }
        if (n && result.dropped.length) {
          // "without the words no note contains: diffusion" read as a double negative (an English search QA pass).
          status.append(bi(" — 어느 노트에도 없는 단어는 빼고 찾았습니다: ", result.dropped.length > 1
            ? " — searched without these words, which no note contains: " : " — searched without this word, which no note contains: "),
            el("strong", { class: "pn-search__missing" }, result.dropped.join(" ")));
        }
        const typed = Object.keys(result.corrected);
        if (typed.length) {
          // The whole query corrected (reward modle: "reward model", not "model"), as the reader
          // would type it again; a word not written apart in it (a name's parts) alone, and so the
          // words of a long query (a pasted sentence was echoed whole, one word changed).
          const parts = q.trim().split(/(\s+)/);
          const whole = typed.every((w) => parts.includes(w)) && parts.filter((t) => t.trim()).length <= 6;
          const fixes = whole && !result.romanised ? parts.map((t) => (Object.prototype.hasOwnProperty.call(result.corrected, t) ? result.corrected[t] : t)).join("")
            : typed.map((w) => result.corrected[w]).join(" ");
          // A Hangul word that found notes and is also a name (황: Huang): the name's notes come after.
          status.append(result.namedAfter ? bi(" — 이어서 로마자 이름으로 찾은 노트: ", " — then the notes found by the name in Latin letters: ")
            : result.romanised ? bi(" — 로마자 이름으로 찾았습니다: ", " — found by the name in Latin letters: ")
              // The results shown are the corrected query's: say so ("did you mean" asked what was done).
              : bi(" — 고쳐서 찾은 결과: ", " — showing results for: "), el("strong", { class: "pn-search__correction" }, fixes));
        }
        if (result.partial) {
          status.append(bi(" — 이 단어로 시작하는 말이 너무 많아 일부만 찾았습니다. 더 입력해 보세요.",
            " — too many words start with this; only some were searched. Type more."));
        }
        tagline.textContent = "";
        tagline.hidden = !result.tags.length;
        for (const t of result.tags) {
          const a = el("a", { class: "pn-search__tag", href: loaded.engine.tagHref(t[0]) });
          a.append(bi("태그: " + t[1], "Tag: " + t[2]));
          tagline.append(a, " ");
        }
        if (page) {
          const a = el("a", { class: "pn-search__tag", href: page[0] });
          const count = page[1].toLocaleString("en");
          a.append(bi("보관함: " + year[1] + "년 (노트 " + count + "개)", "Archive: " + year[1] + " (" + count + (page[1] === 1 ? " note)" : " notes)")));
          tagline.append(a, " ");
          tagline.hidden = false;
        }
        if (restore) panel.scrollTop = restore.scroll;   // the status and tags above it are written: the same place
      });
    })).catch((err) => { if (mine === seq) failed(err); });
  }

  more.addEventListener("click", () => {
    const mine = seq;
    if (more.getAttribute("aria-disabled") === "true") return;  // still loading the last ten
    if (shown) showMore(shown.loaded, shown.state, mine, false).catch((err) => { if (mine === seq) failed(err); });
  });

  let timer = null;
  let composing = false;  // an input method (a Korean keyboard) is composing a syllable
  opener.addEventListener("click", openBox);
  scrim.addEventListener("click", () => closeBox(false));
  closer.addEventListener("click", () => { forget(); closeBox(true); });

  /* Back from a result finds the search as it was left: the query, its results on screen (a
   * reader compares several results one after another). A page the browser keeps whole (its
   * back-forward cache) shows it as it was anyway; any other is loaded again, with an empty box.
   * So following a result keeps the query for this page in the tab's sessionStorage, with how
   * many of its results were shown ("more" pressed: Back showed the first 10 again) and how far
   * the list was scrolled, and a page reached by Back or Forward with one opens the box with it
   * and searches, showing as many results scrolled as far, without focusing the field (that would
   * raise a phone's on-screen keyboard over the results). Closing the box or emptying the field
   * forgets it. */
  const KEPT = "papernotes.search.back";
  function forget() { try { sessionStorage.removeItem(KEPT); } catch (e) { /* storage refused: nothing kept */ } }
  panel.addEventListener("click", (e) => {
    const link = e.target.closest && e.target.closest("a[href]");
    if (!link || !input.value.trim()) return;
    // The list on screen is this query's (not the last one's while a new one is searched).
    const count = shown && shownQuery === input.value.trim() ? shown.state.count : 0;
    try {
      sessionStorage.setItem(KEPT, JSON.stringify({ path: location.pathname, query: input.value, count, scroll: panel.scrollTop }));
    } catch (err) { /* refused */ }
  });
  let left = null;                               // the search this page was left with
  try {
    const nav = performance.getEntriesByType("navigation")[0];
    if (nav && nav.type === "back_forward") left = JSON.parse(sessionStorage.getItem(KEPT) || "null");
  } catch (e) { left = null; }
  if (left && left.path === location.pathname && typeof left.query === "string" && left.query.trim()) {
    input.value = left.query;
    markOpen();                                  // its history entry is the one Back came to
    const count = Number(left.count), scroll = Number(left.scroll);
    run(true, { count: Number.isFinite(count) ? count : 0, scroll: Number.isFinite(scroll) ? scroll : 0 });
    // With a keyboard the field takes the focus, so Escape and the arrows work on the results (they
    // did nothing: focus was on the page). Not on a touch screen: it would raise the keyboard.
    if (!touchFirst.matches) input.focus({ preventScroll: true });
  }
  input.addEventListener("focus", () => {
    loadEngine().catch(() => {});
    markOpen();
    if (input.value.trim()) showPanel(true);
  });
  /* Chromium scrolls the page towards a field in a sticky header when it is clicked or typed in:
   * on a wide screen the page behind the results moved up 41 px a key (454 at the click), and the
   * reader lost their place (a QA pass). The page stays where it was: put back a frame later, and
   * at any scroll of the next 300 ms (on a busy machine Chromium's scroll came after that frame, and
   * a CI run saw the page 41 px up). */
  const hold = () => {
    const y = window.scrollY, until = performance.now() + 300;
    const back = () => {
      if (window.scrollY !== y && document.activeElement === input && performance.now() < until) window.scrollTo(window.scrollX, y);
    };
    window.addEventListener("scroll", back, { passive: true });
    setTimeout(() => window.removeEventListener("scroll", back), 300);
    requestAnimationFrame(back);
  };
  input.addEventListener("pointerdown", hold);
  input.addEventListener("beforeinput", hold);
  // A click in the field that kept its focus after Escape hid the results shows them again (no
  // focus event comes: they stayed hidden until a key was typed).
  input.addEventListener("click", () => {
    if (panel.hidden && input.value.trim() && options().length) showPanel(true);
  });
  input.addEventListener("input", (e) => {
    if (e.isComposing) composing = true;          // (a composition begun before the page listened)
    answered = false;
    early = null;
    broken = false;
    if (!input.value.trim()) forget();
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("compositionstart", () => { composing = true; answered = false; });
  input.addEventListener("compositionend", () => { composing = false; answered = false; clearTimeout(timer); timer = setTimeout(run, 120); });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      if (!options().length) return;
      e.preventDefault();                         // the caret stays where it is
      if (panel.hidden) showPanel(true); else focusResult(0);
    } else if (e.key === "Escape") {
      e.preventDefault();
      // Where the field is always shown (a wide screen, no search button), Escape hides the results
      // and the field keeps focus: closing moved focus to the page's body (the keyboard lost its place).
      if (getComputedStyle(opener).display === "none") showPanel(false);
      else { forget(); closeBox(true); }
    } else if (e.key === "Enter") {
      // The results on screen are this query's: Enter opens the first (as a click on it: Back finds
      // the search as it was left). Not the Enter that ends a Korean syllable's composition
      // (isComposing; keyCode 229 where the composition ended first), nor one with a modifier
      // (Shift+Enter searches now, whatever is shown).
      const first = answered && !panel.hidden && !e.isComposing && e.keyCode !== 229 &&
        !(e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) ? options()[0] : null;
      if (first) {
        e.preventDefault();
        first.click();
        return;
      }
      // Pressed before this query's results came (a quick Enter after the last key, a pasted
      // address: it was ignored, and a second Enter was needed), it opens the first once they do.
      early = !broken && !e.isComposing && e.keyCode !== 229 && !(e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) ? input.value.trim() : null;
      broken = false;
      clearTimeout(timer);
      run(true);   // Enter ends the word: no results kept on screen as for a word still being typed
      // A phone's search key: the results are what the reader wants now, so the on-screen
      // keyboard goes (it covered half of them). A physical keyboard's Enter keeps the field.
      if (touchFirst.matches) input.blur();
    }
  });
  // In the results: the arrows go from link to link, Escape goes back to the field and closes.
  panel.addEventListener("keydown", (e) => {
    const at = Array.prototype.indexOf.call(options(), e.target);
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();                        // the field stays open (on a phone, a second Escape closes it)
      input.focus();                              // first: focusing the field shows the results
      showPanel(false);
    } else if (at >= 0 && e.key === "ArrowDown" && at === options().length - 1 && !more.hidden) {
      e.preventDefault();                         // past the last result shown: "more" (only Tab reached it)
      more.focus();
    } else if (e.target === more && e.key === "ArrowUp") {
      e.preventDefault();
      focusResult(options().length - 1);
    } else if (at >= 0 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();                         // not the page's scrolling
      focusResult(e.key === "ArrowDown" ? Math.min(at + 1, options().length - 1) : at - 1);
    } else if (at >= 0 && (e.key === "Home" || e.key === "End")) {
      e.preventDefault();                         // the first and the last result shown
      focusResult(e.key === "Home" ? 0 : options().length - 1);
    } else if (at >= 0 && e.key.length === 1 && e.key !== " " && e.key !== "/" && !(e.ctrlKey || e.metaKey || e.altKey)) {
      // A letter typed on a result: the reader is typing the query again. The field takes the focus
      // now, in this keydown, so the letter goes into it, after what it holds (it was lost). Not the
      // space, which scrolls the results, nor `/`, which opens the field with its query chosen.
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && box.hasAttribute("data-open") && box.contains(e.target) && e.target !== input) closeBox(true);
  });
  /* The keyboard leaving the search (Tab past its last result) closes what covers the page: the
   * results stayed open over the controls Tab went on to, so focus was out of sight (a QA pass).
   * Where the search covers the page (a phone) it closes; beside it (a wide screen) the results
   * hide and the field stays, unless focus went to the language switch (it shows the results in
   * the other language; the next control after it hides them). Focus leaving the window (another
   * tab) changes nothing. So Shift+Tab from a phone's field, to the search button under it: focus
   * was out of sight (an accessibility QA pass); the search closes and shows the button focused. */
  document.addEventListener("focusin", (e) => {
    const to = e.target, under = to === opener && overlay();
    if ((box.contains(to) && !under) || (!box.hasAttribute("data-open") && panel.hidden)) return;
    if (overlay()) closeBox(false);
    else if (!(to.closest && to.closest(".pn-toggle"))) showPanel(false);
  });
  document.addEventListener("click", (e) => {
    // The path as dispatched: "more" may have replaced the clicked label before this runs. The
    // language switch leaves the results open: a reader switches to read them in the other language.
    if (!e.composedPath().includes(box) && !(e.target.closest && e.target.closest(".pn-toggle"))) {
      closeBox(false, !e.defaultPrevented && !!(e.target.closest && e.target.closest("a[href]")));
    }
  });
}

// A module runs once the page is parsed (it is deferred): the header is there.
build();

/* The results fit what the reader sees. On a phone the on-screen keyboard covers the bottom of the
 * screen without changing 100vh, so the last results of the panel (as tall as the screen) sat
 * under it, out of reach of scrolling; the visual viewport is the part not covered
 * (papernotes.css: --pn-visible-height). */
const visible = window.visualViewport;
if (visible) {
  const fit = () => document.documentElement.style.setProperty("--pn-visible-height", `${Math.round(visible.height)}px`);
  visible.addEventListener("resize", fit);
  fit();
}
