/* One search result as the box shows it: its title (a link), date, the glossary bridges that
 * found it, authors and excerpt in both languages (`.pn-lang`), the words that made it match
 * inside <mark>s. Everything from the index is inserted as text (textContent, <mark> built with
 * the DOM): titles may be hostile. Other modules may add controls (the reading list's Save). */

import { bi, el, langOf } from "../dom.js";
import { acronymTerm, authorHref, begunWord, concepts, meta, noteHref, otherSpelling, rank } from "./engine.js";
import { HANGUL, HANGUL_ONLY, acronymSingular, conceptRuns, light, stem, tables, tokenizeJoined } from "./words.js";

const APOSTROPHE = /^['\u2019\u02bc]$/;   // between the parts of a name: O'Neil, D’Amour

/* Whether `term` (a word of a result) is marked as a match of query word `w`: it starts with w
 * or its light form, shares its stem, or holds a Korean w inside; a one-letter w only itself. */
function marks(term, w) {
  // C++, V-Reason: the letter alone, not Clark, character, Variants. A Hangul syllable is a word's
  // start as the search reads it (보, the first syllable of 보상 as it is typed: 31 results, none marked).
  if (w.length === 1 && !HANGUL_ONLY.test(w)) return term === w;
  const begun = begunWord(w);   // 강ㅎ, on its way to 강화
  if (begun) return begun[1](term);
  const lw = light(w), one = acronymSingular(w);
  return term.startsWith(w) || (one !== null && term.startsWith(one)) || (stem(w) !== w && stem(term) === stem(w)) ||
    (lw !== w && lw.length >= rank.light_min && term.startsWith(lw)) ||
    (HANGUL_ONLY.test(w) && w.length >= 2 && term.indexOf(w) > 0 && !verbForm(term));
}

/* A Korean verb form (커지도록: words.VERB_FORMS), which the index holds by no inner sub-word: 지도
 * inside it is no word of the note. */
function verbForm(term) {
  return tables.verbForms.some((e) => term.length > e.length && term.endsWith(e));
}

/* Whether `term` is marked as acronym `w` (typed so): as engine.lookUpAcronym found it, the word
 * whole (its plural, version or Korean ending allowed: AIME25, RLHF를), or its singular's (LLMs: LLM). */
function marksWhole(term, w) {
  const one = acronymSingular(w);
  return acronymTerm(term, w) || (one !== null && acronymTerm(term, one));
}

/* `text` as nodes, the words that made the note match inside <mark>s (compared as the index
 * compares terms: lower-cased, accents removed): each word that `marks` one of `words` (or its
 * other -ise/-ize spelling; those of `whole`, acronyms the query typed, only as `marksWhole`); a
 * query word this text writes in two or more words (보상모델:
 * 보상 모델을; gpt4o: GPT-4o; llama3: Llama 3; oneil: O'Neil; qwen 2.5's 2.5: Qwen2.5; one <mark>); and any form of the glossary concepts
 * `named` (보상 해킹: reward hacking, 리워드 해킹은), one <mark> per phrase. With `limit`, a longer
 * `text` shows about that many characters of it, cut at words ("…" where cut): from a third of
 * them before the first phrase or else word marked, so the result shows the passage that matched
 * (from its start when nothing matched or the match ends in the first `near` of them). */
export function highlight(text, words, named, limit, whole = [], near = 2 / 3) {
  const frag = document.createDocumentFragment();
  const q = tokenizeJoined(text, true), n = q.tokens.length, marked = [], linked = [];
  const spellings = words.filter((w) => !whole.includes(w)).map(otherSpelling).filter((w) => w !== null);
  const markRun = (first, last) => { for (let k = first; k <= last; k++) { marked[k] = true; if (k < last) linked[k] = true; } };
  for (let i = 0; i < n; i++) {
    const term = q.tokens[i];
    if (words.some((w) => (whole.includes(w) ? marksWhole(term, w) : marks(term, w))) || spellings.some((w) => marks(term, w))) marked[i] = true;
  }
  for (const w of words) {
    if (w.length < 2 || whole.includes(w)) continue;   // ToM: not "to models"
    for (let i = 0; i < n; i++) {
      let joined = q.tokens[i];
      // A Korean compound may start inside the first word (학습데이터: 사전학습 데이터), as indexed.
      for (let k = 1; HANGUL_ONLY.test(w) && HANGUL_ONLY.test(joined) && !w.startsWith(joined) && k + (meta.min_part || 2) <= q.tokens[i].length; k++) {
        if (w.startsWith(q.tokens[i].slice(k))) joined = q.tokens[i].slice(k);
      }
      if (joined.length >= w.length || !w.startsWith(joined)) continue;
      for (let j = i + 1; j < n && (q.joined[j - 1] || APOSTROPHE.test(text.slice(q.at[j - 1][1], q.at[j][0]))); j++) {
        joined += q.tokens[j];
        // A Latin word ends inside the last of them only before a version (gpt4: GPT-4o) or a Korean
        // ending (think-rm: Think-RM을), not a word's letters: tom is not "to models".
        const inLast = w.slice(joined.length - q.tokens[j].length);
        if (joined.startsWith(w)) {
          if (HANGUL_ONLY.test(w) || !/^[a-z]/.test(joined.slice(w.length)) || !/^[a-z]/.test(inLast)) markRun(i, j);
          break;
        }
        if (!w.startsWith(joined)) break;
      }
    }
    // A dotted version written after its name (qwen 2.5: Qwen2.5, read as qwen2 and 5): the
    // tokens it spans, where the text writes it (not inside a longer number: 12.5).
    const low = text.toLowerCase();
    for (let p = w.includes(".") && low.length === text.length ? low.indexOf(w) : -1; p >= 0; p = low.indexOf(w, p + 1)) {
      if (p > 0 && /[\d.]/.test(low[p - 1])) continue;
      const first = q.at.findIndex((at) => at[1] > p);
      let last = first;
      while (last + 1 < n && q.at[last + 1][0] < p + w.length) last++;
      if (first >= 0) markRun(first, last);
    }
  }
  // A dotted version marked in its two parts (qwen2.5: Qwen2 and 5) is one <mark>: Qwen2.5.
  for (let i = 0; i + 1 < n; i++) {
    if (marked[i] && marked[i + 1] && text.slice(q.at[i][1], q.at[i + 1][0]) === "." && /\d$/.test(q.tokens[i]) && /^\d/.test(q.tokens[i + 1])) linked[i] = true;
  }
  if (named && named.length) {
    for (const run of conceptRuns(concepts, q, true)) if (named.includes(run[2])) markRun(run[0], run[1]);
  }
  let from = 0, to = text.length;
  if (limit && text.length > limit && n) {
    // The first phrase marked (reward hacking), else the first word; from the start when that ends
    // in the first two thirds.
    const phrase = linked.findIndex(Boolean), first = phrase >= 0 ? phrase : marked.findIndex(Boolean);
    let i = first > 0 && q.at[first][1] > near * limit ? first : 0, j;
    while (i > 0 && q.at[i - 1][0] >= q.at[first][0] - Math.floor(limit / 3)) i--;
    for (j = i; j + 1 < n && q.at[j + 1][1] - q.at[i][0] <= limit;) j++;
    if (j === n - 1) while (i > 0 && text.length - q.at[i - 1][0] <= limit) i--;   // the end: as much before it as fits
    // At a space near the word (not inside DeepSeek-V3), without the punctuation before a "…".
    const before = text.lastIndexOf(" ", q.at[i][0]), after = text.indexOf(" ", q.at[j][1]);
    if (i > 0) from = before >= 0 && q.at[i][0] - before <= 20 ? before + 1 : q.at[i][0];
    if (j < n - 1) {
      to = after >= 0 && after - q.at[j][1] <= 20 ? after : q.at[j][1];
      while (to > from + 1 && " ,.;:".includes(text[to - 1])) to--;
    }
  }
  let at = from;
  if (from > 0) frag.append("…");
  for (let i = 0; i < n; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (linked[j]) j++;                       // to the end of the phrase
    const start = Math.max(q.at[i][0], from), end = Math.min(q.at[j][1], to);
    i = j;
    if (end <= start) continue;                  // outside the excerpt shown
    if (start > at) frag.append(text.slice(at, start));
    frag.append(el("mark", {}, text.slice(start, end)));
    at = end;
  }
  if (at < to) frag.append(text.slice(at, to));
  if (to < text.length) frag.append("…");
  return frag;
}

/* `root`'s text with the hyphen of each Korean word and the letter after it in a nowrap span, as
 * the pages hold them (markup.keep_hyphens: a word with Hangul of up to meta.hyphen_word
 * characters, across <mark>s): on a phone "Adv-RM과" showed as "Adv-" over "RM과". The text is
 * the same. */
function keepHyphens(root) {
  const nodes = [], at = [];   // the text nodes, and each character's [node, offset]
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    nodes.push(node);
    for (let i = 0; i < node.length; i++) at.push([node, i]);
  }
  const text = nodes.map((node) => node.data).join(""), held = new Map();
  for (const word of text.matchAll(/\S+/g)) {
    if (word[0].length > (meta.hyphen_word || 20) || !HANGUL.test(word[0])) continue;
    for (const hyphen of word[0].matchAll(/[-\u2010](?=[\p{L}\p{N}_])/gu)) {
      const [node, offset] = at[word.index + hyphen.index];
      if (offset + 1 < node.length) held.set(node, [offset, ...(held.get(node) || [])]);   // last first
    }
  }
  for (const [node, offsets] of held) {
    for (const offset of offsets) {
      const pair = node.splitText(offset);
      pair.splitText(2);
      pair.replaceWith(el("span", { class: "pn-nobreak" }, pair.data));
    }
  }
}

