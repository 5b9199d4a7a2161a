/* Words as search sees them: the tokenizer, the English stemmer, Korean particles and endings, and
 * the glossary's phrases. The twin of hooks/papernotes/text/words.py and outputs/concepts.py: each
 * function here must give what its Python namesake gives (compared in Chromium by
 * tests/test_reader_browser.py and tests/test_search_browser.py).
 *
 * The tables (particles, endings, the joiner's characters, which words are stemmed, the longest
 * glossary form) are not written here: the build writes them into search/meta.json from the
 * Python, and engine.js hands them to `configure` when it loads that file. What stays here is
 * what cannot travel as data: the regular expressions of a token (JavaScript spells \p{...} what
 * Python spells [^\W_]), compared with the Python by the tests. */

import { EnglishStemmer } from "./snowball-english.js";

const WORD = /\p{Nd}+(?:\.\p{Nd}+)+|[\p{L}\p{N}]+/gu;   // words.TOKEN
const MARKS = /\p{Mn}/gu;
const ASCII = /^[\x00-\x7f]*$/;
export const HANGUL = /\p{Script=Hangul}/u;
export const HANGUL_ONLY = /^[\uac00-\ud7a3]+$/;       // search_index.HANGUL_WORD
export const ARXIV_ID = /^\d{4}\.\d{4,5}$/;            // a new-style arXiv id as a query word (queryWord)
const LATIN_ENDING = /^([a-z0-9]*[a-z][a-z0-9]*)[\uac00-\ud7a3]+$/;   // words._LATIN_ENDING

/* What meta.json says (see `configure`); null until the engine has loaded it. */
export let tables = null;
let joiner = null;
let stemmable = null;
let arxivReference = null;

function longestFirst(list) { return (list || []).slice().sort((a, b) => b.length - a.length); }

function characterClass(chars) { return "[" + chars.replace(/[\\\]^-]/g, "\\$&") + "]*"; }

/* Take the tables of search/meta.json's `words`, `particles` and `endings`. */
export function configure(meta) {
  const w = meta.words;
  joiner = new RegExp("^" + characterClass(w.joiner) + "(?:\\n" + characterClass(w.joiner) + ")?$");
  stemmable = new RegExp("^(?:" + w.stemmable + ")$");
  arxivReference = new RegExp(w.arxiv, "gi");
  tables = { particles: longestFirst(meta.particles), endings: longestFirst(meta.endings), maxFormWords: w.max_form_words,
    minPart: meta.min_part, plural: w.plural || "", verbForms: w.verb_forms || [] };
}

/* Letters with a stroke and Latin ligatures, which have no accent to drop (names.UNDECOMPOSED). */
const UNDECOMPOSED = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ƀ": "b", "æ": "ae", "œ": "oe", "þ": "th" };
const STROKED = new RegExp(`[${Object.keys(UNDECOMPOSED).join("")}]`, "g");

/* `token` without accents (é -> e, ł -> l, æ -> ae); Hangul and plain ASCII unchanged (words.fold). */
export function fold(token) {
  return ASCII.test(token) ? token : token.normalize("NFD").replace(MARKS, "").normalize("NFC").replace(STROKED, (c) => UNDECOMPOSED[c]);
}

/* The terms of `text`, in order, with repeats (words.tokenize). */
export function tokenize(text) {
  return (String(text).normalize("NFC").toLowerCase().match(WORD) || []).map(fold);
}

/* The words of `text` as { tokens (as tokenize gives them), joined (whether only the joiner parts a
 * word from the next), at (each word's [start, end] in `text` itself, for marking) }: what
 * words.tokenize_joined gives. `raw`: the offsets are those of `text` as given (its case and
 * normalisation kept), for marking an excerpt; otherwise of its NFC lower-case form. */
export function tokenizeJoined(text, raw) {
  const source = raw ? String(text) : String(text).normalize("NFC").toLowerCase();
  const re = new RegExp(WORD.source, "gu"), out = { tokens: [], joined: [], at: [] };
  let m, end = -1;
  while ((m = re.exec(source)) !== null) {
    if (end >= 0) out.joined.push(joiner.test(source.slice(end, m.index)));
    out.tokens.push(fold(raw ? m[0].normalize("NFC").toLowerCase() : m[0]));
    out.at.push([m.index, m.index + m[0].length]);
    end = m.index + m[0].length;
  }
  if (out.tokens.length) out.joined.push(false);
  return out;
}

