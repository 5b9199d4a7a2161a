/* The search engine: reads our static index (written at build time by
 * hooks/papernotes/outputs/search_index.py into search/; its module docstring is the format) and
 * answers a query with ranked documents. No DOM: box.js draws, render.js marks.
 *
 * `loadMeta()` loads search/meta.json (the directory of terms files, the tags, the glossary, and
 * the ranking numbers and tokenizer tables the Python owns); a query then loads the one to
 * MAX_SPAN terms files its words fall in (`search`), and the results shown their cards
 * (`loadCards`). Every file is fetched once. */

import { ARXIV_ID, HANGUL, HANGUL_ONLY, acronymSingular, bareArxivIds, buildConcepts, composeJamo, conceptRuns, configure, halfWidth, keyStem, light, queryWord, stem, tables, tokenize, tokenizeJoined, typedAcronym, withoutApostrophes, withoutEnding } from "./words.js";

const ROOT = new URL("../../", import.meta.url);   // this file lives in <root>/assets/search/

/* search/meta.json once loaded (null before), its glossary ready to find (words.buildConcepts)
 * and its ranking numbers (search_index.RANK). */
export let meta = null;
export let concepts = null;
export let rank = null;
let metaLoading = null;
const files = new Map();

function fetchJson(url) {
  return fetch(url.href).then((r) => {
    if (!r.ok) throw new Error(url.href + ": HTTP " + r.status);
    return r.json();
  });
}

export function loadMeta() {
  if (!metaLoading) {
    metaLoading = fetchJson(new URL("search/meta.json", ROOT)).then((m) => {
      configure(m);
      concepts = buildConcepts(m.glossary);
      rank = m.rank;
      meta = m;
      return m;
    }, (err) => {
      metaLoading = null;                       // a later query tries again
      throw err;
    });
  }
  return metaLoading;
}

/* The address of a note's, a tag's or an author's page. */
export function noteHref(slug) { return new URL(meta.note.replace("{slug}", encodeURIComponent(slug)), ROOT).pathname; }
export function tagHref(slug) { return new URL(meta.tag.replace("{slug}", slug), ROOT).pathname; }
/* [the year page's path, its notes] for a year with notes (a query of 2025 or 2025년), else null. */
export function yearPage(year) {
  const count = meta.years && meta.years[year];
  return count ? [new URL(meta.year.replace("{year}", year), ROOT).pathname, count] : null;
}
export function authorHref(slug) { return new URL(meta.author.replace("{slug}", encodeURIComponent(slug)), ROOT).pathname; }
/* The address of a paper's abstract on arXiv: a link only (the site fetches nothing from it). */
export function arxivHref(id) { return "https://arxiv.org/abs/" + id; }
/* A Promise of a function giving [the path of the waiting page's entry, the number of notes that
 * mention the paper or build on it] for an arXiv id it lists (papers the notes mention that have
 * no note: meta.wanted, {id: count} in a file loaded the first time a pasted id has no note), else
 * null; null for every id when the file cannot be had. */