/* The form of concept `n` a result writes that is not the query's (`key`): as the card writes
 * it (title, then excerpts), else the concept's first form in the other language. */
function bridgeTarget(card, n, key) {
  for (const text of [card[1], card[3], card[4]]) {
    if (!text) continue;
    const q = tokenizeJoined(text, true);
    for (const run of conceptRuns(concepts, q, true)) {
      if (run[2] === n && run[3] !== key) return text.slice(q.at[run[0]][0], q.at[run[1]][1] - run[4]);
    }
  }
  const concept = concepts.list[n], from = concepts.forms.get(key) || key;
  return HANGUL.test(from) ? concept[0][0] : concept[1][0];
}

/* A result's authors (a search by a name shows it matched), as the cards give them: a name, or
 * [name, slug] for an author with a page, which becomes a link to it (not a combobox option:
 * the arrows move between the results' titles only), then "…" if there are more; with those of
 * `more` (the authors the card leaves out, from the abstracts file) that the query's words mark,
 * after a name the other name of `extra.aka` ({place: [names]}, the abstracts file's) the words
 * mark: Minji Kim (김민지), the lab (`extra.org`: [lab, its other names]) when they mark it
 * or another name of it, and the arXiv id (`extra.arxiv`) when they mark it. Each name is
 * marked with its own language, as pages mark them (fragments.authors), not the interface's.
 * Separated by "; " when a name has a comma ("Smith, John; Henry Ford, Jr."), as the pages do. */