// --- the English stemmer: Snowball's own (snowball-english.js), as papernotes.text.stemmer.stem ---
const snowball = new EnglishStemmer();
const stems = new Map();

/* The Snowball English stem of `word`, or `word` itself when it is not stemmable (3+ lower-case
 * ASCII letters). Memoised: a page of results repeats its words. */
export function stem(word) {
  if (!stemmable.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) stems.set(word, (s = snowball.stemWord(word)));
  return s;
}

// --- the light form: a query-side heuristic of the box (no Python twin, nothing stored) ---
// Snowball's steps 1a-1c only (plurals, -ed, -ing, a final y), as the algorithm describes them:
// Snowball's generated code runs its steps as one, so they are written out here. Letters are
// vowels when in "aeiouy"; a y after a vowel or at the start is written Y (a consonant) meanwhile.
const UNCHANGED = new Set(["skis", "skies", "idly", "gently", "ugly", "early", "only", "singly", "sky", "news", "howe",
  "atlas", "cosmos", "bias", "andes"]);        // Snowball's exceptional words: their own light form
const R1_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];
const ING_WHOLE = new Set(["even", "cann", "inn", "earr", "herr", "out"]);   // evening, canning... stay
const EED_WHOLE = new Set(["succ", "proc", "exc"]);                          // succeed, proceed, exceed stay
const DOUBLES = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);

function vowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
function hasVowel(w) { for (const c of w) if (vowel(c)) return true; return false; }
function shortSyllable(w, end) {
  const last = w[end - 1];
  if (end >= 3 && !vowel(w[end - 3]) && vowel(w[end - 2]) && !vowel(last) && last !== "w" && last !== "x" && last !== "Y") return true;
  if (end === 2 && vowel(w[0]) && !vowel(w[1])) return true;
  return end >= 4 && w.slice(end - 4, end) === "past";
}

/* `word` without its inflection (steps 1a-1c), Y for a consonant y. */
function step1(word) {
  let w = "";
  for (let i = 0; i < word.length; i++) w += word[i] === "y" && (i === 0 || vowel(w[i - 1])) ? "Y" : word[i];
  // R1: after the first non-vowel that follows a vowel, or after one of R1_PREFIXES
  let p1 = -1;
  for (const prefix of R1_PREFIXES) if (w.startsWith(prefix)) p1 = prefix.length;
  if (p1 < 0) {
    let i = 0;
    while (i < w.length && !vowel(w[i])) i++;
    while (i < w.length && vowel(w[i])) i++;
    p1 = i < w.length ? i + 1 : w.length;
  }
  // Step 1a: plurals
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ied") || w.endsWith("ies")) w = w.slice(0, -3) + (w.length - 3 >= 2 ? "i" : "ie");
  else if (w.endsWith("us") || w.endsWith("ss")) { /* kept */ }
  else if (w.endsWith("s") && hasVowel(w.slice(0, -2))) w = w.slice(0, -1);
  // Step 1b: -eed, -ed, -ing and their -ly forms
  const suffix = ["eedly", "ingly", "edly", "eed", "ing", "ed"].find((s) => w.endsWith(s));
  if (suffix === "eed" || suffix === "eedly") {
    const pre = w.slice(0, -suffix.length);
    if (pre.length >= p1 && !EED_WHOLE.has(pre)) w = pre + "ee";
  } else if (suffix !== undefined) {
    const pre = w.slice(0, -suffix.length);
    if (suffix === "ing" && ING_WHOLE.has(pre)) { /* kept */ }
    else if (suffix === "ing" && pre.length === 2 && pre[1] === "y" && !vowel(pre[0])) w = pre[0] + "ie";   // dying, lying
    else if (hasVowel(pre)) {
      w = pre;
      const n = w.length;
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      else if (n >= 2 && DOUBLES.has(w.slice(-2))) {
        if (!(n === 3 && "aeo".includes(w[0]))) w = w.slice(0, -1);
      } else if (n === p1 && shortSyllable(w, n)) w += "e";
    }
  }
  // Step 1c: a final y or Y after a non-vowel that is not the first letter
  const n = w.length;
  if (n >= 3 && (w[n - 1] === "y" || w[n - 1] === "Y") && !vowel(w[n - 2])) w = w.slice(0, -1) + "i";
  return w;
}