let wantedLoading = null;
export function wantedPapers() {
  if (!meta.wanted) return Promise.resolve(() => null);
  if (!wantedLoading) {
    const page = new URL(meta.wanted[0], ROOT).pathname;
    wantedLoading = loadFile(meta.wanted[1]).then((counts) => (id) => (
      counts && Object.hasOwn(counts, id) ? [page + "#arxiv-" + id.replace(/\//g, "-"), counts[id]] : null
    ), () => { wantedLoading = null; return () => null; });
  }
  return wantedLoading;
}

function loadFile(path) {                       // a terms or cards file, fetched once
  if (!files.has(path)) {
    files.set(path, fetchJson(new URL(path, ROOT)).catch((err) => { files.delete(path); throw err; }));
  }
  return files.get(path);
}

/* Index of the last chunk whose first term is <= key (< key when `strict`), or -1. */
function lastChunk(chunks, key, strict) {
  let lo = 0, hi = chunks.length;               // answer is lo - 1 at the end
  while (lo < hi) {
    const mid = (lo + hi) >> 1, first = chunks[mid][0];
    if (first < key || (!strict && first === key)) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/* The files of `dir` (meta.chunks), start..last, to load for the terms starting with `word`
 * (`prefix`) or equal to it; null if none can hold it. */
function span(dir, word, prefix) {
  const start = Math.max(0, lastChunk(dir, word, false));
  const end = prefix ? lastChunk(dir, word + "\uffff", true) : start;
  return end < start ? null : { start, end, last: Math.min(end, start + rank.max_span - 1) };
}

/* The files of `dir` for the terms from `low` to those starting with `high`; null if none. */
function between(dir, low, high) {
  const start = Math.max(0, lastChunk(dir, low, false)), end = lastChunk(dir, high + "\uffff", true);
  return end < start ? null : { start, end, last: Math.min(end, start + rank.max_span - 1) };
}

function loadSpan(dir, template, s) {
  const loads = [];
  for (let i = s.start; i <= s.last; i++) loads.push(loadFile(template.replace("{name}", dir[i][1])));
  return Promise.all(loads);
}

/* { scores: {doc: score}, top: {doc: best weight}, partial: whether the word's terms spanned
 * more than max_span files }: the documents holding a term that starts with `word` (or equals it
 * when `exact`), scored by the term's rarity times the posting's weight; a term that is not the
 * word itself nor one of its `forms` (when given: a function of the term) counts rank.partial,
 * or rank.beside_whole when some note holds the word itself: `choi` is then the name Choi
 * first, and a title's "Choice" after it. `keep` (a function of the term), when given, says
 * which terms count at all. A weight of meta.title or more says the title holds the term
 * (`top`); `title`: the documents whose title holds the word, or only starts a word with it
 * when no note holds the word itself (ranking puts them first). `matched`: the terms found. */
function lookUp(word, exact, forms, keep, range) {
  // `range` [low, high]: the terms from low to those starting with high (a run of syllables:
  // typedOn), which start with `word` and `keep` says which count.
  const s = range ? between(meta.chunks, range[0], range[1]) : span(meta.chunks, word, !exact);
  if (!s) return Promise.resolve({ scores: {}, top: {}, title: {}, partial: false, terms: 0, matched: [] });
  return loadSpan(meta.chunks, meta.terms, s).then((parts) => {
    const scores = {}, top = {}, found = [];
    let terms = 0, anyWhole = false, itself = false;
    for (const part of parts) {
      for (const term of Object.keys(part)) {
        if (exact ? term !== word : !term.startsWith(word)) continue;
        if (keep !== undefined && !keep(term)) continue;
        itself = itself || term === word;
        const whole = term === word || (forms !== undefined && forms(term));
        anyWhole = anyWhole || whole;
        found.push([part[term], whole, term]);
      }
    }
    const partial = anyWhole ? rank.beside_whole : rank.partial, title = {};
    for (const [postings, whole] of found) {
      terms += postings.length;
      const base = Math.log(1 + meta.docs / postings.length) * (whole ? 1 : partial);
      let doc = 0;
      for (const value of postings) {
        doc += Math.floor(value / 16);
        const score = base * (value % 16);
        if (!(scores[doc] >= score)) scores[doc] = score;
        if (!(top[doc] >= value % 16)) top[doc] = value % 16;
        if ((whole || !anyWhole) && value % 16 >= meta.title) title[doc] = true;
      }
    }
    return { scores, top, title, partial: s.end > s.last, terms, itself, matched: found.map((f) => f[2]) };
  });
}

/* The documents holding Korean `word` (Hangul only) as written together (a prefix of a term,
 * 추론모델을, or of an inner sub-word, 대형추론모델) or as two adjacent words (the index's pair
 * terms: 추론 모델을 -> _추론모델), best score of the two. */
function lookUpCompound(word) {
  const looks = [lookUp(word, false)];
  if (meta.pair) looks.push(lookUp(meta.pair + word, false));
  return Promise.all(looks).then((found) => {
    const { scores, top, partial } = bestOf(found);
    return { scores, top, partial };
  });
}

/* Several look-ups of one word as one: each note's best score and best top score, in the title
 * if any look-up found it there, partial if any was. */
function bestOf(found) {
  const scores = {}, top = {}, title = {};
  let partial = false;
  for (const f of found) {
    partial = partial || f.partial;
    for (const d of Object.keys(f.scores)) {
      if (!(scores[d] >= f.scores[d])) scores[d] = f.scores[d];
      if (!(top[d] >= f.top[d])) top[d] = f.top[d];
      if (f.title && f.title[d]) title[d] = true;
    }
  }
  return { scores, top, title, partial };
}

/* The other spelling of an English word in -ise/-ize or -yse/-yze and their forms (optimised
 * <-> optimized, organisation <-> organization, analysed <-> analyzed), or of one of the words in
 * -our/-or (behaviour <-> behavior, behaviours, behavioural; favour, colour...), or null. Snowball
 * stems the two apart (optimis, optim; behaviour, behavior): notes write both. */
const SPELLING = /^([a-z]{4,}[iy])([sz])(e|es|ed|ing|ation|ations|er|ers|able)$/;
const OUR = /^(behavio|colo|favo|flavo|labo|hono|humo|neighbo|rumo|vapo|harbo|endeavo|armo|savio|vigo)(u?)(r[a-z]*)$/;
export function otherSpelling(word) {
  const m = SPELLING.exec(word);
  if (m) return m[1] + (m[2] === "s" ? "z" : "s") + m[3];
  const o = OUR.exec(word);
  return o ? o[1] + (o[2] ? "" : "u") + o[3] : null;
}

/* Scores of one query word: the best of its alternatives per document, and which documents hold
 * it closely (`tight`): as typed (a prefix; its inflections count fully), as a word that starts
 * with its light form and whose stem starts with its stem (generalizes finds generalized,
 * generalization; judges finds judgment; scaled does not find scalar), an acronym's plural as
 * its singular (PRMs: PRM; words.acronymSingular), or, a Korean
 * compound, written together or as two adjacent words (also as typed, particle-like ending
 * kept). Loosely: by its Snowball stem only (generalizes finds general; a stem in -ifi also as
 * -if and back; rank.stemmed), or a Korean word of 2*min_part+ syllables split in two, each part
 * a prefix anywhere in the note (보상모델 finds 보상 ... 모델; rank.split). An English word in
 * -ise or -ize is also looked up in the other spelling, alike; a given name's short or long form
 * (tom: Thomas, meta.given_names) finds the notes by that author, closely. Ranking puts close
 * first. An `acronym` (typed so: words.typedAcronym) is looked up whole (lookUpAcronym), and as
 * any word when no note writes it (GRP, RLH, on the way to GRPO, RLHF). A word typed otherwise
 * that every note holding it writes as an acronym holds only the acronym's notes closely
 * (writtenAcronym). */
/* The ways to cut a Korean word into two to MAX_PARTS parts of `min` syllables or more, fewest parts
 * first: 보상모델학습 is 보상|모델학습, 보상모델|학습 and 보상|모델|학습 (a compound of three nouns written
 * without spaces, 강화학습보상모델, found nothing when only cut in two). At most MAX_SPLITS. */
const MAX_PARTS = 4, MAX_SPLITS = 48;
function splits(w, min) {
  const found = [];
  for (let n = 2; n <= MAX_PARTS && n * min <= w.length; n++) {
    (function walk(start, cut) {
      if (found.length >= MAX_SPLITS) return;
      if (cut.length === n - 1) {
        if (w.length - start >= min) found.push(cut.concat([w.slice(start)]));
        return;
      }
      for (let i = start + min; w.length - i >= min * (n - 1 - cut.length); i++) walk(i, cut.concat([w.slice(start, i)]));
    })(0, []);
  }
  return found;
}

function lookUpWord(word, typed, spelt, acronym) {
  // Only when a note writes the acronym itself: RLH (on the way to RLHF) found only RLHS, read as its plural.
  if (acronym) return lookUpAcronym(word).then((f) => (f.itself ? f : lookUpAnyWord(word, typed, spelt)));
  return Promise.all([writtenAcronym(word, spelt), lookUpAnyWord(word, typed, spelt)]).then(([close, f]) => {
    if (!close) return f;
    const tight = {}, title = {};
    for (const d of Object.keys(f.scores)) {
      if (!close.has(d)) continue;
      tight[d] = true;
      if (f.title[d]) title[d] = true;
    }
    return { scores: f.scores, tight, title, partial: f.partial };
  });
}

/* The documents to hold closely for a word of 2 to 5 letters not typed as an acronym (aime, a
 * phone's Aime, tom) that every note holding it writes as one (AIME, ToM: the index's `acronym`
 * terms, search_index.acronyms): those lookUpAcronym finds, and a given name's other forms' (tom:
 * Thomas). The other words it starts or stems to count loosely, after them: aime found "aim" and
 * "aimed" among AIME's notes, tom "tomorrow". Not dropped: pro may be on its way to prompt. Else
 * (math: notes write MATH and math) null. */
function writtenAcronym(word, spelt) {
  if (!meta.acronym || spelt || !/^[a-z]{2,5}$/.test(word)) return Promise.resolve(null);
  return Promise.all([lookUp(meta.acronym + word, true), lookUp(word, true)]).then(([caps, any]) => {
    const docs = Object.keys(any.scores);
    if (!docs.length || !docs.every((d) => caps.scores[d] !== undefined)) return null;
    const named = meta.given && meta.given_names && Object.prototype.hasOwnProperty.call(meta.given_names, word);
    return Promise.all([lookUpAcronym(word), named ? lookUp(meta.given + word, true) : { scores: {} }])
      .then(([f, name]) => new Set(Object.keys(f.scores).concat(Object.keys(name.scores))));
  });
}

/* A Korean word whose last letter is a lone consonant (강ㅎ, 보상모ㄷ): typed without an input
 * method's composition, or mid-syllable, on the way to 강화, 보상모델. [the syllables before it,
 * a function of a term saying whether it starts with the word so begun: those syllables, then a
 * syllable that consonant begins, or their last syllable closed by it (가ㅇ: 강)], else null. */
const FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
export function begunWord(word) {
  const m = /^([\uac00-\ud7a3]+)([\u3131-\u314e])$/.exec(word);
  if (!m) return null;
  const [, base, letter] = m, lead = LEAD_KEYS.indexOf(letter), tail = FINALS.indexOf(letter);
  const last = base.charCodeAt(base.length - 1) - 0xac00;
  const closed = tail > 0 && last % 28 === 0 ? base.slice(0, -1) + String.fromCharCode(0xac00 + last + tail) : null;
  const syllable = (c) => c >= 0 && c < 11172;
  const next = (term) => {
    const c = term.charCodeAt(base.length) - 0xac00;
    return lead >= 0 && term.startsWith(base) && syllable(c) && Math.floor(c / 588) === lead;
  };
  return [base, (term) => next(term) || (closed !== null && term.startsWith(closed)), next, closed];
}

/* The query's last word as a word still being typed on a phone's two-set keyboard (모, 몯, 모데 on
 * the way to 모델; 핛 on the way to 학습; a lone ㅁ after a space: the next word's first key), when
 * it found nothing as typed. [the syllables before its last, the run of syllables its last may
 * become (low, high: typed on, lookUp's `range`), a function of a term (whole, without the index's
 * pair mark) saying whether it is a word so begun], else null: its last syllable open (모데) takes
 * a final consonant or a vowel's second half (호: 화), one closed by a consonant (몯) may give it to
 * the next syllable (모데, 모델) or double it (달: 닭), one closed by two (핛) gives the second (학습);
 * a lone consonant begins a syllable. A lone vowel, or no Hangul: null. */
const DOUBLE_FINALS = { 3: [1, "ㅅ"], 5: [4, "ㅈ"], 6: [4, "ㅎ"], 9: [8, "ㄱ"], 10: [8, "ㅁ"], 11: [8, "ㅂ"], 12: [8, "ㅅ"], 13: [8, "ㅌ"],
  14: [8, "ㅍ"], 15: [8, "ㅎ"], 18: [17, "ㅅ"] };
const VOWEL_ON = { 8: 11, 13: 16, 18: 19 };   // ㅗ may become ㅘ ㅙ ㅚ, ㅜ ㅝ ㅞ ㅟ, ㅡ ㅢ (the next indices)
export function typedOn(word) {
  const syl = (c) => String.fromCharCode(0xac00 + c), code = (t, i) => t.charCodeAt(i) - 0xac00, lead = (t, i) => Math.floor(code(t, i) / 588);
  if (/^[\u3131-\u314e]$/.test(word)) {
    const l = LEAD_KEYS.indexOf(word);
    if (l < 0) return null;   // ㄳ, ㄵ...: no syllable starts with it
    return ["", syl(l * 588), syl(l * 588 + 587), (t) => t.length > 0 && lead(t, 0) === l];
  }
  if (!/^[\uac00-\ud7a3]+$/.test(word)) return null;
  const base = word.slice(0, -1), n = base.length, c = code(word, n), tail = c % 28, open = c - tail;
  const same = (t) => t.length > n && code(t, n) >= 0 && Math.floor(code(t, n) / 28) === open / 28;
  const nextLead = (t, letter) => t.length > n + 1 && code(t, n + 1) >= 0 && code(t, n + 1) < 11172 && lead(t, n + 1) === LEAD_KEYS.indexOf(letter);
  if (!tail) {
    const v = Math.floor((c % 588) / 28), last = VOWEL_ON[v] || v, l = Math.floor(c / 588);
    return [base, syl(open), syl(l * 588 + last * 28 + 27), (t) => t.length > n && code(t, n) >= open && code(t, n) <= l * 588 + last * 28 + 27];
  }
  const split = DOUBLE_FINALS[tail];
  return [base, syl(open), syl(open + 27), (t) => {
    if (!same(t)) return false;
    const ct = code(t, n) % 28;
    if (split) return ct === tail || (ct === split[0] && nextLead(t, split[1]));
    return ct === tail || (DOUBLE_FINALS[ct] && DOUBLE_FINALS[ct][0] === tail) || (ct === 0 && LEAD_KEYS.includes(FINALS[tail]) && nextLead(t, FINALS[tail]));
  }];
}

/* The documents holding a word typedOn reads as being typed (or begunWord: 보상ㅁ), written
 * together or as two words (보상모데: 보상 모델), as lookUpAnyWord's; `begun`: the words found, to mark
 * the concepts they name, none for a lone consonant (every word it begins). */
function lookUpTyping(word) {
  if (begunWord(word)) return lookUpAnyWord(word);
  const on = typedOn(word);
  if (!on) return Promise.resolve({ scores: {}, tight: {}, title: {}, partial: false, begun: [] });
  const [base, low, high, keep] = on, marks = meta.pair && base ? ["", meta.pair] : [""];
  return Promise.all(marks.map((mark) => lookUp(mark + base, false, undefined, (t) => keep(t.slice(mark.length)), [mark + base + low, mark + base + high])))
    .then((found) => {
      const f = bestOf(found), terms = new Set();
      if (HANGUL_ONLY.test(word)) found.forEach((one, k) => { for (const t of one.matched) terms.add(t.slice(marks[k].length)); });
      return { scores: f.scores, tight: f.scores, title: f.title, partial: f.partial, begun: Array.from(terms) };
    });
}

function lookUpAnyWord(word, typed, spelt) {
  const begun = begunWord(word);
  if (begun) {
    // The syllables typed whole are a prefix of the term, the consonant its next letter's start.
    // Written together or as two words (보상모ㄷ: 보상 모델, the index's pair terms), as lookUpCompound.
    // `begun`: the words it was found by (the pair terms' as one word), which name the glossary
    // concepts a result marks (search: begunConcepts).
    const looks = [], marks = [];
    for (const mark of meta.pair ? ["", meta.pair] : [""]) {
      looks.push(lookUp(mark + begun[0], false, undefined, (t) => begun[2](t.slice(mark.length))));
      marks.push(mark);
      if (begun[3] !== null) { looks.push(lookUp(mark + begun[3], false)); marks.push(mark); }
    }
    return Promise.all(looks).then((found) => {
      const f = bestOf(found), terms = new Set();
      found.forEach((one, k) => { for (const t of one.matched) terms.add(t.slice(marks[k].length)); });
      return { scores: f.scores, tight: f.scores, title: f.title, partial: f.partial, begun: Array.from(terms) };
    });
  }
  const min = meta.min_part || 2, alts = [];
  const tight = (f) => [f, 1, true];
  const compound = (w) => HANGUL_ONLY.test(w) && w.length >= 2 * min;
  const parts = new Map();                       // each part looked up once, however many splits hold it
  // A part that ends with a particle is also its word without it (보상모델을학습: 보상|모델을|학습, where
  // notes write 모델 with other endings: 1 note of the 13 보상 모델을 학습 found; a phone QA pass).
  const lookUpPart = (p) => {
    const bare = withoutEnding(p);
    return bare !== p && bare.length >= min ? Promise.all([lookUp(p, false), lookUp(bare, false)]).then(bestOf) : lookUp(p, false);
  };
  const part = (p) => { if (!parts.has(p)) parts.set(p, lookUpPart(p)); return parts.get(p); };
  function split(w) {                            // w in two to MAX_PARTS parts, each a prefix anywhere in the note
    for (const cut of splits(w, min)) {
      alts.push(Promise.all(cut.map(part)).then((found) => {
        const all = {};
        for (const d of Object.keys(found[0].scores)) {
          if (found.every((f) => f.scores[d] !== undefined)) all[d] = found.reduce((sum, f) => sum + f.scores[d], 0) / found.length;
        }
        return [{ scores: all, partial: found.some((f) => f.partial) }, rank.split, false, cut];
      }));
    }
  }
  // A modifier of one syllable typed with its noun (긴영상, 질낮은: a phone QA pass found nothing):
  // the index's pair term, as notes write it apart (긴 영상 -> _긴영상); longer words look their
  // pair terms up already (lookUpCompound: 빅파이브).
  if (meta.pair && HANGUL_ONLY.test(word) && word.length === 2 * min - 1) alts.push(lookUp(meta.pair + word, false).then(tight));
  if (compound(word)) {
    alts.push(lookUpCompound(word).then(tight));
    split(word);
  } else {
    // An English word: as typed (its inflections count fully), then its light form among the words
    // of its stem, then its stem alone (loosely).
    const lw = light(word), root = stem(word);
    // -ify and -ification: Snowball stems verify to verifi but verification to verif; each finds the other.
    const kin = root.endsWith("ifi") ? root.slice(0, -1) : root.endsWith("if") && root !== word ? root + "i" : null;
    const forms = (term) => light(term) === lw;   // its inflections: reasons and reasoning for reason
    alts.push(lookUp(word, false, forms).then(tight));
    if (lw !== word && lw.length >= rank.light_min) {
      alts.push(lookUp(lw, false, forms, (term) => {   // built on the word: judgment for judges, not scalar for scaled
        const r = stem(term);
        return r.startsWith(root) || (kin !== null && r.startsWith(kin));
      }).then(tight));
    }
    const one = acronymSingular(word);   // PRMs finds PRM, fully: the plural of the same name
    if (one) alts.push(lookUp(one, false).then(tight));
    if (root !== word) alts.push(lookUp(root, true).then((f) => [f, rank.stemmed, false]));
    if (kin) alts.push(lookUp(kin, true).then((f) => [f, rank.stemmed, false]));
    const other = spelt ? null : otherSpelling(word);   // optimised finds optimized and its words
    if (other) alts.push(lookUpWord(other, undefined, true).then((f) => [f, 1, f.tight]));
    // Tom finds Thomas L. Griffiths, 김 Hyunwoo Kim (the index's `given` + form: search_index.given_name_forms,
    // family_name_forms).
    if (meta.given && meta.given_names && Object.prototype.hasOwnProperty.call(meta.given_names, word)) alts.push(lookUp(meta.given + word, true).then(tight));
  }
  if (typed !== undefined && typed !== word && compound(typed)) {   // 추론경로 (not 추론경 + 로)
    alts.push(lookUpCompound(typed).then(tight));
    split(typed);
  }
  return Promise.all(alts).then((found) => {
    const scores = {}, tightly = {}, title = {};
    let partial = false;
    for (const [f, factor, close] of found) {
      partial = partial || f.partial;
      for (const d of Object.keys(f.scores)) {
        const s = f.scores[d] * factor, near = close === true || (close && close[d]);
        if (!(scores[d] >= s)) scores[d] = s;
        if (near) tightly[d] = true;
        if (near && (f.title ? f.title[d] : f.top[d] >= meta.title)) title[d] = true;
      }
    }
    // A compound found only in parts (추론길이: 추론 ... 길이) marks those parts, from its cuts of
    // fewest parts that found a note the whole word did not: its notes showed nothing marked.
    const apart = found.filter((f) => f[3] && Object.keys(f[0].scores).some((d) => !tightly[d]));
    const fewest = Math.min(...apart.map((f) => f[3].length));
    const parts = [...new Set(apart.filter((f) => f[3].length === fewest).flatMap((f) => f[3]))];
    return { scores, tight: tightly, title, partial, parts };
  });
}

/* An acronym the query typed in capitals (ToM, AIME, LLMs: words.typedAcronym) as a whole word,
 * with lookUpWord's answer: the terms that are it or its plural, or it followed by a version or a
 * Korean ending (AIME25, AIME 2024's aime2024, RLHF를), and so for its singular (LLMs: LLM); all
 * held closely. Not a longer word it starts (ToM: tomorrow), its Snowball stem (AIME: aim) nor a
 * given name's other form (tom: Thomas): ToM found "Thomas" and "to models", AIME "aim". */
export function acronymTerm(term, word) {
  const rest = term.slice(word.length);
  return term.startsWith(word) && (rest === "" || rest === "s" || !/^[a-z]/.test(rest));
}
function lookUpAcronym(word) {
  const names = [word], one = acronymSingular(word);
  if (one) names.push(one);
  // The notes that write it as an acronym (the index's `^` terms: FoR, ToM, MATH), when some do:
  // typed so, it is that name, not the everyday word (FoR, Flow of Reasoning, was lost among every
  // note writing "for": a search QA pass).
  const caps = meta.acronym ? Promise.all(names.map((w) => lookUp(meta.acronym + w, true))) : Promise.resolve([]);
  return Promise.all([Promise.all(names.map((w) => lookUp(w, false, (t) => acronymTerm(t, w), (t) => acronymTerm(t, w)))), caps])
    .then(([found, written]) => {
      let { scores, title, partial } = bestOf(found);
      const as = new Set(written.flatMap((f) => Object.keys(f.scores)));
      if ([...as].some((d) => scores[d] !== undefined)) {
        scores = Object.fromEntries(Object.entries(scores).filter(([d]) => as.has(d)));
        title = Object.fromEntries(Object.entries(title).filter(([d]) => as.has(d)));
      }
      return { scores, tight: scores, title, partial, itself: found.some((f) => f.itself), acronym: true };
    });
}

/* A word the query writes in angle brackets (<think>): the notes writing that token (the index's
 * `<think>` terms: search_index.angled_names) hold it closely, first, the others holding the word
 * only loosely (thinking, Think-RM's title: <think> ranked the note on the token 12th). When no
 * note writes the token, the word as any other. */
function angledWord(u) {
  return Promise.all([lookUp("<" + u.word + ">", true), lookUpWord(u.word, u.typed)]).then(([token, word]) => {
    if (!Object.keys(token.scores).length) return word;
    const scores = {}, tight = {}, title = {};
    for (const d of Object.keys(word.scores)) scores[d] = word.scores[d];
    for (const d of Object.keys(token.scores)) {
      scores[d] = Math.max(scores[d] || 0, token.scores[d]) + (word.scores[d] || 0);
      tight[d] = true;
      if (token.title[d]) title[d] = true;
    }
    return { scores, tight, title, partial: word.partial };
  });
}

/* A word's scores as a unit of the query (see rank): close when held closely, its phrase is itself,
 * written in the title as typed (`wrote`) when its title holds it. */
function wordUnit(f) {
  const close = {};
  for (const d of Object.keys(f.tight)) close[d] = 1;
  return { scores: f.scores, close, title: f.title, phrase: f.title, wrote: f.title, partial: f.partial, bridged: {}, acronym: f.acronym === true, begun: f.begun, parts: f.parts };
}

/* A glossary concept the query names (see queryUnits) as a unit: the documents naming it in any
 * form (its term @n) or holding every word the query wrote it with. Naming it counts as holding
 * those words closely and adjacent (2k-1 for k words, as k adjacent Korean words count); in the
 * title, as the title holding the query's phrase. `wrote` (a concept of two words or more): the
 * documents whose title writes the phrase as the query does, its words one after the other (the
 * index's title pairs; a Korean pair as one compound), which rank before those naming it otherwise: `large language models`
 * ranked the notes whose title says LLMs before those titled "... Large Language Models". `bridged`:
 * the documents found only through the glossary (another form: 보상 해킹 -> reward hacking). */
function lookUpConcept(unit) {
  const k = unit.words.length;
  const literal = Promise.all(unit.words.map((w) => lookUpWord(w[0], w[1], undefined, w[2])));
  // A name's other forms with a version (라마: LLaMA2), not every word they start (RL: RLHF).
  const versioned = (w) => (term) => term.length > w.length && /^\d/.test(term.slice(w.length));
  const others = Promise.all(k === 1 ? formWords(unit).map((w) => lookUp(w, false, undefined, versioned(w)).then((f) => [w, f])) : []);
  // Each two of its words in a row, as the index pairs a title's words (search_index.title_pairs;
  // Korean ones as written together or apart, lookUpCompound); null where the index holds no such pair.
  const inTitle = (f) => Object.keys(f.top).filter((d) => f.top[d] >= meta.title);
  const pairs = Promise.all(unit.words.slice(1).map((w, i) => {
    const a = unit.words[i][0], b = w[0];
    if (HANGUL_ONLY.test(a) && HANGUL_ONLY.test(b)) return lookUpCompound(a + b).then(inTitle);
    if (!meta.pair || HANGUL.test(a) || HANGUL.test(b)) return null;
    return lookUp(meta.pair + stem(a) + stem(b), false).then(inTitle);
  }));
  return Promise.all([lookUp(meta.concept + unit.concept, true), literal, others, pairs]).then(([named, words, forms, titled]) => {
    const r = { scores: {}, close: {}, title: {}, phrase: {}, bridged: {}, forms: [],
      partial: named.partial || words.some((f) => f.partial) };
    // The title writes the query's words in a row: every pair of them. (A concept of one word has
    // no phrase to write: its `phrase` stands, so reinforcment, which the stem finds, ranks as
    // reinforcement does.)
    if (k > 1) {
      r.wrote = {};
      if (titled.every((docs) => docs !== null)) {
        for (const d of titled.reduce((a, b) => a.filter((x) => b.includes(x)))) r.wrote[d] = true;
      }
    }
    for (const d of Object.keys(words[0].scores)) {
      let total = 0, close = 0, title = true, all = true;
      for (const w of words) {
        if (w.scores[d] === undefined) { all = false; break; }
        total += w.scores[d];
        if (w.tight[d]) close++;
        if (!w.title[d]) title = false;
      }
      if (!all) continue;
      r.scores[d] = total;
      r.close[d] = close;
      // A phrase's words apart in a title are not the phrase there (pre-training: GTR's title
      // holds Prevents and Training): the title holds a concept of two or more words when it
      // names it (below), as the index reads titles with the glossary too.
      if (title && k === 1) r.title[d] = true;
    }
    for (const d of Object.keys(named.scores)) {
      if (r.scores[d] === undefined) r.bridged[d] = true;
      if (!(r.scores[d] >= named.scores[d] * k)) r.scores[d] = named.scores[d] * k;
      r.close[d] = 2 * k - 1;
      if (named.top[d] >= meta.title) { r.title[d] = true; r.phrase[d] = true; }
    }
    // Its other one-word forms with a version, as the English form is found, a prefix (라마:
    // LLaMA2-13b, 큐웬: Qwen3): the concept's term holds a form written alone only.
    for (const [w, f] of forms) {
      if (Object.keys(f.scores).length) r.forms.push(w);
      for (const d of Object.keys(f.scores)) {
        if (r.scores[d] === undefined) r.bridged[d] = true;
        if (!(r.scores[d] >= f.scores[d])) r.scores[d] = f.scores[d];
        if (!(r.close[d] >= 1)) r.close[d] = 1;
        if (f.title[d]) r.title[d] = true;
      }
    }
    return r;
  });
}

/* The other forms of a concept the query names in one word (`unit`) that are one word themselves,
 * as a query would write them (LLaMA: llama, for 라마; 라마, for llama), other than the query's word:
 * a name's form also starts its versions (LLaMA2-13b, Qwen3), which the concept's own term (a
 * form written whole) leaves out, and which otherVersions tells apart. */
function formWords(unit) {
  const out = [], word = unit.words[0][0], concept = concepts.list[unit.concept] || [[], []];
  for (const form of concept[0].concat(concept[1])) {
    const t = tokenize(form);
    if (t.length === 1 && t[0] !== word && stem(t[0]) !== stem(word) && !out.includes(t[0])) out.push(t[0]);
  }
  return out;
}

/* Two words the query joined by a hyphen (queryUnits) as a unit: the documents holding both (as
 * two words would be found) or the two written as one word (Hyun-woo finds Hyunwoo Kim, as the
 * index finds Hyun-woo by hyunwoo: search_index.person_names, model_names). The one word counts as
 * the two held adjacent (3, as for a glossary concept of two words), so GPT-4 ranks the notes
 * writing GPT-4 above one holding GPT-5 and Opus 4. `unsaid`: per document, the query's words it
 * was found without (the parts, found by the one word; the one word, found by its parts). A title
 * holding the two one after the other (the index's title pair) holds the query's phrase, as for
 * two words (lookUpAdjacent). A part of a person's name typed with its hyphen (ji-rong: Ji-Rong Wen,
 * which the index holds as jirong in the people field, search_index.person_names) is that part:
 * a note holding the halves apart holds each whole (Ji Rong), not words they start (Jin,
 * Rongxiang: ji-rong wen found Secrets of RLHF through Jin, Rongxiang and Wenbin), and `person`
 * says the halves are marked only whole (Ji-Rong, not Jinhao, Jiang, Jie). */
/* The documents holding `word` itself, not the words it starts (C++'s c, V-Reason's V), as
 * lookUpWord gives them: every one held closely. */
function lookUpWhole(word) {
  return lookUp(word, true).then((f) => ({ scores: f.scores, tight: f.scores, title: f.title, partial: f.partial }));
}

function lookUpJoined(unit) {
  const [a, b] = unit.words.map((w) => w[0]);
  // A one-letter part (V-Reason, S-GRPO, B-STaR) is that letter alone, not every word it starts.
  const part = (w) => (w[0].length > 1 ? lookUpWord(w[0], w[1], undefined, w[2]) : lookUpWhole(w[0]));
  // A person's name part: the joined word in some note's people field (its weight, one more when a
  // note holds it three times or more; no other field weighs 4 or 5), and each half held whole.
  const person = unit.name || !meta.people ? Promise.resolve(null)
    : Promise.all([unit.joined, a, b].map((w) => lookUp(w, true))).then(([joined, ...halves]) =>
      (Object.values(joined.top).some((w) => w === meta.people || w === meta.people + 1) ? halves : null));
  const looks = [Promise.all(unit.words.map(part)), lookUpWord(unit.joined),
    meta.pair ? lookUp(meta.pair + stem(a) + stem(b), false) : Promise.resolve({ top: {} }), person];
  return Promise.all(looks).then(([parts, whole, paired, halves]) => {
    // held: some note writes the two as one word or one after the other in its title (namePart);
    // alone: how many notes hold each part.
    const r = { scores: {}, close: {}, title: {}, phrase: {}, bridged: {}, unsaid: {}, person: halves !== null,
      partial: whole.partial || parts.some((f) => f.partial), alone: parts.map((f) => Object.keys(f.scores).length) };
    for (const d of Object.keys(parts[0].scores)) {
      if (parts[1].scores[d] === undefined) continue;
      if (halves && halves.some((f) => f.scores[d] === undefined)) continue;   // Jin, Rongxiang: not Ji-Rong
      r.scores[d] = parts[0].scores[d] + parts[1].scores[d];
      r.close[d] = (parts[0].tight[d] ? 1 : 0) + (parts[1].tight[d] ? 1 : 0);
      if (parts[0].title[d] && parts[1].title[d]) r.title[d] = true;
      if (r.title[d] && paired.top[d] >= meta.title) r.phrase[d] = true;   // the title's pair: Slow-thinking
      r.unsaid[d] = [unit.joined];
    }
    for (const d of Object.keys(whole.scores)) {
      if (r.scores[d] === undefined) r.unsaid[d] = unit.words.map((w) => w[0]);
      else delete r.unsaid[d];
      // Written as one (Adv-RM), the name counts first; its parts only break ties: Think-RM's title
      // word RM put a note that merely cites Adv-RM above the one about it.
      r.scores[d] = whole.scores[d] * 2 + (r.scores[d] || 0) * 0.25;
      if (whole.tight[d]) r.close[d] = 3;
      if (whole.title[d]) { r.title[d] = true; r.phrase[d] = true; }
    }
    r.held = Object.keys(whole.scores).length > 0 || Object.keys(r.phrase).length > 0;
    return r;
  });
}

/* For each two adjacent word units: {close: {doc: true}, title: {doc: true}}, or null when the
 * index cannot tell. Two Korean words (min_part+ syllables): the documents holding them as one
 * compound, written together or one after the other (close), in the title (title); so are a
 * glossary concept's last or first Korean word and its neighbour (다단계 + 강화학습). Two other
 * words: the documents whose title holds them one after the other (the index's title pairs,
 * _<stem><stem>; the second word as a prefix, as it may still be being typed), and those holding
 * them written as one word, closely (gpt 4: gpt4, as model_names indexes GPT-4). */
function lookUpAdjacent(units) {
  const min = meta.min_part || 2, pairs = [];
  function titled(f) {
    const title = {};
    for (const d of Object.keys(f.top)) if (f.top[d] >= meta.title) title[d] = true;
    return title;
  }
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i], v = units[i + 1], concept = u.word === undefined || v.word === undefined;
    // A glossary concept meets its neighbour by its words, as Korean words do (다단계 강화학습).
    const last = u.word !== undefined ? [u.word, u.typed] : u.words[u.words.length - 1];
    const first = v.word !== undefined ? [v.word] : v.words[0];
    if (!last || !first) { pairs.push(null); continue; }
    const a = last[1] || last[0], b = first[0];   // as the index pairs them: 추론 경로를 -> 추론경로
    if (v.typing && HANGUL_ONLY.test(a) && a.length >= min) {
      // The last word still being typed (보상 몯, 보상 ㅁ: typedOn) beside its neighbour: 보상 모델 held closely.
      pairs.push(lookUpTyping(a + b).then((f) => {
        const docs = {};
        for (const d of Object.keys(f.scores)) docs[d] = true;
        return { close: docs, title: f.title };
      }));
    } else if (HANGUL_ONLY.test(a) && HANGUL_ONLY.test(b)) {
      if (a.length < min || b.length < min) { pairs.push(null); continue; }
      pairs.push(lookUpCompound(a + b).then((f) => {
        const docs = {};
        for (const d of Object.keys(f.scores)) docs[d] = true;
        return { close: docs, title: titled(f) };
      }));
    } else if (!concept && !HANGUL_ONLY.test(a) && !HANGUL_ONLY.test(b) && meta.pair) {
      // Held closely: a note writing the two as one word, as the index holds a name and its
      // number (gpt 4: GPT-4 is gpt4, not GPT-5 and Opus 4).
      pairs.push(Promise.all([lookUp(meta.pair + stem(u.word) + stem(b), false), lookUp(u.word + b, false)])
        .then(([f, one]) => {
          const close = {};
          for (const d of Object.keys(one.scores)) close[d] = true;
          return { close, title: titled(f) };
        }));
    } else {
      pairs.push(null);
    }
  }
  return Promise.all(pairs);
}

function byRank(a, b) { return (b[3] || 0) - (a[3] || 0) || b[2] - a[2] || b[1] - a[1] || a[0] - b[0]; }

/* [[doc, score, closeness, tier], ...] of the documents holding every unit of the query. Tier 3:
 * the title writes the query as a phrase as typed (a glossary concept in the words the query
 * wrote it with: `wrote`); 2: the title holds the query as a phrase (each unit in the title, a
 * concept in any of its forms, adjacent words one after the other); 1: the title holds every
 * unit; 0: the rest. Within a tier, closest first (the words
 * held closely plus the adjacent Korean words held as one compound), then best score, then
 * newest: notes holding a word only by its stem elsewhere come last. */
function rankHits(found, adjacent) {
  const hits = [];
  if (!found.length) return hits;
  const smallest = found.reduce((a, b) => (Object.keys(a.scores).length <= Object.keys(b.scores).length ? a : b));
  for (const key of Object.keys(smallest.scores)) {
    let total = 0, close = 0, title = true, phrase = true, wrote = true, all = true;
    for (const f of found) {
      const s = f.scores[key];
      if (s === undefined) { all = false; break; }
      total += s;
      close += f.close[key] || 0;
      if (!f.title[key]) title = false;
      if (!f.phrase[key]) phrase = false;
      if (!(f.wrote || f.phrase)[key]) wrote = false;
    }
    if (!all) continue;
    for (const a of adjacent) {
      if (!a) continue;
      if (a.close[key]) close++;
      if (!a.title[key]) phrase = false;
    }
    hits.push([Number(key), total, close, title ? (phrase ? (wrote ? 3 : 2) : 1) : 0]);
  }
  hits.sort(byRank);
  return hits;
}

/* Words one letter away from `word`: one deleted, swapped with the next, replaced or inserted,
 * each with the position of the first letter it changes. */
function edits(word) {
  const out = [], n = word.length, abc = "abcdefghijklmnopqrstuvwxyz";
  for (let i = 0; i < n; i++) out.push([word.slice(0, i) + word.slice(i + 1), i]);
  for (let i = 0; i + 1 < n; i++) if (word[i] !== word[i + 1]) out.push([word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), i]);
  for (let i = 0; i <= n; i++) {
    for (const c of abc) {
      if (i < n && c !== word[i]) out.push([word.slice(0, i) + c + word.slice(i + 1), i]);
      out.push([word.slice(0, i) + c + word.slice(i), i]);
    }
  }
  return out;
}

function reverse(s) { return s.split("").reverse().join(""); }

/* The likeliest correction of `word` (corrections; correctHangul for a Korean word), or null. */
function correct(word) {
  if (HANGUL_ONLY.test(word)) return correctHangul(word);
  return corrections(word).then((words) => (words.length ? words[0] : null));
}

/* The indexed words one letter away from `word` (spell_min+1 English letters) that find notes,
 * likeliest first. A change in the second half is checked against the terms (the candidates share
 * the first half, so one or two files); one in the first half against the spelling entries (each
 * word backwards after meta.spell), where the candidates share the last half. */
function corrections(word) {
  const min = meta.words.spell_min;
  if (!/^[a-z]+$/.test(word) || word.length <= min || !meta.spell) return Promise.resolve([]);
  const half = Math.floor(word.length / 2), forward = new Set(), backward = new Set();
  for (const [w, at] of edits(word)) {
    if (w.length < min) continue;
    // Not a letter added or left out before the first: a typo keeps the word's start, and another
    // real word no note holds was "corrected" to one that has one more (merging to emerging,
    // actor to factor: a search QA pass) and answered with notes about something else.
    if (at === 0 && w.length !== word.length) continue;
    if (at >= half) forward.add(w); else backward.add(reverse(w));
  }
  const head = span(meta.chunks, word.slice(0, half), true);
  const tail = span(meta.chunks, meta.spell + reverse(word).slice(0, word.length - half - 1), true);
  const known = new Set(), checks = [];
  if (head) checks.push(loadSpan(meta.chunks, meta.terms, head).then((parts) => {
    for (const part of parts) for (const w of forward) if (part[w]) known.add(w);
  }));
  if (tail) checks.push(loadSpan(meta.chunks, meta.terms, tail).then((parts) => {
    for (const part of parts) for (const r of backward) if (part[meta.spell + r]) known.add(reverse(r));
  }));
  return Promise.all(checks).then(() => {
    const words = Array.from(known).sort();
    if (!words.length) return [];
    // The likeliest typo first: two letters swapped (`modle` -> `model`, not the commoner
    // `mode`, which a prefix search also finds in every note with `model`), then a word not
    // shorter (a letter left out or mistyped: `hiden` -> `hidden` or `hides`, not `hide`), then the
    // word in the most notes (`hidden`: a letter left out is as likely as one mistyped).
    const letters = (w) => w.split("").sort().join("");
    const rank = (w, n) => [letters(w) === letters(word) ? 1 : 0, w.length >= word.length ? 1 : 0, n];
    const better = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    return Promise.all(words.map((w) => lookUpWord(w))).then((found) => {
      const ranked = [];
      found.forEach((f, i) => { const n = Object.keys(f.scores).length; if (n) ranked.push([words[i], rank(words[i], n)]); });
      return ranked.sort((a, b) => better(b[1], a[1])).map((r) => r[0]);   // stable: ties keep the words' order
    });
  });
}

/* Initial consonants (by their index in a syllable) beside each other on the standard two-set
 * (두벌식) keyboard, or one Shift away (ㄱ/ㄲ): a slip on the first syllable's initial consonant
 * looks in those runs of the terms files only, not in all 19. */
const LEAD_KEYS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const BESIDE = {
  ㄱ: "ㄲㄷㅅㅇㄹ", ㄲ: "ㄱ", ㄴ: "ㅁㅇㅈㄷㅋㅌ", ㄷ: "ㄸㅈㄱㄴㅇ", ㄸ: "ㄷ", ㄹ: "ㅇㅎㄱㅅㅊㅍ", ㅁ: "ㅂㅈㄴㅋ",
  ㅂ: "ㅃㅈㅁ", ㅃ: "ㅂ", ㅅ: "ㅆㄱㄹㅎ", ㅆ: "ㅅ", ㅇ: "ㄴㄹㄷㄱㅌㅊ", ㅈ: "ㅉㅂㄷㅁㄴ", ㅉ: "ㅈ", ㅊ: "ㅌㅍㅇㄹ",
  ㅋ: "ㅁㄴㅌ", ㅌ: "ㅋㅊㄴㅇ", ㅍ: "ㅊㄹㅎ", ㅎ: "ㄹㅅㅍ",
};

/* Vowels (VOWELS: in a syllable's order) one key away on the two-set keyboard, or one Shift away
 * (ㅐ/ㅒ, ㅔ/ㅖ): ㅛㅕㅑㅐㅔ above ㅗㅓㅏㅣ above ㅠㅜㅡ. A two-syllable word's slip (모댈, 보샹, 정럴) is
 * looked for among these only. */
const VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const VOWEL_BESIDE = {
  ㅛ: "ㅕㅗ", ㅕ: "ㅛㅑㅗㅓ", ㅑ: "ㅕㅐㅓㅏ", ㅐ: "ㅑㅔㅏㅣㅒ", ㅔ: "ㅐㅣㅖ", ㅒ: "ㅐ", ㅖ: "ㅔ",
  ㅗ: "ㅓㅛㅕㅠㅜ", ㅓ: "ㅗㅏㅕㅑㅜㅡ", ㅏ: "ㅓㅣㅑㅐㅡ", ㅣ: "ㅏㅐㅔ", ㅠ: "ㅜㅗ", ㅜ: "ㅠㅡㅗㅓ", ㅡ: "ㅜㅓㅏ",
};

/* `word` (Hangul) without the final consonant ㄴ, ㄹ or ㅁ of its last syllable, the endings that
 * make a verb's stem a form of it (학습시킬, 학습시킨, 학습시킴: 학습시키), or null. */
export function verbStem(word) {
  const code = word.charCodeAt(word.length - 1) - 0xac00, tail = code % 28;
  if (word.length < 2 || code < 0 || code > 11171 || (tail !== 4 && tail !== 8 && tail !== 16)) return null;
  return word.slice(0, -1) + String.fromCharCode(0xac00 + code - tail);
}

/* A Korean word of three syllables or more one key away from an indexed word: one jamo of one
 * syllable changed, added or dropped (강화핛습, 강화학즙, 보상모댈, 겅화학습, 당화학습: a phone's
 * keyboard; in the first syllable an initial consonant only for a key beside it), or two
 * syllables after the first swapped. The candidates share their first syllables, or the first
 * one's initial consonant (a run of the terms files: Hangul is sorted by it), so their terms are
 * a few files. The one in the most notes, or null. Only a word no note holds is corrected. A word
 * of two syllables narrowly: most are a key away from a word the notes write, or from an inner part
 * of one (영어, English, which no bundled note writes, was corrected to 연어, salmon, the end of 자연어;
 * 용어 to 용이라). So only one syllable's vowel or final consonant, or the first one's initial
 * consonant, to a key beside it (모댈, 보샹, 정럴, 학슴, 추롬; 뵤상, 헉습, 핟습, 노델: the first syllable's
 * only to one of meta.common, which the index lists), and only to a word of its own (written with a particle or a noun's ending
 * somewhere: `worded`) or a glossary term, in a tenth of the notes or more; and its verb stem below
 * (다룰: 다루).
 * A correction is a word the notes write (alone, with a particle or ending, or as two words): a
 * candidate that only starts their words (학습시키, of 학습시키는) is offered as the word of it
 * the most notes write. But the word's own verb stem (verbStem: 학습시킬 is 학습시키 + ㄹ, 다룰 다루 + ㄹ)
 * that notes write as a verb (학습시키는, 다루는: VERB_FORM; 강환 is a typo of 강화, a noun) is what the
 * reader typed, in another form: it is returned as {word, stem: true}, and correctAll searches it
 * without offering it. */
const VERB_FORM = /^(?:는|고|기|면|며|면서|면서도|지|게|도록|려고|려는)$/;
function correctHangul(word) {
  if (word.length < 2) return Promise.resolve(null);
  const short = word.length < 3, stemmed = verbStem(word);   // stemmed: its last syllable's final consonant dropped
  const byStart = new Map();                       // the prefix the candidates' terms start with -> candidates
  const add = (w, key) => { (byStart.get(key) || byStart.set(key, new Set()).get(key)).add(w); };
  if (short && stemmed) add(stemmed, word.slice(0, 1));
  const slips = new Set(), firsts = new Set();
  if (short) {
    // Two syllables: one syllable's vowel or final consonant one key off (모댈, 학슴, 추롬; 뵤상, 헉습,
    // 핟습), or the first one's initial consonant (노델), no other slip.
    // The first syllable's only to one of meta.common (the frequent words of their own, from the
    // index: no terms files for the syllables a key away).
    const common = new Set(meta.common || []);
    for (const i of [0, 1]) {
      const code = word.charCodeAt(i) - 0xac00, lead = Math.floor(code / 588), vowel = Math.floor((code % 588) / 28), tail = code % 28;
      const slip = (l, v, t) => {
        const w = word.slice(0, i) + String.fromCharCode(0xac00 + l * 588 + v * 28 + t) + word.slice(i + 1);
        if (i) { slips.add(w); add(w, w[0]); } else if (common.has(w)) firsts.add(w);
      };
      for (const v of VOWEL_BESIDE[VOWELS[vowel]] || "") slip(lead, VOWELS.indexOf(v), tail);
      for (const c of (tail && BESIDE[FINALS[tail]]) || "") {
        // Not ㄴ for ㅇ or back: the commonest finals, and beside each other, so most such words are
        // other words (영어: 연어, 생선, fish: 생성, generation).
        const t = FINALS.indexOf(c);
        if ((FINALS[tail] === "ㄴ" && c === "ㅇ") || (FINALS[tail] === "ㅇ" && c === "ㄴ")) continue;
        if (t > 0) slip(lead, vowel, t);
      }
      if (!i) for (const c of BESIDE[LEAD_KEYS[lead]]) slip(LEAD_KEYS.indexOf(c), vowel, tail);
    }
  }
  for (let i = 0; i < (short ? 0 : word.length); i++) {
    const code = word.charCodeAt(i) - 0xac00, lead = Math.floor(code / 588), vowel = Math.floor((code % 588) / 28), tail = code % 28;
    const swap = (l, v, t) => word.slice(0, i) + String.fromCharCode(0xac00 + l * 588 + v * 28 + t) + word.slice(i + 1);
    const key = (w) => (i ? word.slice(0, i) : w[0]);
    if (i) {
      for (let l = 0; l < 19; l++) if (l !== lead) add(swap(l, vowel, tail), key());
    } else {
      for (const c of BESIDE[LEAD_KEYS[lead]]) { const w = swap(LEAD_KEYS.indexOf(c), vowel, tail); add(w, w[0]); }
    }
    for (let v = 0; v < 21; v++) if (v !== vowel) { const w = swap(lead, v, tail); add(w, key(w)); }
    for (let t = 0; t < 28; t++) if (t !== tail) { const w = swap(lead, vowel, t); add(w, key(w)); }
    if (i && i + 1 < word.length && word[i] !== word[i + 1]) add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), key());
  }
  // A candidate is known when a term starts with it, written together (보상모델을) or as two words
  // (the index's pair terms: 보상 모델 -> _보상모델), as lookUpCompound finds words.
  // worded: written with a particle or ending (모델을), so a word of its own, never only the inside of
  // a compound (연어, of 자연어: the index's inner sub-words have none).
  const known = new Set(), written = new Set(), worded = new Set(), verbal = new Set(), longest = new Map(), checks = [];   // longest: w -> [the word most notes write, notes]
  for (const [start, candidates] of byStart) {
    for (const mark of meta.pair ? ["", meta.pair] : [""]) {
      const s = span(meta.chunks, mark + start, true);
      if (s) checks.push(loadSpan(meta.chunks, meta.terms, s).then((parts) => {
        for (const part of parts) {
          for (const term of Object.keys(part)) {
            if (!term.startsWith(mark + start)) continue;
            const bare = term.slice(mark.length), plain = HANGUL_ONLY.test(bare) ? withoutEnding(bare) : bare;
            for (const w of candidates) {
              if (!term.startsWith(mark + w)) continue;
              known.add(w);
              if (plain === w) written.add(w);
              if (!mark && plain === w && bare !== w && !VERB_FORM.test(bare.slice(w.length))) worded.add(w);
              if (!mark && VERB_FORM.test(term.slice(w.length))) verbal.add(w);
              const n = part[term].length, had = longest.get(w), shown = plain.startsWith(w) ? plain : bare;
              if (HANGUL_ONLY.test(shown) && (!had || n > had[1])) longest.set(w, [shown, n]);
            }
          }
        }
      }));
    }
  }
  return Promise.all(checks).then(() => {
    if (stemmed && verbal.has(stemmed)) return { word: stemmed, stem: true };
    // Two syllables: only a slip above (용어 was 용이라: ㅣ is no key beside ㅓ), to a word of its own in
    // some notes or a glossary term (보상, 정렬), never only the inside of a compound (영어 was 연어, of 자연어).
    const term = (w) => { const us = queryUnits(w); return us.length === 1 && us[0].concept !== undefined; };
    for (const w of firsts) { known.add(w); written.add(w); }
    const words = Array.from(known).filter((w) => !short || firsts.has(w) || (slips.has(w) && (worded.has(w) || term(w)))).sort();
    return Promise.all(words.map(lookUpCompound)).then((found) => {
      let best = null, most = 0, whole = false;
      found.forEach((f, i) => {
        const n = Object.keys(f.scores).length, w = written.has(words[i]);
        // Two syllables: a frequent word only, in a tenth of the notes or more (학습, 모델; not 시작,
        // start, in one note, for 시장, market).
        if (short && (n < 2 || n * 10 < meta.docs)) return;
        if (n && ((w && !whole) || (w === whole && n > most))) { best = words[i]; most = n; whole = w; }
      });
      return best === null || whole ? best : (longest.get(best) || [best])[0];
    });
  });
}