function authorsLine(authors, words, more, extra, whole) {
  const line = el("div", { class: "pn-search__authors" });
  const named = (author) => (typeof author === "string" ? author : author[0]);
  const mark = (text) => highlight(text, words, null, undefined, whole);
  const marked = (text) => mark(text).querySelector("mark") !== null;
  // The other name (data/authors.yml's) of the author at `place` that the query names, or null.
  const aka = (extra && extra.aka) || {}, alias = (place) => (aka[place] || []).find(marked) || null;
  // [author, place among all the note's authors] of the card's, then "…" entries as null.
  let shown = authors.map((author, i) => (author === "…" ? null : [author, i]));
  if (more && more.length) {
    // The authors past the card's first that the query names (a senior author, often last), in
    // their place: A, B, … , F, …, Yejin Choi, …
    const skipped = authors.length - 1;   // the card's names before its "…": more[i] is author skipped + i
    const first = shown.filter((entry) => entry !== null), matched = more.map((author, i) => marked(named(author)) || alias(skipped + i) !== null);
    if (matched.includes(true)) {
      let last = -1;
      matched.forEach((hit, i) => {
        if (!hit) return;
        if (i > last + 1) first.push(null);
        first.push([more[i], skipped + i]);
        last = i;
      });
      if (last < more.length - 1) first.push(null);
      shown = first;
    }
  }
  // A name the query marks after the first keeps only the first author before it (A, …, Yatao
  // Bian, …): the names between pushed it past the line's end, cut off on a phone.
  // A name alone between two kept (or after the last) stays: a "…" for one name hid it for
  // nothing (Zhang Wei, …, Grace Hopper, of three authors: a QA pass).
  const hit = shown.map((entry) => entry !== null && (marked(named(entry[0])) || alias(entry[1]) !== null));
  if (hit.some((h, i) => h && i > 0)) {
    const hidden = shown.map((entry, i) => i > 0 && !hit[i]);
    hidden.forEach((h, i) => {
      if (h && shown[i] !== null && !hidden[i - 1] && !hidden[i + 1]) hidden[i] = false;
    });
    const kept = [];
    shown.forEach((entry, i) => {
      if (!hidden[i]) kept.push(entry);
      else if (kept[kept.length - 1] !== null) kept.push(null);
    });
    shown = kept;
  }
  const sep = shown.some((entry) => entry !== null && named(entry[0]).includes(",")) ? "; " : ", ";
  shown.forEach((entry, i) => {
    if (i) line.append(sep);
    if (entry === null) { line.append("…"); return; }
    const [author, place] = entry;
    const name = typeof author === "string" ? el("span", { lang: langOf(author) })
      : el("a", { class: "pn-search__author", href: authorHref(author[1]), lang: langOf(author[0]) });
    name.append(mark(named(author)));
    line.append(name);
    const other = marked(named(author)) ? null : alias(place);   // found by another name of theirs: Minji Kim (김민지)
    if (other !== null) {
      const span = el("span", { lang: langOf(other) });
      span.append(mark(other));
      line.append(" (", span, ")");
    }
  });
  // What the query names that the card does not hold, before the authors: the line is cut to
  // one line (with "…"), and after six names a phone cut it off, so nothing showed why the
  // result matched. The arXiv id (2505.16265, a pasted link), then the lab: arXiv 2505.16265 ·
  // Microsoft (마이크로소프트) · A, B, …
  const lead = [];
  if (extra && extra.arxiv && marked(extra.arxiv)) {
    const id = el("span", { lang: "en" });
    id.append("arXiv ", mark(extra.arxiv));
    lead.push(id);
  }
  const org = (extra && extra.org) || [], found = org.find(marked);
  if (found !== undefined) {
    const lab = el("span", { lang: langOf(org[0]) });
    lab.append(found === org[0] ? mark(org[0]) : org[0]);
    if (found !== org[0]) {
      const span = el("span", { lang: langOf(found) });
      span.append(mark(found));
      lab.append(" (", span, ")");
    }
    lead.push(lab);
  }
  if (lead.length) line.prepend(...lead.flatMap((part) => [part, " · "]));
  return line;
}