const lights = new Map();

/* A query word's light form: without its inflection and a final e, so that it starts its other
 * inflections and the words made from it: generalizes -> generaliz (generalize, generalized,
 * generalization), verifying -> verifi (verified, verification). Words that are not stemmed are
 * their own light form. Computed in the box only (on the query word and on the terms its
 * prefixes load), never stored in the index. */
export function light(word) {
  if (!stemmable.test(word) || UNCHANGED.has(word)) return word;
  let w = lights.get(word);
  if (w === undefined) {
    w = step1(word).replace(/Y/g, "y");
    if (w.endsWith("e")) w = w.slice(0, -1);
    lights.set(word, w);
  }
  return w;
}

const ACRONYM_PLURAL = /^[b-df-hj-np-tv-xz]{2,}s$/;   // words._ACRONYM_PLURAL

/* An acronym's plural without its s (llms -> llm, prms -> prm, vlms -> vlm), or null: a word of
 * consonants only (no vowel, as acronyms are read) ending in s (words._ACRONYM_PLURAL). Snowball
 * leaves it whole (no vowel before the s), so `PRMs` found only the notes writing PRMs, not
 * those writing PRM. */
export function acronymSingular(word) {
  return ACRONYM_PLURAL.test(word) ? word.slice(0, -1) : null;
}

/* Whether `typed` (a query word as the reader typed it, case kept) writes the query word `word`
 * (its lower-case Latin letters, without a Korean ending: RLHF를 -> rlhf) as an acronym: 2 to 5
 * letters, two or more of them capitals (ToM, AIME, RLHF, LLaMA, MoE), a plural s allowed after a
 * capital (LLMs, ToMs). The search looks such a word up whole (ToM is not tomorrow, Thomas or "to
 * models", AIME not aim); written in lower case (tom, aime), it is any word. Longer names with
 * capitals (NeurIPS, DeepSeek, OpenAI) are words that start longer ones. Query-side only. */
export function typedAcronym(typed, word) {
  const m = /^([A-Za-z]+?)((?<=[A-Z])s)?[\uac00-\ud7a3]*$/.exec(typed);
  if (!m || !/^[a-z]+$/.test(word)) return false;
  const letters = m[1], capitals = (letters.match(/[A-Z]/g) || []).length;
  return (word === letters.toLowerCase() || word === (letters + (m[2] || "")).toLowerCase()) &&
    letters.length >= 2 && letters.length <= 5 && capitals >= 2;
}

// --- Korean particles and endings ---

/* `word` without one trailing Korean particle of `particles` (longest first), as
 * words.strip_particle; at least one syllable stays. */