/* The tags a query names: `#slug` (or an alias) words, else the tag whose Korean or English
 * label, slug or alias is the whole query (compared without spaces, case or accents; a particle
 * or ending after it allowed: 강화학습을). */
function tagKey(text) { return tokenize(String(text).replace(/-/g, " ")).join(""); }

function findTags(query) {
  const byKey = new Map(), bySlug = new Map(), prefix = meta.words.tag_prefix;
  for (const t of meta.tags || []) {
    bySlug.set(t[0], t);
    for (const a of t[3]) bySlug.set(a, t);
    for (const label of [t[0], t[1], t[2]].concat(t[3])) if (!byKey.has(tagKey(label))) byKey.set(tagKey(label), t);
  }
  const named = [];
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const word = "[^\\s" + escaped + "]+";
  const rest = query.replace(new RegExp(escaped + "(" + word + ")((?:\\s+" + word + "){0,3})", "g"), (all, written, after) => {
    // Punctuation after a slug is not part of it: `#rl, #rlhf` lists two tags.
    // `#강화학습` names the tag by its Korean label as `#rl` does by its slug, and so does a label
    // of several words (`#보상 모델`, `#reward model`): the most words after the sign that name one.
    const words = [written].concat(after.split(/\s+/).filter(Boolean));
    for (let k = words.length; k >= 1; k--) {
      const label = words.slice(0, k).join(" "), slug = label.toLowerCase(), bare = slug.replace(/[^\p{L}\p{N}]+$/u, "");
      const t = (k === 1 && (bySlug.get(slug) || bySlug.get(bare))) || byKey.get(tagKey(label)) || byKey.get(tagKey(bare));
      if (!t) continue;
      if (!named.includes(t)) named.push(t);
      return " " + words.slice(k).join(" ") + " ";
    }
    return all;
  });
  // `#rl 태그`: the word beside the tag names it too, it is no word to look for within the tag.
  if (named.length) return { tags: named, rest: rest.split(/\s+/).filter((w) => !TAG_WORDS.has(w.replace(/[:：]$/, "").toLowerCase())).join(" "), hash: true };
  // The whole query (its tagKey), else with what Korean wrote after its last word (강화학습을, RLHF를).
  // Or its last word in the plural (hallucinations, reward models: a search QA pass found their
  // notes with no line saying which tag they hold, as 환각 and hallucination say). Only the plural:
  // a stem would make reason name the tag Reasoning.
  const singular = (w) => [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3) + "y"].filter((s) => /s$/.test(w) && s.length >= 3);
  const label = (words) => byKey.get(words.join("")) ||
    (words.length && byKey.get(words.slice(0, -1).concat(withoutGrammar(words[words.length - 1])).join(""))) ||
    (words.length && singular(withoutGrammar(words[words.length - 1])).map((w) => byKey.get(words.slice(0, -1).concat(w).join(""))).find(Boolean));
  const words = tokenize(String(query).replace(/-/g, " "));
  // Generic words beside the label (RLHF 논문, papers about reward models) name no other tag.
  const subject = (ws) => { const s = ws.filter((w) => !genericToken(w)); return s.length && s.length < ws.length ? label(s) : undefined; };
  const whole = label(words) || subject(words);
  if (whole) return { tags: [whole], rest: query, hash: false };
  // A label with the word "tag" before or after it (강화학습 태그, tag reward model, 태그: 안전성):
  // that tag, and the label's words as text (태그 itself is in few notes: it found nothing).
  const tagWord = (w) => TAG_WORDS.has(w) || TAG_WORDS.has(withoutEnding(w));
  if (words.length > 1 && (tagWord(words[0]) || tagWord(words[words.length - 1]))) {
    const bare = tagWord(words[0]) ? words.slice(1) : words.slice(0, -1), found = label(bare) || subject(bare);
    if (found) return { tags: [found], rest: bare.join(" "), hash: false };
  }
  return { tags: [], rest: query, hash: false };
}
const TAG_WORDS = new Set(["태그", "tag", "tags"]);