/* The query's words to mark in document `doc` of `result`. A note the glossary alone found does
 * not hold the query's words for that concept: mark the concept's forms in it, not those words on
 * their own (보상 해킹 -> reward hacking, not 보상); nor the words it was found without (`unsaid`:
 * woo in a note found by Hyunwoo for Hyun-woo); nor function words beside others (`unmarked`: of, on). */
function wordsFor(result, doc) {
  const bridged = result.bridges[doc] || [], unsaid = (result.unsaid || {})[doc] || [], unmarked = result.unmarked || [];
  return result.words.filter((w) => !bridged.some((b) => result.spelt[b[0]].includes(w)) && !unsaid.includes(w) && !unmarked.includes(w));
}

/* Whether `card` shows why it matched: each word of the query is marked in its title, authors or
 * commentary (either language), and so is a form of the glossary concept that found it, if one
 * did (학습 데이터 -> training data). If not, the box loads its abstract (engine.loadAbstracts),
 * whose passage the result then shows when its commentary marks nothing. */
export function explained(card, result, doc) {
  const texts = [card[1], card[3], card[4]].filter(Boolean);
  const names = (card[5] || []).map((a) => (typeof a === "string" ? a : a[0]));
  const whole = result.whole || [];
  const shown = (words) => texts.some((text) => highlight(text, words, result.concepts, undefined, whole).querySelector("mark"))
    || names.some((name) => highlight(name, withNameForms(words, whole), null, undefined, whole).querySelector("mark"));
  return wordsFor(result, doc).every((w) => shown([w])) && (!(result.bridges[doc] || []).length || shown(result.forms || []));
}