export function stripParticle(word, particles) {
  for (const p of particles) {
    if (word.length > p.length && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return word;
}

/* `word` without what Korean wrote after it, as words.without_ending: the Korean ending of an
 * English word (distill된 -> distill), else a verb ending (보정된 -> 보정), else one particle, and
 * then the plural suffix (모델들의 -> 모델); an acronym's plural without its s (PRMs, PRMs를 ->
 * prm: acronymSingular). */
export function withoutEnding(word) {
  const latin = LATIN_ENDING.exec(word), one = acronymSingular(latin ? latin[1] : word);
  if (one !== null) return one;
  if (latin) return latin[1];
  const bare = stripParticle(word, tables.endings);
  return withoutPlural(bare !== word ? bare : stripParticle(word, tables.particles));
}

/* `word` without the Korean plural suffix (words._without_plural: 모델들 -> 모델) when min_part
 * syllables stay (그들 stays). */
function withoutPlural(word) {
  const p = tables.plural;
  return p && word.endsWith(p) && word.length - p.length >= tables.minPart && HANGUL_ONLY.test(word) ? word.slice(0, -p.length) : word;
}

/* [word, as typed] of the i-th of a query's `tokens`, or null for the version after an arXiv id
 * (2401.12340v2 -> 2401.12340: notes hold ids without one) and for a particle or ending that
 * follows another word on its own (“보상 해킹”을, (GRPO)를, Qwen 2.5의: the tokenizer parts 2.5
 * from 의 and a quote or bracket from 을), which would be a prefix of every word starting with it
 * (의미, 의사), required of every note. A Korean word loses one trailing
 * particle (보상을 -> 보상, so it also finds 보상은) or verb ending (설계된 -> 설계, distill된 ->
 * distill: withoutEnding, as the glossary's matching does) but is also looked up as typed, since a last
 * syllable that looks like a particle may be part of the word (추론경로 is not 추론경 + 로). A word
 * of Hangul keeps at least min_part syllables: 평가, 정의 and 온도 are nouns, not 평, 정 and 온 (every
 * word starting with that syllable) with a particle. */
export function queryWord(tokens, i) {
  const typed = tokens[i];
  if (i > 0 && /^v\d*$/.test(typed) && ARXIV_ID.test(tokens[i - 1])) return null;   // its version, or the v of one being typed
  if (i > 0 && (tables.particles.includes(typed) || tables.endings.includes(typed))) return null;
  if (!HANGUL.test(typed)) return [typed, typed];
  const bare = withoutEnding(typed);
  if (HANGUL_ONLY.test(bare) && bare.length < tables.minPart) return [typed, typed];
  // A noun made an adjective by 적 (수학적, 효율적으로): the noun, which finds it as a prefix too (수학적
  // 추론 found 3 notes where 수학 추론 found 7: a search QA pass); two syllables stay (목적, 궤적 are nouns).
  return [bare.length > tables.minPart && bare.endsWith("적") && HANGUL_ONLY.test(bare) ? bare.slice(0, -1) : bare, typed];
}

/* `query` with each arXiv id written as a reader pastes it (arXiv:2401.12340, an arxiv.org or
 * Hugging Face link, the arXiv DOI; any version) as the bare id, the one form notes are indexed by
 * (search_index.ARXIV_REFERENCE): `arxiv`, `https` or `abs` would otherwise be words no note holds. */
export function bareArxivIds(query) {
  return String(query).replace(arxivReference, " $1 ").replace(UNDOTTED_ID, (m, pre, ym, gap, n) => {
    const year = Number(ym.slice(0, 2));
    return n.length === (year >= 15 ? 5 : 4) && year >= 7 ? `${pre}${ym}.${n}` : m;
  });
}
/* An id typed without its dot (251006557) or with a space for it (2510 06557): a year and month
 * (07-99, 01-12), then the number of digits arXiv gave that year (five from 2015, four before). */
const UNDOTTED_ID = /(^|[^\d.])(\d{2}(?:0[1-9]|1[0-2]))( ?)(\d{4,5})(?![\d.])/g;

/* `query` with full-width Latin letters, digits and signs (a Korean keyboard's 전각 mode: ＲＬＨＦ,
 * ２５０５．１６２６５) and the ideographic space as the ASCII ones notes are written and indexed in,
 * and without the invisible characters a paste may carry (a zero-width space inside 보상 made it
 * two words, 보 and 상: every note with a word starting with either). */
export function halfWidth(query) {
  return String(query).replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/* `query` with its runs of lone Hangul letters composed into syllables, as a keyboard's input
 * method would have: ㄱㅏㅇㅎㅘ (compatibility jamo, U+3131-U+3163: some phone keyboards and input
 * methods, a paste) is 강화, ㄱㅏㅇㅎㅗㅏ too; conjoining jamo (U+1100-U+11FF: decomposed text) are
 * composed by NFC, and any left alone read as the compatibility letter. Only a run that holds a
 * lone vowel is composed (강ㅎ and ㅋㅋ are typed so). A consonant after a vowel closes its
 * syllable when another consonant or another word follows; at the query's end it stays a lone
 * consonant, as it may begin the next syllable (ㄱㅏㅇ is 가ㅇ: 강, or 가 and a syllable ㅇ begins,
 * as engine.begunWord reads it). */
const LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const TAILS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
const VOWEL_PAIRS = { ㅗㅏ: "ㅘ", ㅗㅐ: "ㅙ", ㅗㅣ: "ㅚ", ㅜㅓ: "ㅝ", ㅜㅔ: "ㅞ", ㅜㅣ: "ㅟ", ㅡㅣ: "ㅢ" };
const TAIL_PAIRS = { ㄱㅅ: "ㄳ", ㄴㅈ: "ㄵ", ㄴㅎ: "ㄶ", ㄹㄱ: "ㄺ", ㄹㅁ: "ㄻ", ㄹㅂ: "ㄼ", ㄹㅅ: "ㄽ", ㄹㅌ: "ㄾ", ㄹㅍ: "ㄿ", ㄹㅎ: "ㅀ", ㅂㅅ: "ㅄ" };
// Conjoining jamo NFC leaves alone, as the compatibility letters: leads U+1100-U+1112, vowels U+1161-U+1175, tails U+11A8-U+11C2.
const CONJOINING = [[0x1100, LEADS], [0x1161, VOWELS], [0x11a8, TAILS.slice(1)]];
export function composeJamo(query) {
  const text = String(query).normalize("NFC").replace(/[\u1100-\u11ff]/g, (c) => {
    for (const [from, letters] of CONJOINING) {
      const i = c.charCodeAt(0) - from;
      if (i >= 0 && i < letters.length) return letters[i];
    }
    return c;
  });
  return text.replace(/[\uac00-\ud7a3\u3131-\u3163]+/g, (run, at) => (/[\u314f-\u3163]/.test(run)
    ? composeRun(run, /\S/.test(text.slice(at + run.length))) : run));
}

/* `run` composed; `inner`: more of the query follows it (its last consonant closes a syllable). */
function composeRun(run, inner) {
  const out = [], vowel = (c) => c !== undefined && VOWELS.includes(c), lead = (c) => c !== undefined && LEADS.includes(c);
  const syllable = (l, v, t) => String.fromCharCode(0xac00 + (l * 21 + v) * 28 + t);
  let i = 0;
  while (i < run.length) {
    const c = run[i], code = out.length ? out[out.length - 1].charCodeAt(0) - 0xac00 : -1;
    // The last syllable so far, open (no final consonant): [lead, vowel], else null.
    const open = code >= 0 && code < 11172 && code % 28 === 0 ? [Math.floor(code / 588), (code / 28) % 21] : null;
    const pair = open && VOWEL_PAIRS[VOWELS[open[1]] + c], tails = open && TAIL_PAIRS[c + run[i + 1]];
    if (lead(c) && vowel(run[i + 1])) {                     // a consonant and a vowel begin a syllable
      let v = run[i + 1];
      i += 2;
      if (VOWEL_PAIRS[v + run[i]]) v = VOWEL_PAIRS[v + run[i++]];
      out.push(syllable(LEADS.indexOf(c), VOWELS.indexOf(v), 0));
    } else if (pair) {                                       // 고 + ㅏ: 과
      out[out.length - 1] = syllable(open[0], VOWELS.indexOf(pair), 0);
      i++;
    } else if (tails && (i + 2 < run.length ? !vowel(run[i + 2]) : inner)) {   // 달 + ㄱ before a consonant: 닭
      out[out.length - 1] = syllable(open[0], open[1], TAILS.indexOf(tails));
      i += 2;
    } else if (open && TAILS.indexOf(c) > 0 && (i + 1 < run.length ? !vowel(run[i + 1]) : inner)) {   // 가 + ㅇ before ㅎ: 강
      out[out.length - 1] = syllable(open[0], open[1], TAILS.indexOf(c));
      i++;
    } else {
      out.push(c);
      i++;
    }
  }
  return out.join("");
}

/* `query` without what an apostrophe (' ’ ʼ) cuts off a word: an English clitic (don't, it's,
 * Bayes's, we'll -> don, it, Bayes, we) and a one-letter prefix (O'Neil, d'Alembert -> Neil,
 * Alembert). Split off, its `t`, `s` or `o` would be a query word of one letter: a prefix of
 * every word starting with it, required of each note and marked in every result. */
export function withoutApostrophes(query) {
  return String(query).replace(/(\p{L})['\u2019\u02bc](?:s|t|d|ll|re|ve|m)(?![\p{L}\p{N}])/giu, "$1")
    .replace(/(?<![\p{L}\p{N}])\p{L}['\u2019\u02bc](?=\p{L})/gu, "");
}

/* The distinct words a query looks up, each matched as a prefix (see queryWord). */
export function queryWords(query) {
  const seen = new Set(), out = [], tokens = tokenize(bareArxivIds(withoutApostrophes(halfWidth(query))));
  tokens.forEach((typed, i) => {
    const w = queryWord(tokens, i);
    if (w && !seen.has(w[0])) { seen.add(w[0]); out.push(w[0]); }
  });
  return out;
}

// --- glossary concepts: must find what papernotes.outputs.concepts.ConceptMatcher finds ---

/* What a phrase is compared by, whatever its spacing, case and inflection (words.phrase_key). */
export function phraseKey(text) { return tokenize(text).map(keyStem).join(""); }

const AGENT = /^[a-z]+(?:er|or)$/;   // words._AGENT

/* What phraseKey writes for one word (words.key_stem): its stem, but an agent noun the stemmer
 * shortens to its verb (transformer, verifier, generator), or its plural, is the noun itself:
 * 트랜스포머 found a note titled Transforming. */
export function keyStem(word) {
  const root = stem(word), noun = word.endsWith("s") ? word.slice(0, -1) : word;
  return root !== noun && AGENT.test(noun) && stem(noun) === root ? noun : root;
}

/* The glossary of meta.json ([[en forms], [ko forms]] per concept, concept n's term @n) ready to
 * find: { keys: Map(phrase key -> n), heads: Set(every beginning of a key), forms: Map(key -> form), list }. */
export function buildConcepts(glossary) {
  const c = { keys: new Map(), heads: new Set(), forms: new Map(), list: glossary || [] };
  c.list.forEach((concept, n) => {
    for (const form of concept[0].concat(concept[1])) {
      const key = phraseKey(form);
      if (!c.keys.has(key)) { c.keys.set(key, n); c.forms.set(key, form); }
      for (let i = 1; i <= key.length; i++) c.heads.add(key.slice(0, i));
    }
  });
  // A term of two words typed half in each language (reward 해킹, 보상 hacking: a search QA pass got
  // the notes of reward alone, 해킹 left out): each English form of two words with each Korean one,
  // word for word in order (their compounds put the head last alike: reward model, 보상 모델). A
  // form of the glossary's own keeps its key.
  c.list.forEach((concept, n) => {
    const pairs = (forms) => forms.map((f) => [f.trim().split(/\s+/), tokenize(f)]).filter(([w, t]) => w.length === 2 && t.length === 2);   // concepts._two_words
    for (const [ew, et] of pairs(concept[0])) {
      for (const [kw, kt] of pairs(concept[1])) {
        for (const [words, tokens] of [[[ew[0], kw[1]], [et[0], kt[1]]], [[kw[0], ew[1]], [kt[0], et[1]]]]) {
          const key = tokens.map(keyStem).join("");
          if (c.keys.has(key)) continue;
          c.keys.set(key, n);
          c.forms.set(key, words.join(" "));
          for (let i = 1; i <= key.length; i++) c.heads.add(key.slice(0, i));
        }
      }
    }
  });
  return c;
}

/* [first word, last word, concept, key, particle: the letters of a particle after it] of the
 * longest run of `words` (tokenizeJoined) naming a concept from each word, or of every such run
 * (`every`); see ConceptMatcher.runs. */
export function conceptRuns(c, words, every) {
  const out = [], tokens = words.tokens, joined = words.joined;
  for (let start = 0; start < tokens.length; start++) {
    let head = "", found = null;
    for (let end = start; end < Math.min(tokens.length, start + tables.maxFormWords); end++) {
      const token = tokens[end], base = keyStem(token);
      let key = head + base, particle = 0;
      if (!c.keys.has(key)) {
        const bare = withoutEnding(token);
        key = bare !== token ? head + keyStem(bare) : null;
        if (key !== null && !c.keys.has(key)) key = null;
        particle = token.length - bare.length;
      }
      if (key !== null) {
        found = [start, end, c.keys.get(key), key, particle];
        if (every) out.push(found);
      }
      head += base;
      if (!joined[end] || !c.heads.has(head)) break;
    }
    if (found !== null && !every) out.push(found);
  }
  return out;
}