const HYPHEN = /^[-\u2010\u2011]$/;   // as search_index._NAME_PARTS and _PERSON_PARTS join a name's parts

/* Whether one side of a hyphen, as written (`part`, undefined when its case is unknown) and as a
 * term (`word`), is a name's, as search_index._name_like reads it: a digit (R1-Zero, GPT-4), two
 * capitals (Think-RM) or a capital alone (S-GRPO). The index holds such a name as one word too. */
function nameLike(part, word) {
  return /\d/.test(word) || (part !== undefined && ((part.match(/\p{Lu}/gu) || []).length >= 2 || /^\p{Lu}$/u.test(part)));
}

/* The units of a query: each glossary concept it names ({concept: n, key: the phrase key it was
 * named by, words: [[word, as typed], ...]}; the leftmost, longest run first), each two words of
 * other scripts than Hangul joined by a hyphen ({joined: the two as one word, words: [[word, as
 * typed], ...]}: Hyun-woo, GPT-4), and each other word ({word, typed}), as words.queryWord gives
 * them, without repeats; an arXiv link or `arXiv:` id as its bare id (words.bareArxivIds). */
const WHOLE_AFTER = /^(?:\+\+|[+#])/;   // a word a sign ends as a name's part (C++, C#): no prefix of longer words

/* `q` (tokenizeJoined) with each Hangul word that digits end (라마2, 큐웬3의) as the word, then the
 * number (then the particle, which queryWord drops): the version of a name written in Hangul, as
 * `llama 2` is typed (otherVersions). 라마2 was one word no note holds. And with each Latin word
 * that a Korean noun follows without a space (LLM에이전트, RLHF보상, CoT길이를) as the two words: it
 * was read as the Latin word and a particle-like ending (RLHF를, distill된), so the noun was dropped
 * and LLM에이전트 listed every note on LLMs (a search QA pass). */
const HANGUL_VERSION = /^([\uac00-\ud7a3]+)(\d+)([\uac00-\ud7a3]*)$/;
const LATIN_THEN_HANGUL = /^([a-z0-9]*[a-z][a-z0-9]*)([\uac00-\ud7a3]+)$/;
/* Korean written onto a Latin word that is grammar, not a noun of its own: the copula's forms
 * (RLHF이다, LLM이나), and a light verb's short forms (robust해도, fine-tune하다, 학습시켜). */
const COPULA = new Set(["이다", "이고", "이며", "이면", "이나", "이라", "이라서", "이라고", "이라면", "이라도", "이므로", "이어서",
  "이었다", "이었고", "이지", "이자", "이든", "이든지", "이란", "인데", "인지", "임을", "입니다", "였다", "였고", "이에요", "예요", "이야"]);
const LIGHT_VERB = /^(?:하|해|했|되|돼|됐|시키|시켜|시켰)/;

/* Whether `tail` (the Hangul after a Latin word) is a noun of its own, min_part syllables or more
 * (LLM용 stays one word), not grammar: particles, endings and the plural one after another
 * (RL만으로도, PRM들은, RLHF에서는), the copula, a light verb, a verb form (overthinking한다는). */
function nounAfterLatin(tail) {
  if (tail.length < tables.minPart || COPULA.has(tail) || (LIGHT_VERB.test(tail) && tail.length <= 3)) return false;
  return !tables.verbForms.some((f) => tail.endsWith(f)) && !grammarOnly(tail);
}
/* `word` without the Korean grammar written after it (withoutEnding), but a Latin word and a noun
 * (CoT길이) kept whole: CoT길이 named the tag CoT, as CoT를 does. */
function withoutGrammar(word) {
  const latin = LATIN_THEN_HANGUL.exec(word);
  return latin && nounAfterLatin(latin[2]) ? word : withoutEnding(word);
}
/* Whether `text` is only particles, endings and the plural, one after another (each place tried once). */
function grammarOnly(text) {
  const parts = [...tables.particles, ...tables.endings, tables.plural].filter(Boolean), failed = new Set();
  const from = (at) => {
    if (at === text.length) return true;
    if (failed.has(at)) return false;
    if (parts.some((part) => text.startsWith(part, at) && from(at + part.length))) return true;
    failed.add(at);
    return false;
  };
  return from(0);
}

function hangulVersions(q) {
  const out = { tokens: [], joined: [], at: [] };
  q.tokens.forEach((token, i) => {
    const latin = LATIN_THEN_HANGUL.exec(token);
    if (latin && nounAfterLatin(latin[2])) {
      const at = q.at[i][0], cut = at + latin[1].length;
      out.tokens.push(latin[1], latin[2]); out.joined.push(true, q.joined[i]); out.at.push([at, cut], [cut, q.at[i][1]]);
      return;
    }
    const m = HANGUL_VERSION.exec(token);
    if (!m || (m[3] && !tables.particles.includes(m[3]) && !tables.endings.includes(m[3]))) {
      out.tokens.push(token); out.joined.push(q.joined[i]); out.at.push(q.at[i]);
      return;
    }
    let at = q.at[i][0];
    for (const part of m.slice(1).filter(Boolean)) {
      out.tokens.push(part); out.joined.push(true); out.at.push([at, at + part.length]);
      at += part.length;
    }
    out.joined[out.joined.length - 1] = q.joined[i];
  });
  return out;
}

/* A Korean word typed without the space between two glossary terms (추론효율, 안전벤치마크: a QA pass
 * found 8 and 2 notes where 추론 효율 and 안전 벤치마크 found 16 and 3, those the terms' other language
 * finds), read as the two terms, as if spaced; not a word that is a term itself (보상모델). The
 * second part may carry its particle (추론효율을). */
function termParts(q) {
  if (!concepts) return q;
  const out = { tokens: [], joined: [], at: [] };
  const term = (w) => conceptRuns(concepts, { tokens: [w], joined: [false] }, false).length > 0;
  q.tokens.forEach((token, i) => {
    let cut = 0;
    if (HANGUL_ONLY.test(token) && token.length >= 4 && !term(token)) {
      for (let k = 2; k <= token.length - 2 && !cut; k++) if (term(token.slice(0, k)) && term(token.slice(k))) cut = k;
    }
    if (!cut) { out.tokens.push(token); out.joined.push(q.joined[i]); out.at.push(q.at[i]); return; }
    const at = q.at[i][0];
    out.tokens.push(token.slice(0, cut), token.slice(cut)); out.joined.push(true, q.joined[i]);
    out.at.push([at, at + cut], [at + cut, q.at[i][1]]);
  });
  return out;
}

function queryUnits(text) {
  const source = bareArxivIds(text), q = termParts(hangulVersions(tokenizeJoined(source))), starts = new Map(), units = [], seen = new Set();
  const cased = String(source).normalize("NFC"), lower = cased.toLowerCase();   // what q.at counts in
  // The words of tokens first..last as the reader wrote them, case kept (GPT-4o, not gpt-4o), for the box to name.
  const writtenAt = (first, last) => (cased.length === lower.length ? cased.slice(q.at[first][0], q.at[last][1]) : undefined);
  // [word, as typed, whether typed as an acronym] of the j-th token (queryWord; typedAcronym: ToM, AIME, RLHF를).
  const queryWordAt = (j) => {
    const w = queryWord(q.tokens, j);
    return w && [w[0], w[1], cased.length === lower.length && typedAcronym(cased.slice(q.at[j][0], q.at[j][1]), w[0])];
  };
  // <think>, </think> (or <think being typed): a special token a model writes (angledWord), not the
  // concept its word names (thinking: every note on thinking came first).
  const angledAt = (i) => {
    const from = q.at[i][0], to = q.at[i][1];
    return /^[a-z][a-z0-9]*$/.test(q.tokens[i]) && (lower[from - 1] === "<" || lower.slice(from - 2, from) === "</") &&
      (lower[to] === ">" || to === lower.length);
  };
  for (const run of conceptRuns(concepts, q, false)) if (!(run[0] === run[1] && angledAt(run[0]))) starts.set(run[0], run);
  let i = 0, named = -2;   // named: the last token of the last two joined by a hyphen
  while (i < q.tokens.length) {
    const run = starts.get(i);
    // The same concept named again (강화학습 ... reinforcement learning, 보상 ... reward) is no new
    // unit: read as its words, it asked for those words literally and lost the notes of the other language.
    if (run && seen.has("@" + run[2])) { i = run[1] + 1; continue; }
    // A name the glossary knows, a hyphen and a version (GPT-4o, LLaMA-3) is one name, as the index
    // holds it (search_index.model_names: gpt4o): GPT and 4o apart were marked apart in a result.
    const hyphened = i + 1 < q.tokens.length && HYPHEN.test(lower.slice(q.at[i][1], q.at[i + 1][0])) &&
      !HANGUL.test(q.tokens[i]) && !HANGUL.test(q.tokens[i + 1]);
    // So are two one-word glossary terms joined by a hyphen (Think-RM: thinking and reward model),
    // which read as two terms found every note holding both, and marked them apart.
    const next = starts.get(i + 1);
    const version = run && run[1] === i && hyphened &&
      (/\d/.test(q.tokens[i + 1]) ? !next : next !== undefined && next[1] === i + 1);
    if (run && !version) {
      seen.add("@" + run[2]);
      const words = [], mine = new Set();
      for (let j = run[0]; j <= run[1]; j++) {
        const w = queryWordAt(j);
        if (w && !mine.has(w[0])) { mine.add(w[0]); words.push(w); }
      }
      units.push({ concept: run[2], key: run[3], words, written: writtenAt(run[0], run[1]) });
      i = run[1] + 1;
      continue;
    }
    // A hyphen joins two words into a name (Adv-RM) even when the second alone is a glossary term (RM).
    if ((!run || version) && (!next || next[1] === i + 1) && hyphened) {
      const a = queryWordAt(i), b = queryWordAt(i + 1), joined = q.tokens[i] + q.tokens[i + 1];
      if (a && b && a[0] !== b[0] && !seen.has("-" + joined)) {
        seen.add("-" + joined);
        const parts = [writtenAt(i, i), writtenAt(i + 1, i + 1)];
        // A name of these two parts only, not two parts of a longer one (Qwen2.5-Math: 5 and Math).
        const attached = (k) => k >= 0 && k + 1 < q.tokens.length && !/\s/.test(lower.slice(q.at[k][1], q.at[k + 1][0]));
        units.push({ joined, words: [a, b], written: writtenAt(i, i + 1), parts,
          name: parts.some((p, k) => nameLike(p, q.tokens[i + k])) && !attached(i - 1) && !attached(i + 1) });
        named = i + 1;
        i += 2;
        continue;
      }
    }
    const w = queryWordAt(i);
    // C++, C#, F#: the signs say the word is whole; as a prefix, c found every note. A letter and
    // its sign are one name, looked up as the index holds it (search_index.signed_names: c++).
    const sign = WHOLE_AFTER.exec(lower.slice(q.at[i][1]));
    if (w && sign && /^[a-z]$/.test(w[0])) {
      const name = w[0] + sign[0], typed = source.length === lower.length ? source.slice(q.at[i][0], q.at[i][1]) + sign[0] : name;
      if (!seen.has(name)) { seen.add(name); units.push({ word: name, typed, whole: true, written: typed }); }
    } else if (w && !seen.has(w[0])) {
      seen.add(w[0]);
      units.push({ word: w[0], typed: w[1], whole: Boolean(sign), acronym: w[2], written: writtenAt(i, i), angled: angledAt(i) });
      // A third part of a name (DeepSeek-R1-Zero: DeepSeek-R1, then Zero): with the part before it,
      // as the index would hold the two as one word (r1zero), for namePart.
      if (named === i - 1 && HYPHEN.test(lower.slice(q.at[i - 1][1], q.at[i][0])) && !HANGUL.test(q.tokens[i])) {
        units[units.length - 1].chain = q.tokens[i - 1] + q.tokens[i];
      }
    }
    i = run ? run[1] + 1 : i + 1;
  }
  return units;
}

/* Nothing found for `units`: the first of them with two adjacent words (not Korean: those are
 * compounds already) written as one (lookUpJoined: either way) that finds something, as
 * {text (textHits), units}, else null. os world finds OSWorld, hyun woo kim Hyunwoo Kim, as
 * Hyun-woo Kim does (queryUnits); tried only when nothing was found, so the words typed apart
 * rank as before everywhere else. */
function joinedApart(units, textHits) {
  const tries = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i], v = units[i + 1];
    if (u.word === undefined || v.word === undefined || HANGUL.test(u.word) || HANGUL.test(v.word) || strayLetter(u) || strayLetter(v)) continue;
    const joined = { joined: u.word + v.word, words: [[u.word, u.typed || u.word], [v.word, v.typed || v.word]] };
    tries.push(units.slice(0, i).concat([joined], units.slice(i + 2)));
  }
  return tries.reduce((found, us) => found.then((done) => done ||
    textHits(us).then((text) => (text.hits.length ? { text, units: us } : null))), Promise.resolve(null));
}