/* `words` and the other forms of any given name among them (tom: thomas, meta.given_names), for
 * author names: the index finds Thomas L. Griffiths for `Tom Griffiths`, and his name is marked.
 * Not for an acronym the query typed (`whole`: ToM is no Tom). */
function withNameForms(words, whole = []) {
  const forms = meta.given_names || {};
  return words.concat(...words.map((w) => (Object.prototype.hasOwnProperty.call(forms, w) && !whole.includes(w) ? forms[w] : [])));
}

/* Whether the title and authors of `card` (document `doc` of `result`) already show why it
 * matched: each of `words` (wordsFor) marked in one of them, or the glossary concept the query
 * named with it named in the title (생각: Chain-of-Thought), and each concept that alone found it
 * (a bridge) named in the title. */
function shownAbove(card, result, doc, words, whole) {
  const names = (card[5] || []).map((a) => (typeof a === "string" ? a : a[0]));
  const shows = (ws, named) => highlight(card[1], ws, named, undefined, whole).querySelector("mark") !== null ||
    names.some((name) => highlight(name, withNameForms(ws, whole), null, undefined, whole).querySelector("mark") !== null);
  const bridged = result.bridges[doc] || [];
  const conceptsOf = (w) => result.concepts.filter((c) => (result.spelt[c] || []).includes(w));
  return (words.length > 0 || bridged.length > 0) && words.every((w) => shows([w], conceptsOf(w))) && bridged.every((b) => shows([], [b[0]]));
}

/* How many characters of `text` a result's passage shows: the index's excerpt, or on a phone
 * about what its three lines hold (papernotes.css), Hangul a full em wide and other letters about
 * half, so that the passage starts near what matched: a Korean passage's match, 150 characters
 * in, was cut off under its third line (found by a QA pass: 보상 해킹). */
const NARROW = typeof matchMedia === "function" ? matchMedia("(max-width: 44.9375em)") : null;
function passageLimit(text) {
  if (!NARROW || !NARROW.matches || !text) return meta.excerpt;
  const list = document.querySelector(".pn-search__results");
  const width = (list && list.clientWidth) || window.innerWidth - 32;
  const em = parseFloat(getComputedStyle(list || document.body).fontSize) || 16;
  const hangul = [...text].filter((c) => HANGUL.test(c)).length;
  const wide = (hangul + 0.55 * (text.length - hangul)) / text.length;   // ems a character, on average
  return Math.max(40, Math.min(meta.excerpt, Math.floor((0.85 * 3 * width) / (wide * em))));
}

/* Up to where in those characters a match keeps the passage's start: on a phone all of its three
 * lines but the last few words (a match on its second line stays where the text begins). */
function passageNear() {
  return NARROW && NARROW.matches ? 0.85 : 2 / 3;
}

/* What a result's summary shows in `lang`: its commentary in that language, the matched words
 * marked; when that marks none, the other language's passage that matched, else the abstract's
 * (`abstract`), after a line saying where the match is, in `lang` (the passage marked with its
 * own language: one language of interface text at a time). Not when the title or authors show
 * why the note matched (`above`): then its commentary in `lang`, from the start (an English
 * reader's `thought` showed the Korean passage marking 생각 under a title marking Thought). */
function summaryIn(lang, own, other, abstract, words, named, whole, above) {
  const shown = highlight(own, words, named, passageLimit(own), whole, passageNear());
  if (above || shown.querySelector("mark")) return shown;
  // Each part named as the note page heads it (코멘트 / Commentary, 초록 / Abstract).
  const found = [[other, lang === "ko" ? "영어 코멘트에서 찾음: " : "Found in the Korean commentary: "],
    [abstract, lang === "ko" ? "초록에서 찾음: " : "Found in the abstract: "]];
  for (const [text, where] of found) {
    if (!text) continue;
    const passage = highlight(text, words, named, passageLimit(text), whole, passageNear());
    if (!passage.querySelector("mark")) continue;
    const frag = document.createDocumentFragment();
    frag.append(el("span", { class: "pn-search__where" }, where), el("span", { lang: langOf(text) }));
    frag.lastChild.append(passage);
    return frag;
  }
  return shown;
}

/* One result (`card`: [slug, title, date, ko, en, authors]) of `result` (engine.search), document
 * `doc`, its title link's id `id`, [its abstract's text, the authors the card leaves out, their
 * other names] when loaded (`extra`: engine.loadAbstracts, for a card not `explained`). */
export function renderCard(card, result, doc, id, extra) {
  const [abstract, more, known] = extra || [];
  const [slug, title, date] = card, named = result.concepts, bridged = result.bridges[doc] || [];
  const words = wordsFor(result, doc), marking = words.concat(result.forms || []);   // 큐웬: Qwen3 marked too
  const ko = card[3] || card[4] || "", en = card[4] || card[3] || "";
  const li = el("li", { class: "pn-search__result" });
  const a = el("a", { href: noteHref(slug), class: "pn-search__title", lang: langOf(title), id });   // as written
  const whole = result.whole || [];
  a.append(highlight(title, marking, named, undefined, whole));
  li.append(a, " ", el("span", { class: "pn-search__date" }, date));   // the line breaks before a date, never inside
  for (const bridge of bridged) {
    const from = concepts.forms.get(bridge[1]) || bridge[1], to = bridgeTarget(card, bridge[0], bridge[1]);
    const line = el("div", { class: "pn-search__bridge" });
    line.append(bi("용어집: ", "Glossary: "), el("span", { lang: langOf(from) }, from), " → ", el("span", { lang: langOf(to) }, to));
    li.append(line);
  }
  if (card[5] && card[5].length) li.append(authorsLine(card[5], withNameForms(words, whole), more, known, whole));
  const summary = el("div", { class: "pn-search__summary" }), above = shownAbove(card, result, doc, words, whole);
  // Found by a tag the query names: its commentary in the reader's language (test-time scaling
  // showed a Korean reader "영어 코멘트에서 찾음: …at inference time", one word of the tag's name
  // marked in English: a Korean search QA pass), the tag line saying why (below).
  const tagged = (result.tagged || []).includes(String(doc));
  summary.append(bi(ko, en));
  for (const span of summary.querySelectorAll(".pn-lang")) {
    const text = span.textContent, lang = span.getAttribute("lang");
    span.textContent = "";
    span.append(summaryIn(lang, text, lang === "ko" ? card[4] : card[3], abstract, marking, named, whole, above || tagged));
  }
  keepHyphens(summary);
  li.append(summary);
  // Found by a tag the query names, and marking nothing: say so (such notes rank first, and showed
  // no reason: 테스트타임 스케일링's first two results, a QA pass); in each language whose passage
  // marks nothing, when the title and authors mark nothing either.
  const unmarked = tagged && !a.querySelector("mark") && ![...li.querySelectorAll(".pn-search__authors")].some((x) => x.querySelector("mark"))
    ? ["ko", "en"].filter((lang) => !summary.querySelector(`.pn-lang[lang=${lang}] mark`)) : [];
  if (unmarked.length) {
    const line = el("div", { class: "pn-search__bridge" });
    result.tags.forEach((t, i) => line.append(i ? ", " : "", bi((i ? "" : "태그: ") + t[1], (i ? "" : "Tag: ") + t[2])));
    if (unmarked.length === 1) {   // one language only: the line is that language's
      line.classList.add("pn-lang");
      line.setAttribute("lang", unmarked[0]);
    }
    li.querySelector(".pn-search__date").after(line);   // under the title and date, as a glossary line
  } else if (result.labelled && result.labelled[doc] && !li.querySelector("mark")) {
    // Found by a word of one of its tags' labels (optimisation: Preference optimization), and
    // marking nothing else: its tags, the words marked (a search QA pass: no reason showed).
    const line = el("div", { class: "pn-search__bridge" });
    const ko = el("span", { class: "pn-lang", lang: "ko" }, "태그: "), en = el("span", { class: "pn-lang", lang: "en" }, "Tag: ");
    result.labelled[doc].forEach((t, i) => {
      ko.append(i ? ", " : "", highlight(t[1], marking, null, undefined, whole));
      en.append(i ? ", " : "", highlight(t[2], marking, null, undefined, whole));
    });
    line.append(ko, en);
    li.querySelector(".pn-search__date").after(line);
  }
  return li;
}