/* The documents to leave out for a name and a version typed apart (llama 3, gpt 4): those that
 * write the name with another version only (LLaMA-2, GPT-5), never this one (the index writes
 * Llama 3, Llama-3 and Llama3 all as llama3: search_index.model_names). They held the name and
 * the number apart (LLaMA-2 ... 3 benchmarks): `llama 3` found a LLaMA-2 note, the only
 * result, on a site with no note on Llama 3. A document holding no version of the name at all
 * stays (top 10 in a note writing no top-5). */
function otherVersions(units) {
  const looks = [], pairs = [];
  // A name the glossary knows (llama: 라마) is a concept of one word; its version follows it all
  // the same, after any of its one-word forms (라마 3: LLaMA-2 is another version).
  const wordOf = (u) => (u.word !== undefined ? [u.word] : u.concept !== undefined && u.words.length === 1 ? [u.words[0][0]].concat(formWords(u)) : undefined);
  const one = (u) => { const w = wordOf(u); return w && w.length === 1 ? w[0] : undefined; };
  // The query's last word may be a version still being typed (AIME 2 on the way to AIME 2024):
  // a version that starts with it is the same one, or the note writing AIME 2024 left at each key.
  const last = units.length - 1;
  units.forEach((u, i) => {
    if (u.joined !== undefined) pairs.push([[u.words[0][0]], u.words[1][0], i === last]);   // the query's llama-3 or llama 3
    else if (i + 1 < units.length) pairs.push([wordOf(u), one(units[i + 1]), i + 1 === last]);
  });
  for (const [names, version, typing] of pairs) {
    // (A whole year, AIME 2023, is compared as before: not at all. 3 digits may still be on their way to one.)
    if (names === undefined || version === undefined || !/^\d{1,3}$/.test(version)) continue;
    if (!typing && version.length > 2) continue;
    const same = (n) => (typing ? n.startsWith(version) : n === version);
    const look = (name, other) => {
      const at = name.length, number = (term) => { const m = /^\d+/.exec(term.slice(at)); return m ? m[0] : null; };
      return lookUp(name, false, undefined, (t) => number(t) !== null && same(number(t)) !== other);
    };
    const known = names.filter((name) => /^(?:[a-z]{2,}|[\uac00-\ud7a3]+)$/.test(name));
    if (known.length) looks.push(Promise.all([Promise.all(known.map((n) => look(n, false))), Promise.all(known.map((n) => look(n, true)))]));
  }
  return Promise.all(looks).then((found) => {
    const out = new Set();
    for (const [same, other] of found) {
      for (const o of other) {
        for (const d of Object.keys(o.scores)) if (same.every((f) => f.scores[d] === undefined)) out.add(Number(d));
      }
    }
    return out;
  });
}

/* A Korean name typed in Hangul that found nothing (김현우): the notes may write it in Latin letters
 * (Hyunwoo Kim) with no data/authors.yml entry joining the two. Each spelling (hangul-names.js) is
 * looked up as two whole words; the notes holding both are kept only where one author is that name
 * (its words in either order, initials aside: Hyun-woo Kim, Kim Hyunwoo), so that 고양이 (a cat, not
 * Ko Yangi) finds nothing. The most likely spelling that finds notes is shown as a correction. */
function romanisedName(units) {
  const hangul = (x) => x.word !== undefined && x.concept === undefined && x.joined === undefined && HANGUL_ONLY.test(x.word);
  // One word (김현우), or two: the family name apart (김 현우) or after the given name (현우 김).
  const names = units.length === 1 && hangul(units[0]) ? [units[0].word]
    : units.length === 2 && hangul(units[0]) && hangul(units[1]) ? [units[0].word + units[1].word, units[1].word + units[0].word]
      : [];
  const typed = units.map(said).join(" ");
  const tries = names.filter((w) => w.length >= 2 && w.length <= 4).map((w) => ({ word: w, typed }));
  // Loaded on the first such query only (4 kB): most searches never need it.
  // Not loaded (offline): the query found nothing, as before.
  // Then a given name alone (현우: Hyunwoo Kim), one word of two syllables.
  const korean = !tries.length ? Promise.resolve(null) : import("./hangul-names.js").then(({ romanisations, givenSpellings }) => tries.reduce(
    (found, u) => found.then((named) => named || romanisedSpellings(u, romanisations(u.word))), Promise.resolve(null))
    .then((named) => named || (units.length === 1 ? romanisedGiven(tries[0], givenSpellings(tries[0].word)) : null)), () => null);
  // Then a Chinese or Japanese name in its Hangul form (자오, 퉈 자오: Tuo Zhao; 다나카: Tanaka).
  return korean.then((named) => named || (names.length ? foreignName(units.map((u) => u.word), typed) : null));
}

/* A Chinese or Japanese name typed in Hangul that found nothing, not even as a Korean name, or a
 * short word that is one (nameFirst): the notes write it in pinyin (퉈 자오, 자오퉈, informally 투오
 * 자오: Tuo Zhao) or in Hepburn's romanisation (다나카, informally 타나카: Tanaka; 사토: Sato, Satō,
 * Satoh). Each word's spellings (hangul-pinyin.js, 8 kB, 3 kB gzip, and hangul-hepburn.js, 8 kB,
 * 3.5 kB gzip, both loaded on the first such query only) are tried as an author's name, the Chinese
 * readings first: one word as any word of a name (자오: Zhao, 사토: Sato) or, cut after its first
 * or before its last pinyin syllable, as two (자오퉈: Zhao Tuo); two words as a name's two words, in
 * either order. Checked by the cards as romanisedSpellings checks a Korean name, so that a Korean
 * word that reads as pinyin or kana finds nothing. */
const SINO_TRIES = 24, KANA_TRIES = 24;
function foreignName(words, typed) {
  if (!words.length || words.length > 2 || words.some((w) => w.length > 6)) return Promise.resolve(null);
  const nameWords = (name) => (Array.isArray(name) ? name[0] : String(name)).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[-\u2010\u2011']/g, "").split(/[^a-z]+/).filter(Boolean);
  // Either table not loaded (offline): the other's readings alone.
  const none = () => [];
  return Promise.all([import("./hangul-pinyin.js").catch(() => ({ pinyinCuts: none, pinyinSpellings: none })),
    import("./hangul-hepburn.js").catch(() => ({ hepburnSpellings: none }))]).then(([{ pinyinCuts, pinyinSpellings }, { hepburnSpellings }]) => {
    const tries = [];
    const add = (t, most) => { if (tries.length < most && !tries.includes(t)) tries.push(t); };
    if (words.length === 1) {
      const cuts = pinyinCuts(words[0]);
      for (const w of pinyinSpellings(words[0])) add(w, SINO_TRIES);
      for (const [s] of cuts) {
        if (s.length < 2) continue;
        for (const t of [s[0] + " " + s.slice(1).join(""), s.slice(0, -1).join("") + " " + s[s.length - 1]]) {
          if (t.split(" ").every((w) => w.length > 1)) add(t, SINO_TRIES);
        }
      }
    } else {
      const [a, b] = words.map(pinyinSpellings);
      for (const x of a) for (const y of b) add(x + " " + y, SINO_TRIES);
    }
    // Then the Japanese readings: a pair's likelier spellings first (겐지 다나카: kenji tanaka).
    const most = tries.length + KANA_TRIES, kana = words.map(hepburnSpellings);
    if (words.length === 1) for (const w of kana[0]) add(w, most);
    else {
      const pairs = [];
      kana[0].forEach((x, i) => kana[1].forEach((y, j) => pairs.push([i + j, x + " " + y])));
      for (const [, t] of pairs.sort((p, q) => p[0] - q[0])) add(t, most);
    }
    // A Japanese word is its reading's spellings (sato|satoh|satou): any of them is the name.
    return authorTry({ word: words.join(""), typed }, tries, (t) => t.split(" "), (t, names) => names.some((name) => {
      const ws = nameWords(name), [a, b] = t.split(" ").map((w) => w.split("|")), key = ws.join("");
      const has = (w) => w.some((x) => ws.includes(x));
      if (b === undefined) return ws.length > 1 && has(a);
      return a.some((x) => b.some((y) => key === x + y || key === y + x)) || (a.join() !== b.join() && has(a) && has(b));
    }));
  }, () => null);
}

/* A word of one Hangul syllable that found notes (황 in 장황한, 장 starting 장점), or of two that no
 * note writes as a word (모리 in 메모리: no term but 모리 itself, a sub-word, starts with it; not
 * 차이, difference, which reads as Cai: the notes write 차이가, 차이를), and is also the
 * Korean form of a Chinese or Japanese author's name (황: Huang, 모리: Mori): the notes the Hangul
 * found first, then that author's other notes, as [tagged, text, units, corrected, "after"]; else
 * null. The Hangul as typed comes first: 보, on the way to 보상, put the notes of authors named Bo
 * (writing boost, both) before those writing 보상, under "found by the name in Latin letters: bo".
 * The name's words are not marked in the notes the Hangul found (text.unsaid). Not a glossary term
 * (보상), nor a word whose syllables no kana or pinyin spell (a final other than ㄴ, ㅇ, or ㅅ before
 * another syllable: 환각, 모델): those never load the tables. */
function nameFirst(units, text, tagged) {
  const u = units.length === 1 ? units[0] : null;
  const final = (c, i, w) => { const f = (c.charCodeAt(0) - 0xac00) % 28; return f === 0 || f === 4 || f === 21 || (f === 19 && i + 1 < w.length); };
  if (!u || u.word === undefined || u.concept !== undefined || u.joined !== undefined || !/^[\uac00-\ud7a3]{1,2}$/.test(u.word) ||
    !Array.from(u.word).every(final)) return Promise.resolve(null);
  const word = u.word.length === 1 ? Promise.resolve(false) : lookUp(u.word, false).then((f) => f.matched.some((t) => t !== u.word));
  return word.then((held) => (held ? null : foreignName([u.word], said(u)))).then((n) => {
    if (!n) return null;
    const first = new Set(text.hits.map((h) => h[0]));
    const after = n.text.hits.filter((h) => !first.has(h[0]));
    if (!after.length) return null;   // the name's notes are among the Hangul's: nothing to add
    const name = n.units.map((x) => x.word).filter((w) => w !== undefined), unsaid = {};
    const named = new Set(n.text.hits.map((h) => h[0]));
    for (const h of text.hits) if (!named.has(h[0])) unsaid[h[0]] = name;
    return [tagged, { found: text.found.concat(n.text.found), hits: text.hits.concat(after), unsaid }, units.concat(n.units), n.corrected, "after"];
  });
}

/* The first of `tries` (a given name's spellings, most likely first) that is the given name of an
 * author of some note, as one word of the name (Hyunwoo, Hyun-woo: hyunwoo), checked by the cards
 * as romanisedSpellings checks a whole name. */
function romanisedGiven(u, tries) {
  // (An accent is no word's end: Ryō Satō's last word was the empty one after ō, and 사토 found him as a given name.)
  const nameWords = (name) => (Array.isArray(name) ? name[0] : String(name)).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[-\u2010\u2011']/g, "").split(/[^a-z]+/).filter(Boolean);
  return authorTry(u, tries, (t) => [t], (t, names) => names.some((name) => {
    const ws = nameWords(name);
    return ws.length > 1 && ws.slice(0, -1).includes(t);
  }));
}

/* The first of `tries` ("family given", most likely first) that is an author of some note. */
function romanisedSpellings(u, tries) {
  const nameKey = (name) => (Array.isArray(name) ? name[0] : String(name)).normalize("NFKD").toLowerCase()   // [name, slug]: with a page
    .split(/[^a-z]+/).filter((w) => w.length > 1).join("");
  return authorTry(u, tries, (t) => t.split(" "), (t, names) => {
    const [f, g] = t.split(" "), keys = names.map(nameKey);
    return keys.includes(f + g) || keys.includes(g + f);
  });
}

/* The first of `tries` whose words (`words(try)`, each looked up whole) are held by notes that an
 * author's name confirms (`confirms(try, the note's authors)`), as {text (textHits), units,
 * corrected}, else null. The notes holding every word are checked by their cards (and the authors
 * past a card's first), at most NAME_CHECKS of them a try, best first, so that a common pair
 * (kim, min) loads a few card files, not hundreds. */
const NAME_CHECKS = 24;
function authorTry(u, tries, words, confirms) {
  if (!tries.length) return null;
  // A word may be spellings of one reading (sato|satoh: foreignName), any of which the notes may write.
  const look = (w) => Promise.all(w.split("|").map((x) => lookUp(x, true)));
  const either = (fs) => (fs.length === 1 ? fs[0] : Object.assign({}, fs[0], { scores: Object.assign({}, ...fs.map((f) => f.scores).reverse()) }));
  return Promise.all(tries.map((t) => Promise.all(words(t).map(look)))).then((found) => {
    const attempt = (i) => {
      if (i >= tries.length) return null;
      const fs = found[i].map(either);
      const held = Object.keys(fs[0].scores).filter((d) => fs.every((f) => f.scores[d] !== undefined))
        .map((d) => [Number(d), fs.reduce((sum, f) => sum + f.scores[d], 0), 0, 0]).sort(byRank).slice(0, NAME_CHECKS);
      if (!held.length) return attempt(i + 1);
      const docs = held.map((h) => h[0]);
      return Promise.all([loadCards(docs), loadAbstracts(docs)]).then(([cards, more]) => {
        const hits = held.filter((h, k) => confirms(tries[i], (cards[k][5] || []).concat((more.get(h[0]) || [])[1] || [])));
        if (!hits.length) return attempt(i + 1);
        // Named by the likeliest spelling a result holds (사토: sato, or satoh when none writes Sato).
        const spelt = words(tries[i]).map((w, k) => w.split("|")[Math.max(0, found[i][k].findIndex((f) => hits.some((h) => f.scores[h[0]] !== undefined)))]).join(" ");
        return { text: { found: fs, hits }, units: queryUnits(spelt), corrected: { [said(u)]: spelt } };
      });
    };
    return attempt(0);
  });
}

/* A name joined by a hyphen that no note writes (R1-Zero: the notes write DeepSeek-R1, and zero only
 * in zero-shot): the notes of its first part, else of its second, as [tagged, text, units, {},
 * false, dropped, [], apart], the part left out named (dropped when no note holds it, else apart).
 * For a name of two parts (nameLike: the index would hold it as one word; not two parts of a
 * longer name, as Qwen2.5-Math, which the index holds otherwise) its parts apart are not it:
 * R1-Zero found the one note writing R1-Distill and, in its abstract, zero-shot. Another hyphenated query
 * that finds nothing (GPT-9z) alike. Not a version after a name (LLaMA-4): the notes on another
 * version are no answer (otherVersions). Else null. */
function namePart(units, text, textHits, tagged) {
  const i = units.findIndex((u, k) => u.joined !== undefined && !/^\d+$/.test(u.words[1][0]) && !text.found[k].held &&
    (!text.hits.length || u.name));
  if (i < 0) return nameTail(units, text, textHits, tagged);
  const u = units[i], alone = text.found[i].alone;
  const part = (k) => ({ word: u.words[k][0], typed: u.words[k][1], acronym: u.words[k][2], written: u.parts[k] });
  return [0, 1].reduce((done, k) => done.then((answer) => {
    if (answer) return answer;
    const us = units.slice(0, i).concat([part(k)], units.slice(i + 1)), left = u.parts[1 - k] || u.words[1 - k][1];
    return textHits(us).then((again) => withoutPart(tagged, again, us, left, alone[1 - k] > 0));
  }), Promise.resolve(null));
}

/* The answer of a query searched without a part of a name (`left`, as typed), or null when that
 * found nothing: the part named as dropped when no note holds it, else as set apart (`held`). */
function withoutPart(tagged, again, us, left, held) {
  if (!again.hits.length) return null;
  return held ? [tagged, again, us, {}, false, [], [], [left]] : [tagged, again, us, {}, false, [left], [], []];
}

/* A name's third part (DeepSeek-R1-Zero: the word Zero after DeepSeek-R1) that no note writes with
 * the part before it (r1zero), when the query found nothing: the query without it, as namePart,
 * else null. (Not when it found notes: the index holds a name of three parts by its first two,
 * SophiaVL-R1-7B by sophiavlr1, not r17b.) */
function nameTail(units, text, textHits, tagged) {
  const i = text.hits.length ? -1 : units.findIndex((u) => u.chain !== undefined && !/^\d+$/.test(u.word));
  if (i < 0) return Promise.resolve(null);
  return lookUp(units[i].chain, false).then((f) => {
    if (Object.keys(f.scores).length) return null;
    const us = units.slice(0, i).concat(units.slice(i + 1)), left = said(units[i]);
    return textHits(us).then((again) => withoutPart(tagged, again, us, left, Object.keys(text.found[i].scores).length > 0));
  });
}

/* Nothing found, and the query's last word, after words that found notes, found nothing as typed: a
 * word still being typed (typedOn: 보상 몯, 보상 모데 on the way to 보상 모델; 보상 ㅁ, the next word's first
 * key, which was left out and named: "이 단어는 빼고 찾았습니다: ㅁ"). {text, units}: the notes holding the
 * others and a word it begins (보상 모델 adjacent first); else, a lone letter (ㅁ, or a vowel: ㅏ), the
 * others' notes, the letter neither searched nor named; else null (모댈 is a typo: correctAll). */
function stillTyping(units, text, textHits) {
  const n = units.length, u = units[n - 1];
  if (n < 2 || u.word === undefined || u.concept !== undefined || u.joined !== undefined || u.whole || u.angled ||
    Object.keys(text.found[n - 1].scores).length || !text.found.slice(0, -1).every((f) => Object.keys(f.scores).length)) return Promise.resolve(null);
  const lone = /^[\u3131-\u3163]$/.test(u.word);
  if (!lone && !/^[\uac00-\ud7a3]+$/.test(u.word)) return Promise.resolve(null);
  const typing = Object.assign({}, u, { typing: true }), rest = units.slice(0, -1);
  return textHits(rest.concat([typing])).then((on) => {
    // (Not a lone consonant whose words fill more terms files than a word loads: those of its first
    // files only would leave out the notes holding the others' words.)
    if (on.hits.length && !(lone && on.found[n - 1].partial)) return { text: on, units: rest.concat([typing]) };
    return lone ? textHits(rest).then((again) => (again.hits.length ? { text: again, units: rest } : null)) : null;
  });
}

/* Nothing found: the query's last words begin a glossary term (컴퓨터, 컴퓨터 사용 on the way to 컴퓨터
 * 사용 에이전트, whose notes write Computer-Use Agent): the notes naming the shortest such term,
 * as {text (textHits), units}, else null. The words of a term are found only once it is whole
 * (queryUnits); a reader who stops at its first word found nothing. */
function unfinishedConcept(units, textHits) {
  for (let k = 0; k < units.length; k++) {
    // The term's words as the query wrote them: a word of the tail may itself name a shorter term
    // (그룹 상대 정책: 정책 is policy, on the way to 그룹 상대 정책 최적화).
    if (!units.slice(k).every((u) => (u.word !== undefined && !u.whole && !strayLetter(u)) || u.concept !== undefined)) continue;
    const tail = units.slice(k).flatMap((u) => (u.word !== undefined ? [{ word: u.word, typed: u.typed }]
      : u.words.map((w) => ({ word: w[0], typed: w[1] }))));
    const head = tail.map((u) => keyStem(u.word)).join("");
    if (!concepts.heads.has(head) || concepts.keys.has(head)) continue;
    // Word by word: each word of the term as typed, the last one begun (a typo is no beginning).
    // A Korean compound typed without its spaces begins one too (컴퓨터사용, 보상모), past its first word.
    const begins = (form) => {
      const words = tokenize(form), one = tail.length === 1 && HANGUL_ONLY.test(tail[0].word) ? tail[0].word : null;
      if (one !== null && one.length > words[0].length) {
        return words.join("").startsWith(one) && words.join("") !== one;
      }
      return words.length > tail.length && tail.every((u, i) => (i < tail.length - 1 ? keyStem(words[i]) === keyStem(u.word) : words[i].startsWith(u.word)));
    };
    let key = null;
    for (const [candidate, form] of concepts.forms) {
      if (candidate.startsWith(head) && begins(form) && (key === null || candidate.length < key.length)) key = candidate;
    }
    if (key === null) continue;
    const begun = units.slice(0, k).concat([{ concept: concepts.keys.get(key), key, words: tail.map((u) => [u.word, u.typed || u.word]) }]);
    return textHits(begun).then((text) => (text.hits.length ? { text, units: begun } : null));
  }
  return Promise.resolve(null);
}

/* Nothing found, even corrected, and some of the query's words are in no note at all while more
 * of the others (not only numbers) are: the notes of the others, and those words as `dropped`
 * (the box says it searched without them). 강화학습을 이용한 추론 found nothing for 이용한; a reader's filler word (위한,
 * 대한, 이용한) or a typo past correcting no longer costs the whole query. An arXiv id no note is
 * about is never dropped: the box says the paper has no note yet. `found`: correctAll's answer;
 * null when this does not apply or finds nothing. */
function withoutMissing(found, textHits) {
  const [tagged, text, used, corrected] = found;
  if (text.hits.length || used.length < 2) return Promise.resolve(null);
  const none = (i) => !Object.keys(text.found[i].scores).length;
  const gone = used.filter((u, i) => none(i) && !(u.word !== undefined && ARXIV_ID.test(u.word)));
  const kept = used.filter((u, i) => !none(i));
  // More words kept than left out, and not only numbers: Yann LeCun reward listed every note on
  // rewards "without yann lecun", <script>alert(1)</script> the notes holding a 1. A function word
  // kept does not count (mixture of experts listed the notes on experts "without mixture": a
  // search QA pass).
  const substance = kept.filter((u) => !(u.word !== undefined && FUNCTION.has(u.word)));
  if (!gone.length || substance.length <= gone.length || kept.length + gone.length !== used.length) return Promise.resolve(null);
  if (kept.every((u) => u.word !== undefined && /^[\d.]+$/.test(u.word))) return Promise.resolve(null);
  // The common words of substance go too, as withoutCommon leaves them, and are named: 보상 해킹을
  // 막는 방법 found the 1 note of reward hacking's 4 that writes 방법 (method). (Not the, which
  // every note holds: nothing to name.)
  const leave = (u) => isCommon(u) && !(u.word !== undefined && FUNCTION.has(u.word));
  const common = kept.filter(leave), rest = kept.filter((u) => !leave(u));
  const plain = rest.length && !rest.every((u) => u.word !== undefined && /^[\d.]+$/.test(u.word)) ? rest : kept;
  return textHits(plain).then((again) => (again.hits.length
    ? [tagged, again, plain, corrected, false, gone.map(said), plain === kept ? [] : common.map(said)] : null));
}

/* `result` with `labelled`: {doc: [tag, ...]} for the results carrying a tag whose label the
 * query's words mark (optimisation: Preference optimization), which the box names on a result that
 * marks nothing else (a search QA pass: three results of optimisation showed no reason at all:
 * the index holds each note's tag labels as its words). A tag the query names whole is
 * `result.tagged`'s already. At most MAX_LABELLED tags are looked up. */
const MAX_LABELLED = 6;
function labelledTags(result) {
  const typed = (result.words || []).filter((w) => w.length > 1 && !FUNCTION.has(w));
  if (!result.hits.length || !typed.length || !meta.tags) return Promise.resolve(result);
  const named = new Set((result.tags || []).map((t) => t[0]));
  // Each word, its other spelling (optimisation: optimization), and its stem as lookUpWord reads
  // it loosely (verifiers: verif-, as in verification).
  const words = typed.concat(typed.map((w) => otherSpelling(w)).filter(Boolean));
  const root = (w) => { const r = stem(w); return r.endsWith("ifi") ? r.slice(0, -1) : r; };
  const marks = (term, w) => term.startsWith(w) || (HANGUL_ONLY.test(w) && term.includes(w))
    || (!HANGUL_ONLY.test(w) && root(w).length >= 4 && stem(term).startsWith(root(w)));
  const tags = meta.tags.filter((t) => !named.has(t[0]) && [t[1], t[2]].some((label) => tokenize(label).some((term) => words.some((w) => marks(term, w)))))
    .slice(0, MAX_LABELLED);
  if (!tags.length) return Promise.resolve(result);
  return Promise.all(tags.map((t) => lookUp(meta.words.tag_prefix + t[0], true))).then((found) => {
    const shown = new Set(result.hits.map((h) => String(h[0]))), labelled = {};
    found.forEach((f, k) => {
      for (const d of Object.keys(f.scores)) if (shown.has(d)) (labelled[d] = labelled[d] || []).push(tags[k]);
    });
    return Object.assign(result, { labelled });
  }, () => result);
}

/* `text` with the notes of the person the query may name (two to six words in Latin letters:
 * Rahul M. O. Wang, rahul wang, Wang, Rahul) first, in their order, then the others: the index's
 * whole-name terms (search_index.PERSON_PREFIX: each author's words run together, and the first
 * and last), tried as typed and in the other order. A Rahul and a Wang who are two authors of one
 * paper ranked alike, and at 10,000 notes a one-note author was the 66th result (a QA pass). */
function personFirst(query, text) {
  const words = tokenize(query);
  if (!meta.person || words.length < 2 || words.length > 6 || !words.every((w) => /^[a-z0-9]+$/.test(w))
    || words.filter((w) => /[a-z]{2}/.test(w)).length < 2) return Promise.resolve(text);
  const n = words.length, keys = new Set([words.join(""), words.slice(1).concat(words[0]).join(""), words[0] + words[n - 1], words[n - 1] + words[0]]);
  return Promise.all(Array.from(keys, (k) => lookUp(meta.person + k, true))).then((found) => {
    const theirs = new Set(found.flatMap((f) => Object.keys(f.scores)));
    const first = text.hits.filter((h) => theirs.has(String(h[0])));
    if (!first.length || first.length === text.hits.length) return text;
    return Object.assign({}, text, { hits: first.concat(text.hits.filter((h) => !theirs.has(String(h[0])))) });
  }, () => text);
}

/* English function words: searched as typed, never marked in a result beside other words (the of
 * and on of every excerpt were marked for "evaluation of reasoning", "alignment on preference";
 * a result was even shown by another language's passage for its "on"). */
const FUNCTION = new Set(["a", "an", "the", "of", "on", "in", "for", "to", "with", "and", "or", "nor", "vs", "versus", "via",
  "by", "from", "at", "as", "into", "onto", "than", "then", "it", "its", "this", "that", "these", "those", "not", "no",
  "what", "which", "who", "how", "why", "is", "are", "was", "were", "be", "been", "do", "does", "can", "me", "any"]);

/* The words a question or a request wraps a search in (what is GRPO, papers about reward hacking,
 * 환각에 관한 논문): every note holds some of them, so they were never left out as missing, and no
 * note holds them all beside the subject. */
const COMMON = new Set(["a", "an", "the", "of", "on", "in", "for", "to", "with", "and", "or", "vs", "versus", "via",
  "what", "which", "who", "how", "why", "is", "are", "was", "were", "be", "do", "does", "can", "me", "show", "find", "any",
  "work", "works", "method", "methods", "approach", "approaches", "best", "good", "new", "recent", "latest", "using", "use", "based",
  "논문들", "연구들", "방법", "방법론", "위한", "이용한", "사용한", "기반", "기반의", "무엇", "뭐", "어떤", "최신", "좋은", "정리", "소개"]);
/* The words that say a query asks for papers, not what they are about (RLHF 논문, reward hacking
 * paper, 환각에 관한 연구): beside a word of substance or a tag they are left out from the start,
 * and named. They restricted every query to the notes that happen to write them (RLHF 논문: 1 note
 * of RLHF's 7). Common words too (COMMON), when a query finds nothing. */
const GENERIC = new Set(["paper", "papers", "article", "articles", "study", "studies", "research", "about", "related",
  "problem", "problems", "issue", "issues", "논문", "연구", "관한", "대한", "관련", "관련된", "문제", "문제점",
  // Korean connectives a request is phrased with (강화학습을 통한 추론: 1 note of 27, the one that wrote 통한;
  // 강화학습 기반: 5; a phone QA pass), in their usual forms.
  "통한", "통해", "통해서", "기반", "기반의", "기반한", "기반으로", "이용한", "이용해", "이용하여", "사용한", "사용해",
  "사용하여", "활용한", "활용해", "활용하여", "위한", "위해", "대해", "대하여", "관해", "관하여", "따른", "중심의", "중심으로",
  // A question's or a request's words (what is RLHF: 1 note of RLHF's 7, the one whose abstract says
  // "what"; how reasoning models hallucinate lost the note on exactly that; process reward model
  // explained found nothing: an English search QA pass). Left out beside a subject, as 논문 is.
  "what", "which", "who", "how", "why", "when", "where", "is", "are", "was", "were", "do", "does", "did", "can",
  "could", "should", "would", "tell", "me", "explain", "explained", "explanation", "show", "give",
  // Who wrote it (by Yejin Choi, notes by Choi, work by Hyunwoo Kim: "by" was required, and few notes
  // write it; a search QA pass).
  "by", "note", "notes", "work", "works"]);
for (const w of GENERIC) COMMON.add(w);
/* GENERIC's Korean words, longest first (기반으로 before 기반): where `respaced` cuts a word typed without spaces. */
const CONNECTIVES = [...GENERIC].filter((g) => HANGUL_ONLY.test(g)).sort((a, b) => b.length - a.length);
/* A unit of the query that is a COMMON word, or a glossary concept named by such words only (방법 is
 * method: 환각을 줄이는 방법 found the 1 note of hallucination's 3 writing 방법 too). */
const isCommon = (u) => (u.word !== undefined ? COMMON.has(u.word) || COMMON.has(u.typed)
  : u.concept !== undefined && u.words.length > 0 && u.words.every((w) => COMMON.has(w[0]) || COMMON.has(w[1])));
const strayLetter = (u) => u.word !== undefined && /^[a-z]$/.test(u.word);
/* A unit of the query (queryUnits) that is a GENERIC word, or a glossary concept named by such words
 * only (문제 and problem are one concept: reward hacking 문제 found 1 note of 4). */
const isGeneric = (u) => (u.word !== undefined ? GENERIC.has(u.word) || GENERIC.has(u.typed)
  : u.concept !== undefined && u.words.length > 0 && u.words.every((w) => GENERIC.has(w[0]) || GENERIC.has(w[1])));
/* A token of the query (words.tokenize) that is a GENERIC word, with or without its particle (논문을). */
const genericToken = (w) => GENERIC.has(w) || GENERIC.has(withoutEnding(w));

/* Nothing found, even corrected: a long Latin word no note holds that is two words the notes write,
 * typed without the space (reinforcementlearning, hiddenstates, earlyexit), as those two words: the
 * query read again with them (a glossary term they name included: mentalstate is mental state), as
 * [tagged, text, units, corrected (the word: the two words, which the box offers as "did you
 * mean")], or null. The first part is a term of the files where words starting with the word's
 * first three letters are (3+ letters), the second a spelling entry (meta.spell: an English word
 * of spell_min+ letters a note writes) of those where words ending with its last four are: two
 * spans of files, as a typo's correction loads. At most SPLIT_TRIES splits are searched, the most
 * even first. Not beside a tag the query names that has notes: they are its answer. */
const SPLIT_MIN = 7, SPLIT_TRIES = 3;
function splitJoined(found, textHits) {
  const [tagged, text, used, corrected] = found;
  // A tag's label typed as one word (rewardmodel, reinforcementlearning) lists the tag's notes already.
  if (text.hits.length || !meta.spell || tagged.some((f) => Object.keys(f.scores).length)) return Promise.resolve(null);
  const i = used.findIndex((u, k) => u.word !== undefined && !u.whole && /^[a-z]+$/.test(u.word) && u.word.length >= SPLIT_MIN &&
    !Object.keys(text.found[k].scores).length);
  if (i < 0) return Promise.resolve(null);
  const w = used[i].word, min = meta.words.spell_min;
  const head = span(meta.chunks, w.slice(0, 3), true), tail = span(meta.chunks, meta.spell + reverse(w).slice(0, min), true);
  if (!head || !tail) return Promise.resolve(null);
  return Promise.all([loadSpan(meta.chunks, meta.terms, head), loadSpan(meta.chunks, meta.terms, tail)]).then(([heads, tails]) => {
    const firsts = new Set(), seconds = new Set();
    for (const part of heads) for (const term of Object.keys(part)) if (w.startsWith(term) && term.length >= 3) firsts.add(term.length);
    for (const part of tails) {
      for (const term of Object.keys(part)) {
        const word = reverse(term.slice(meta.spell.length));
        if (term.startsWith(meta.spell) && w.endsWith(word) && word.length >= min) seconds.add(w.length - word.length);
      }
    }
    const cuts = Array.from(firsts).filter((n) => seconds.has(n) && /^[a-z]+$/.test(w.slice(0, n)))
      .sort((a, b) => Math.abs(2 * a - w.length) - Math.abs(2 * b - w.length)).slice(0, SPLIT_TRIES);
    return cuts.reduce((done, n) => done.then((answer) => {
      if (answer) return answer;
      const two = w.slice(0, n) + " " + w.slice(n);
      const again = queryUnits(used.map((u, k) => (k === i ? two : said(u))).join(" "));
      return textHits(again).then((t) => (t.hits.length ? [tagged, t, again, Object.assign({}, corrected, { [said(used[i])]: two })] : null));
    }), Promise.resolve(null));
  });
}

/* Still nothing, though each word finds notes alone: an English word that no note writes, only
 * the start of longer ones, may be a typo (markovian thinkr: thinkr began ThinkRM, so it was not
 * corrected, and the query found nothing, "use fewer words"). Its corrections (not those it
 * begins, which it found already), likeliest first, each searched with the other words: the first
 * that finds notes, offered as a correction. At most RETYPE_TRIES of each word, as
 * [tagged, text, units, corrected] or null. */
const RETYPE_TRIES = 4;
function prefixTypos(found, textHits) {
  const [tagged, text, used, corrected] = found;
  if (text.hits.length || used.length < 2) return Promise.resolve(null);
  const at = used.map((u, i) => i).filter((i) => {
    const u = used[i];
    return u.word !== undefined && !u.whole && !u.acronym && /^[a-z]+$/.test(u.word) && u.word.length > meta.words.spell_min &&
      !isCommon(u) && Object.keys(text.found[i].scores).length > 0;
  });
  const retyped = (i, fix) => {
    const again = queryUnits(used.map((u, k) => (k === i ? fix : said(u))).join(" "));
    return textHits(again).then((t) => (t.hits.length ? [tagged, t, again, Object.assign({}, corrected, { [said(used[i])]: fix })] : null));
  };
  return at.reduce((done, i) => done.then((answer) => answer || lookUp(used[i].word, true).then((self) => (self.itself ? null
    : corrections(used[i].word).then((fixes) => fixes.filter((w) => !w.startsWith(used[i].word)).slice(0, RETYPE_TRIES)
      .reduce((d, fix) => d.then((a) => a || retyped(i, fix)), Promise.resolve(null)))))), Promise.resolve(null));
}

/* Nothing found, even corrected: the query without its COMMON words (each as typed or without its
 * particle), when a word of substance stays, as [tagged, text, units, corrected, false, [], common]
 * if that finds notes, else null (then withoutMissing). */
function withoutCommon(found, textHits) {
  const [tagged, text, used, corrected] = found;
  if (text.hits.length || used.length < 2) return Promise.resolve(null);
  const kept = used.filter((u) => !isCommon(u)), gone = used.filter(isCommon);
  if (!gone.length || !kept.length) return Promise.resolve(null);
  return textHits(kept).then((again) => (again.hits.length ? [tagged, again, kept, corrected, false, [], gone.map(said)] : null));
}

/* Still nothing: a Korean query with everyday words beside its subject (환각 줄이기, DPO와 PPO 비교,
 * 보상 모델 과최적화, 추론 모델이 환각을 더 많이 하나): the notes of the rest, without one of its
 * plain Hangul words (not a glossary term; the one in most notes, i.e. saying least, tried first),
 * else without all of them, when a glossary term or a Latin word stays. English has its COMMON
 * words; a Korean sentence has endless ones (줄이기, 비교, 많이). As [..., apart] or null. */
function withoutPlainKorean(found, textHits) {
  const [tagged, text, used, corrected] = found;
  if (text.hits.length || used.length < 2) return Promise.resolve(null);
  const common = used.filter(isCommon);   // left out as withoutCommon leaves them, and named so
  const plain = used.map((u, i) => [u, i]).filter(([u]) => u.word !== undefined && HANGUL.test(u.word) && !isCommon(u));
  const kept = (gone) => used.filter((u) => !gone.includes(u) && !common.includes(u));
  const subject = (us) => us.some((u) => u.concept !== undefined || u.joined !== undefined || (u.word !== undefined && !HANGUL.test(u.word) && !/^[\d.]+$/.test(u.word)));
  if (!plain.length || !subject(kept(plain.map(([u]) => u)))) return Promise.resolve(null);
  const docs = (i) => Object.keys(text.found[i].scores).length;
  // A word no note holds goes as withoutMissing leaves one out (fewer such words go than words
  // stay), or when it follows the subject (환각 줄이기: an everyday word after it); not when it
  // stands, without a particle, before a word it names the subject with (확산 모델, 양자화 모델,
  // 검색 증강 생성 listed every note writing 모델 or 생성 "without 확산": the subject asked for,
  // which no note is about, left out for a generic word).
  const held = new Set(plain.filter(([, i]) => docs(i)).map(([u]) => u));
  const substance = used.filter((u) => !common.includes(u));
  const names = (u) => u.typed === u.word && substance.indexOf(u) + 1 < substance.length;
  const fair = (gone) => gone.filter((u) => !held.has(u)).length < kept(gone).length || !gone.some((u) => !held.has(u) && names(u));
  const tries = plain.slice().sort((a, b) => docs(b[1]) - docs(a[1])).map(([u]) => [u]);
  if (plain.length > 1) tries.push(plain.map(([u]) => u));
  return tries.reduce((done, gone) => done.then((answer) => answer || (subject(kept(gone)) && fair(gone) ? textHits(kept(gone)).then((again) =>
    (again.hits.length ? [tagged, again, kept(gone), corrected, false, [], common.map(said), gone.map(said)] : null)) : null)), Promise.resolve(null));
}

/* Still nothing, a long query (three words of substance or more: not COMMON, not numbers):
 * `reward models trained on pairwise comparisons` found nothing, no note holds every word, though
 * a Korean sentence was rescued (withoutPlainKorean). The notes holding most of its words: more
 * than half, and at least all but one of the most any note holds; the more words a note holds,
 * the higher (the rank's tier is that number), then as rankHits. As [..., most: true] or null.
 * So for a query of GENERIC words only (논문 연구, paper research: searched as words, there being
 * nothing else to search), of two or more: the notes holding the most of them. 논문 연구 found
 * nothing, no note writing both. */
function mostWords(found) {
  const [tagged, text, used, corrected] = found;
  if (text.hits.length) return null;
  const generic = used.length > 1 && used.every(isGeneric);
  const counted = used.map((u, i) => i).filter((i) => generic || (!isCommon(used[i]) && !(used[i].word !== undefined && /^[\d.]+$/.test(used[i].word))));
  const n = counted.length, held = new Map();
  if (n < 3 && !generic) return null;
  for (const i of counted) {
    const f = text.found[i];
    for (const d of Object.keys(f.scores)) {
      const h = held.get(d) || [Number(d), 0, 0, 0];
      h[1] += f.scores[d];
      h[2] += f.close[d] || 0;
      h[3] += 1;
      held.set(d, h);
    }
  }
  const top = Math.max(0, ...Array.from(held.values(), (h) => h[3]));
  if (generic ? top < 1 : (top < 2 || 2 * top <= n)) return null;
  const least = generic ? top : Math.max(top - 1, Math.floor(n / 2) + 1);
  const hits = Array.from(held.values()).filter((h) => h[3] >= least).sort(byRank);
  return [tagged, { found: text.found, hits }, used, corrected, false, [], [], [], true];
}

/* Words that set two things side by side (PPO vs GRPO, DPO 대 PPO, 보상 또는 처벌): not searched
 * for (vs was a word that few notes hold, so PPO vs GRPO found nothing), and the query is a
 * comparison: the notes holding both come first, then those holding either (eitherWords). Only
 * between two other words (대 may begin a word being typed). */
const VERSUS = new Set(["vs", "versus", "대", "또는", "혹은"]);
/* So "and" between two names typed as acronyms (PPO and GRPO, PPO 및 GRPO, PPO 와 GRPO: a Korean
 * search QA pass found nothing, or the one note writing 및): a list of methods, as PPO GRPO. */
const JOINING = new Set(["and", "or", "및", "그리고", "와", "과", "랑", "하고"]);
function versusWords(units) {
  const between = (u, i) => i > 0 && i < units.length - 1 && u.word !== undefined &&
    (VERSUS.has(u.word) || (JOINING.has(u.word) && typedAsAcronym(units[i - 1]) && typedAsAcronym(units[i + 1])));
  const kept = units.filter((u, i) => !between(u, i));
  return { units: kept, versus: kept.length !== units.length && kept.length >= 2 };
}

/* A name typed as an acronym: two capitals or more, as words.typedAcronym reads them, a Korean
 * particle after it aside (PPO와, RLHF를). */
function typedAsAcronym(u) {
  const w = said(u).replace(/[\uac00-\ud7a3]+$/, ""), capitals = (w.match(/[A-Z]/g) || []).length;
  return /^[A-Za-z0-9]{2,7}$/.test(w) && capitals >= 2 && 2 * capitals >= w.replace(/\d/g, "").length;
}

/* A query of names typed as acronyms only (PRM ORM, SFT RLHF DPO, PPO와 GRPO, or a glossary term's
 * acronym): a list of methods, whose notes rarely hold every one. */
function acronymList(units) {
  return units.length >= 2 && units.every(typedAsAcronym);
}

/* The notes holding some of the query's units (`found`: textHits' per unit), as rankHits ranks them
 * after `first` (those holding every unit, already ranked): more units held first (the rank's
 * tier), then closeness and score. PPO vs GRPO: the notes on either after those on both; PRM ORM,
 * which no note holds together: the notes on either. */
function eitherWords(found, first) {
  const seen = new Set(first.map((h) => h[0])), held = new Map();
  found.forEach((f) => {
    for (const d of Object.keys(f.scores)) {
      if (seen.has(Number(d))) continue;
      const h = held.get(d) || [Number(d), 0, 0, 0];
      h[1] += f.scores[d];
      h[2] += f.close[d] || 0;
      h[3] += 1;
      held.set(d, h);
    }
  });
  return first.concat(Array.from(held.values()).sort(byRank));
}

/* The glossary concepts the words a word being typed was found by (`terms`: a lone consonant's
 * begunWord, 강ㅎ: 강화학습, 강한) name whole: a result marks their forms (RL, reinforcement
 * learning), as it does for the whole word typed. 강ㅎ marked nothing in the notes its tag's label
 * found. */
function begunConcepts(terms) {
  const out = [];
  for (const term of terms || []) {
    for (const run of conceptRuns(concepts, { tokens: [term], joined: [false] }, false)) if (!out.includes(run[2])) out.push(run[2]);
  }
  return out;
}

/* A unit as the query wrote it, case kept (`written`: queryUnits), for the box to name: "No note
 * contains: GPT-4o", not gpt-4o. Also how a query is written again with some words changed. */
function said(u) {
  if (u.written) return u.written;
  if (u.concept === undefined && u.joined === undefined) return u.typed || u.word;
  return u.words.map((w) => w[1]).join(u.joined !== undefined ? "-" : " ");
}

/* A year beside other words (2024년 보상 모델, 2023 RLHF, 추론 2025년): the notes of that year (by
 * the note's date, as the archive's year page) that the other words find, as `result.year`; a
 * Korean QA pass got "no note contains 2024년", or the notes of every year. Not a name's version
 * (AIME 2024, ICLR 2024: the index's aime2024), nor when that year holds none of the notes found:
 * then the year is a word of the query, as before; so with generic words only (the box links the
 * year's page). */
const YEAR_WORD = /^((?:19|20)\d\d)(년도?|년의|년에)?$/;

/* Every step of a query (after loadMeta): { hits: [[doc, score, closeness, tier], ...], words (to
 * mark), unmarked (its function words, not marked beside others: FUNCTION), whole (those typed
 * as acronyms, marked only whole: lookUpAcronym; so the halves of a name part typed with its
 * hyphen, ji-rong: lookUpJoined), forms (the one-word forms of the concepts named in one word, found as prefixes: to mark
 * where a result holds them, formWords), concepts (named, to mark), spelt: {concept: the query's words for it}, bridges: {doc:
 * [[concept, key], ...]} (the concepts that alone found it), unsaid: {doc: [word, ...]} (the words
 * of two the query joined by a hyphen that it was found without: lookUpJoined; the name a Hangul word
 * also reads as, in the notes the Hangul found: nameFirst), tags (named), partial, corrected:
 * {typed: fix}, romanised (the fix is a Hangul name's Latin spelling: romanisedName), namedAfter (that
 * name's notes follow those the Hangul found: nameFirst), missing: the
 * query's words (as typed) that no note holds, when nothing is found, dropped: those words when the
 * others found notes and those are shown (withoutMissing), common: the question's words left out
 * (withoutCommon), apart: the everyday Korean words left out (withoutPlainKorean), most: no note
 * holds every word of a long query, the notes holding most of them are shown (mostWords), year:
 * the year a query's notes were kept to (YEAR_WORD) }. */
export function search(typed, asCorrected = false) {
  const spaced = respaced(String(typed));
  return searchYear(typed, asCorrected).then((result) => (result.hits.length || !spaced ? result
    : searchYear(spaced.query, asCorrected).then((alt) => (alt.hits.length
      ? Object.assign(alt, { corrected: Object.assign({}, spaced.fixes, alt.corrected) }) : result))));
}

/* Korean typed without its spaces, a particle or a connective inside (환각을줄이는, 보상모델을학습,
 * 강화학습을통한추론: a phone QA pass found nothing, or 1 note, where the spaced query found 3, 13,
 * 22; the docs say search ignores spacing): each such word cut after its particles (two
 * syllables or more before one, and after it), and around a connective (통한, 기반으로: GENERIC),
 * as { query, fixes: {word: its spaced form} }; null when no word has one. When the query as typed
 * finds nothing, `search` shows the spaced query's results, and says so as a correction (only then:
 * a word that starts with a particle's syllable, 강화학습에이전트, is no particle; the compound's
 * parts find it, lookUpWord). */
const ENDINGS_TWO = ["에서", "으로", "에게", "까지", "부터", "처럼", "보다", "하는", "되는", "하여", "해서"];
const ENDINGS_ONE = "을를은는이가의에와과로도만";
function respaced(query) {
  const fixes = {};
  const words = query.trim().split(/\s+/).map((word) => {
    if (!HANGUL_ONLY.test(word) || word.length < 4) return word;
    const parts = [];
    let rest = word;
    for (;;) {
      if (rest.length < 4) break;
      const joined = CONNECTIVES.find((g) => rest.startsWith(g) && rest.length - g.length >= 2);
      if (joined) { parts.push(joined); rest = rest.slice(joined.length); continue; }
      let cut = -1;
      for (let i = 2; i <= rest.length - 2 && cut < 0; i++) {
        if (CONNECTIVES.some((g) => rest.startsWith(g, i))) cut = i;   // 보상모델기반으로학습: before 기반으로
        else if (i > rest.length - 3) break;
        else if (ENDINGS_TWO.includes(rest.slice(i, i + 2)) && rest.length - i - 2 >= 2) cut = i + 2;
        else if (ENDINGS_ONE.includes(rest[i])) cut = i + 1;
      }
      if (cut < 0) break;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    if (!parts.length) return word;
    fixes[word] = parts.concat([rest]).join(" ");
    return fixes[word];
  });
  return Object.keys(fixes).length ? { query: words.join(" "), fixes } : null;
}

/* `search` of the query as typed: a year among its words keeps the notes of that year. */
function searchYear(typed, asCorrected) {
  const tokens = String(typed).trim().split(/\s+/);
  const at = tokens.findIndex((t) => YEAR_WORD.test(t));
  const year = at >= 0 ? YEAR_WORD.exec(tokens[at]) : null;
  const run = year && meta.year_docs && meta.year_docs[year[1]];
  if (!run) return searchText(typed, asCorrected);
  // A year alone, or with generic words only (2023, 2024년 논문, 2024 papers): that year's notes, newest
  // first, as its archive page lists them (an English search QA pass: 2023 listed the 2 notes whose text
  // holds AMC23 or "AMC 2023", none of that year's 8).
  if (tokens.every((t, k) => k === at || genericToken(t.toLowerCase()))) {
    return searchText(typed, asCorrected).then((result) => Object.assign(result, {
      hits: Array.from({ length: run[1] - run[0] }, (_, k) => [run[0] + k, run[1] - run[0] - k, 1, 0]), year: year[1] }));
  }
  const before = at > 0 && !year[2] && /^[A-Za-z][A-Za-z-]*$/.test(tokens[at - 1]) ? tokens[at - 1].toLowerCase().replace(/-/g, "") : null;
  return (before ? lookUp(before + year[1], true) : Promise.resolve({ itself: false })).then((version) => {
    if (version.itself) return searchText(typed, asCorrected);
    return searchText(tokens.filter((t, k) => k !== at).join(" "), asCorrected).then((result) => {
      const hits = result.hits.filter((h) => h[0] >= run[0] && h[0] < run[1]);
      return hits.length ? Object.assign(result, { hits, year: year[1] }) : searchText(typed, asCorrected);
    });
  });
}

/* `search` of the query's words as they are (a year among them, a word). */
function searchText(typed, asCorrected) {
  // ＲＬＨＦ (a keyboard's full-width mode) is RLHF; don't is don; ㄱㅏㅇㅎㅘ (lone letters) is 강화.
  const q = composeJamo(withoutApostrophes(halfWidth(typed)));
  const named = findTags(q);
  // A Latin letter alone (a\b, Thomas L. Griffiths) is no search word beside others: as a prefix
  // it matched every note, marking stray letters. A query of such letters only finds nothing.
  // PPO vs GRPO: the word between two others says the reader compares them (versusWords).
  const read = versusWords(queryUnits(named.rest)), letters = read.units, words = letters.filter((u) => !strayLetter(u));
  const all = words.length ? words : letters;
  // RLHF 논문, reward hacking paper: the generic words go when a word of substance or a tag stays.
  const specific = all.filter((u) => !isGeneric(u));
  const ignored = specific.length < all.length && (specific.length || named.tags.length) ? all.filter(isGeneric) : [];
  const units = ignored.length ? specific : all;
  const tagDocs = Promise.all(named.tags.map((t) => lookUp(meta.words.tag_prefix + t[0], true)));
  const lookUpUnit = (u) => (strayLetter(u) ? Promise.resolve(wordUnit({ scores: {}, tight: {}, title: {}, partial: false }))
    : u.typing ? lookUpTyping(u.word).then(wordUnit)
    : u.concept !== undefined ? lookUpConcept(u) : u.joined !== undefined ? lookUpJoined(u) : u.angled ? angledWord(u).then(wordUnit)
    : (u.whole ? lookUpWhole(u.word) : lookUpWord(u.word, u.typed, undefined, u.acronym)).then(wordUnit));
  const textHits = (us) => Promise.all([Promise.all(us.map(lookUpUnit)), lookUpAdjacent(us), otherVersions(us)])
    .then(([found, adjacent, other]) => ({ found, hits: rankHits(found, adjacent).filter((h) => !other.has(h[0])) }));
  // Nothing found: correct the words (spell_min+1 letters) that found nothing on their own; not a
  // common word (이용한 was "corrected" to 유용: withoutCommon leaves it out instead).
  const correctAll = (tagged, text) => Promise.all(units.map((u, i) =>
    (u.word !== undefined && !isCommon(u) && !Object.keys(text.found[i].scores).length ? correct(u.word) : null)))
    .then((fixes) => {
      const corrected = {}, stems = new Map();
      const fixedText = units.map((u, i) => {
        if (!fixes[i]) return said(u);
        // The word's verb stem (학습시킬: 학습시키, which notes write as 학습시키는): the word as typed, in
        // another form, and named so if it is left out.
        if (fixes[i].stem) { stems.set(fixes[i].word, said(u)); return fixes[i].word; }
        // A Korean word that starts with a word of the notes, corrected to that word and a particle
        // (추론기, reasoner, to 추론과): its start is what the reader typed, a word being typed or one
        // no note writes. It is searched as its start (추론), no correction offered.
        const head = HANGUL_ONLY.test(u.word) ? withoutEnding(fixes[i]) : fixes[i];
        if (head !== fixes[i] && head.length >= (meta.min_part || 2) && u.word.startsWith(head)) return head;
        corrected[said(u)] = fixes[i];
        return fixes[i];
      }).join(" ");
      if (!fixes.some(Boolean)) return [tagged, text, units, {}];
      const fixed = queryUnits(fixedText);   // the corrected words may name a concept (hallucinaton)
      for (const u of fixed) if (u.word !== undefined && stems.has(u.word)) u.written = stems.get(u.word);
      return textHits(fixed).then((again) => [tagged, again, fixed, corrected]);
    });
  // Nothing found: two words typed apart that notes write as one (os world: OSWorld), a Korean name
  // typed in Hangul that notes write in Latin letters (김현우: Hyunwoo Kim), a glossary term begun,
  // else the corrections, then without common or missing words.
  // A Korean word of two syllables or more being typed that begins a glossary term (강화학, on the
  // way to 강화학습) found the few notes whose tag labels hold it, with nothing in them marked: it
  // is the term begun, when that finds those notes and more (unfinishedConcept).
  const last = units[units.length - 1];
  const begun = (text) => (text.hits.length && last && last.word !== undefined && !last.whole && HANGUL_ONLY.test(last.word) &&
    last.word.length >= (meta.min_part || 2) ? unfinishedConcept(units, textHits) : Promise.resolve(null)).then((b) => {
    const more = b && new Set(b.text.hits.map((h) => h[0]));
    return more && more.size > text.hits.length && text.hits.every((h) => more.has(h[0])) ? b : null;
  });
  return Promise.all([tagDocs, textHits(units)]).then(([tagged, text]) => begun(text).then((b) => {
    if (b) return [tagged, b.text, b.units, {}];
    if (!units.length) return [tagged, text, units, {}];
    if (text.hits.length) {
      return nameFirst(units, text, tagged).then((first) => first || namePart(units, text, textHits, tagged).then((n) => n || [tagged, text, units, {}]));
    }
    // Several arXiv ids pasted at once (a reading list, a related-work line): each paper, not the
    // note holding all of them ("no note contains all of these words").
    // The last may be an id still being typed (2505.16265 2412.1): the papers of the whole ones meanwhile.
    const isId = (u) => u.word !== undefined && ARXIV_ID.test(u.word);
    const typingId = (u) => u.word !== undefined && /^\d{1,4}(?:\.\d{0,5})?$/.test(u.word);
    if (units.length > 1 && units.slice(0, -1).every(isId) && (isId(units[units.length - 1]) || typingId(units[units.length - 1]))) {
      const ids = units.filter(isId);
      return Promise.all(ids.map((u) => textHits([u]))).then((each) => {
        const seen = new Set(), hits = [];
        for (const one of each) for (const h of one.hits) if (!seen.has(h[0])) { seen.add(h[0]); hits.push(h); }
        return [tagged, { found: each.map((one) => one.found[0]), hits }, ids, {}];
      });
    }
    // Else each way of reading the query again, in order, until one finds notes.
    const steps = [
      () => stillTyping(units, text, textHits).then((t) => t && [tagged, t.text, t.units, {}]),
      () => joinedApart(units, textHits).then((j) => j && [tagged, j.text, j.units, {}]),
      () => romanisedName(units).then((n) => n && [tagged, n.text, n.units, n.corrected, true]),
      () => unfinishedConcept(units, textHits).then((b) => b && [tagged, b.text, b.units, {}]),
      () => namePart(units, text, textHits, tagged),
      // The corrections, then two words typed as one, then a typo that began a longer word, then without common,
      // missing or everyday Korean words (each null when it finds nothing).
      () => correctAll(tagged, text).then((found) => [splitJoined, prefixTypos, withoutCommon, withoutMissing, withoutPlainKorean]
        .reduce((done, without) => done.then((answer) => answer || without(found, textHits)), Promise.resolve(null))
        .then((answer) => answer || mostWords(found) || found)),
    ];
    return steps.reduce((done, step) => done.then((answer) => answer || step()), Promise.resolve(null));
  })).then((answer) => personFirst(named.rest, answer[1]).then((text) => Object.assign([...answer], { 1: text })))
    .then(([tagFinds, text, used, corrected, romanised, dropped, common, apart, most]) => {
    // The notes carrying every tag named (#rl #rlhf: both, as the browse page's filter keeps them).
    const tagged = new Set(), order = [];
    for (const d of Object.keys(tagFinds.length ? tagFinds[0].scores : {})) {
      if (tagFinds.every((f) => f.scores[d] !== undefined)) { tagged.add(d); order.push(Number(d)); }
    }
    let hits = text.hits, words = [], either = false;
    // PPO vs GRPO: the notes on both, then those on either; PRM ORM, which no note holds together:
    // the notes on either (eitherWords), said as for a long query (most).
    if ((read.versus || (!hits.length && acronymList(used))) && text.found && text.found.length === used.length) {
      const more = eitherWords(text.found, hits);
      if (more.length > hits.length) {
        if (hits.length) either = true; else most = true;
        hits = more;
      }
    }
    const namedConcepts = [], bridges = {}, spelt = {}, unsaid = Object.assign({}, text.unsaid), forms = [], whole = [];
    used.forEach((u, i) => {
      // An acronym typed as one is marked only as the whole word it was looked up as (lookUpAcronym).
      // (Not when no note writes it and it was looked up as any word: GRP marks GRPO.)
      for (const w of u.words || [[u.word, u.typed, u.acronym && text.found[i].acronym]]) if (w[2] && !whole.includes(w[0])) whole.push(w[0]);
      if (u.joined !== undefined) {
        words = words.concat(u.words.map((w) => w[0]), [u.joined]);
        // A person's name part (ji-rong): its halves marked only whole, not Jinhao, Jiang, Jie.
        if (text.found[i].person) for (const w of u.words) if (!whole.includes(w[0])) whole.push(w[0]);
        for (const [d, not] of Object.entries(text.found[i].unsaid)) unsaid[d] = (unsaid[d] || []).concat(not);
        return;
      }
      if (u.concept === undefined) {
        words.push(u.word);
        for (const p of (text.found[i] && text.found[i].parts) || []) if (!words.includes(p)) words.push(p);
        // 강ㅎ, found by 강화학습 (a tag's label): the concepts its words name are marked, as 강화학습's.
        for (const n of begunConcepts(text.found[i] && text.found[i].begun)) if (!namedConcepts.includes(n)) namedConcepts.push(n);
        return;
      }
      spelt[u.concept] = u.words.map((w) => w[0]);
      words = words.concat(spelt[u.concept]);
      forms.push(...(text.found[i].forms || []));
      namedConcepts.push(u.concept);
      for (const d of Object.keys(text.found[i].bridged)) (bridges[d] = bridges[d] || []).push([u.concept, u.key]);
    });
    if (named.tags.length) {
      const hit = new Map(hits.map((h) => [h[0], h]));
      if (named.hash && used.length) {
        hits = hits.filter((h) => tagged.has(String(h[0])));      // #tag words: within the tag
      } else {
        // The tag's notes first (best text match first, then newest), then the other matches.
        const first = order.map((d) => hit.get(d) || [d, 0, 0]);
        first.sort(byRank);
        hits = first.concat(hits.filter((h) => !tagged.has(String(h[0]))));
      }
    }
    // Nothing found: the words (as typed) that no note holds, which the box names.
    const missing = hits.length ? [] : used.filter((u, i) => !Object.keys(text.found[i].scores).length)
      .map(said);
    // The common words left out, generic ones first left out or not, in the query's order.
    const left = new Set(common || []), commonWords = all.filter((u) => ignored.includes(u) || left.has(said(u))).map(said);
    for (const w of left) if (!commonWords.includes(w)) commonWords.push(w);
    // Function words are not marked when the query has other words to mark (nor a phrase of them:
    // the glossary's theory of mind is marked whole, its "of" nowhere else).
    const unmarked = words.some((w) => !FUNCTION.has(w)) ? words.filter((w) => FUNCTION.has(w)) : [];
    // A word corrected to one the search then left out is named as the reader typed it, and not
    // offered as a correction too: a long Korean sentence both left out and suggested 학습시키
    // (typed 학습시킬, a form of no note's word).
    const typedAs = new Map(Object.entries(corrected).map(([typed, fix]) => [fix, typed]));
    const leftOut = new Set([...(dropped || []), ...(apart || [])]);
    // Nor when nothing is found: a correction that finds nothing is no answer (투오 자오 offered
    // "did you mean: 투오 나오", which finds nothing too).
    const offered = hits.length ? Object.fromEntries(Object.entries(corrected).filter(([, fix]) => !leftOut.has(fix))) : {};
    const asTyped = (list) => (list || []).map((w) => typedAs.get(w) || w);
    return { hits, words, whole, unmarked, forms, concepts: namedConcepts, spelt, bridges, unsaid, tags: named.tags, tagged: Array.from(tagged), corrected: offered, romanised: Boolean(romanised), namedAfter: romanised === "after", missing,
      most: Boolean(most), either, dropped: asTyped(dropped), common: commonWords, ignored: ignored.map(said), apart: asTyped(apart), partial: text.found.some((f) => f.partial) };
  }).then((result) => (asCorrected ? result : Promise.resolve(searchCorrected(q, result)).then(labelledTags)));
}

/* A query the box corrected (reasonng: reasoning; 강화핛습: 강화학습; reward modle) searched again
 * as corrected, as if typed: the tags it names linked (reasonng showed no 태그: 추론, which
 * reasoning shows) and its notes ranked as for the words themselves (the tag's notes first:
 * reasonng put Reasons to Reject first, reasoning does not), the correction still offered. Not a
 * Hangul name's Latin spelling (romanised: found as a name), nor a correction of what the query
 * does not write apart (a name's part): then `result` as it is; so when the corrected query finds
 * nothing again. */
function searchCorrected(q, result) {
  const fixes = result.corrected, typed = Object.keys(fixes);
  if (!typed.length || result.romanised) return result;
  const parts = q.trim().split(/(\s+)/);
  if (!typed.every((w) => parts.includes(w))) return result;
  const fixed = parts.map((t) => (Object.prototype.hasOwnProperty.call(fixes, t) ? fixes[t] : t)).join("");
  return search(fixed, true).then((again) => (again.hits.length ? Object.assign(again, { corrected: fixes }) : result));
}

/* The [slug, title, date, ko, en, authors] rows of `docs`. */
export function loadCards(docs) {
  const shard = meta.card_shard;
  return Promise.all(docs.map((d) => loadFile(meta.cards.replace("{n}", String(Math.floor(d / shard)))).then((rows) => rows[d % shard])));
}

/* [abstract (plain text), the authors the card leaves out] of each of `docs`, a Map from each doc;
 * loaded only for results whose card does not show why they matched (render.explained). None
 * from an index without them. */
export function loadAbstracts(docs) {
  const shard = meta.card_shard;
  if (!meta.abstracts) return Promise.resolve(new Map());
  return Promise.all(docs.map((d) => loadFile(meta.abstracts.replace("{n}", String(Math.floor(d / shard)))).then((rows) => [d, rows[d % shard]])))
    .then((pairs) => new Map(pairs));
}
