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
  var STEMMED = 0.9;                                // an English word found by its stem only
  var SPLIT = 0.8;                                  // a Korean compound found by its two parts
  var LIGHT_MIN = 4;                                // shortest light form looked up (see light)
  var HANGUL_ONLY = /^[\uac00-\ud7a3]+$/;
  var SPELLABLE = /^[a-z]+$/;

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

  // What may part two words of one phrase (words.JOINER): spaces and hyphens, at most one line break.
  var JOINER = /^[ \t\u00a0\-\u2010\u2011]*(?:\n[ \t\u00a0\-\u2010\u2011]*)?$/;

  /* The words of `text` as { tokens (as tokenize gives them), joined (whether only JOINER parts a
   * word from the next), at (each word's [start, end] in `text` itself, for marking) }: must
   * give what words.tokenize_joined gives. `raw`: the offsets are those of `text` as given (its
   * case and normalisation kept), for marking an excerpt; otherwise of its NFC lower-case form. */
  function tokenizeJoined(text, raw) {
    var source = raw ? String(text) : String(text).normalize("NFC").toLowerCase();
    var re = new RegExp(WORD.source, "gu"), m, end = -1, out = { tokens: [], joined: [], at: [] };
    while ((m = re.exec(source)) !== null) {
      if (end >= 0) out.joined.push(JOINER.test(source.slice(end, m.index)));
      out.tokens.push(fold(raw ? m[0].normalize("NFC").toLowerCase() : m[0]));
      out.at.push([m.index, m.index + m[0].length]);
      end = m.index + m[0].length;
    }
    if (out.tokens.length) out.joined.push(false);
    return out;
  }

  // --- the Snowball English (Porter2) stemmer: must give exactly what papernotes.text.stemmer.stem
  // gives (the snowballstemmer package; compared in Chromium over a large word list). Written from
  // the algorithm's description at snowballstem.org (English, Snowball 3). Letters are vowels when
  // in "aeiouy"; a y after a vowel or at the start is written Y (a consonant) while stemming. ---
  var STEMMABLE = /^[a-z]{3,}$/;
  var WHOLE = { skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli",
    singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias",
    andes: "andes" };                             // words stemmed as a whole (or left alone)
  var R1_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];
  var ING_WHOLE = { even: 1, cann: 1, inn: 1, earr: 1, herr: 1, out: 1 };   // evening, canning... stay
  var EED_WHOLE = { succ: 1, proc: 1, exc: 1 };   // succeed, proceed, exceed stay
  var DOUBLES = { bb: 1, dd: 1, ff: 1, gg: 1, mm: 1, nn: 1, pp: 1, rr: 1, tt: 1 };
  // [suffix, replacement], longest first; the longest suffix that ends the word decides.
  var P2_STEP2 = [["ational", "ate"], ["ization", "ize"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"],
    ["tional", "tion"], ["biliti", "ble"], ["lessli", "less"], ["entli", "ent"], ["ation", "ate"], ["alism", "al"],
    ["aliti", "al"], ["ousli", "ous"], ["iviti", "ive"], ["fulli", "ful"], ["ogist", "og"], ["enci", "ence"],
    ["anci", "ance"], ["abli", "able"], ["izer", "ize"], ["ator", "ate"], ["alli", "al"], ["bli", "ble"],
    ["ogi", "og"], ["li", ""]];
  var P2_STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
    ["ative", ""], ["ical", "ic"], ["ness", ""], ["ful", ""]];
  var P2_STEP4 = ["ement", "ment", "ance", "ence", "able", "ible", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
    "ize", "ion", "al", "er", "ic"];

  function vowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y"; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function hasVowel(w) { for (var i = 0; i < w.length; i++) if (vowel(w[i])) return true; return false; }
  /* The position after the first non-vowel that follows a vowel, from `from` on; w.length if none. */
  function afterVC(w, from) {
    var i = from;
    while (i < w.length && !vowel(w[i])) i++;
    while (i < w.length && vowel(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  }
  /* Whether w (its first `end` letters) ends in a short syllable. */
  function shortSyllable(w, end) {
    var last = w[end - 1];
    if (end >= 3 && !vowel(w[end - 3]) && vowel(w[end - 2]) && !vowel(last) && last !== "w" && last !== "x" && last !== "Y") return true;
    if (end === 2 && vowel(w[0]) && !vowel(w[1])) return true;
    return end >= 4 && w.slice(end - 4, end) === "past";
  }
  function longest(w, table) {                     // the first entry of `table` (longest first) ending w
    for (var i = 0; i < table.length; i++) if (ends(w, table[i][0])) return table[i];
    return null;
  }

  /* The word as the steps see it: { w: with Y for a consonant y, p1, p2: where R1 and R2 start }. */
  function prepare(word) {
    var w = "", i;
    for (i = 0; i < word.length; i++) w += word[i] === "y" && (i === 0 || vowel(w[i - 1])) ? "Y" : word[i];
    // R1: after the first non-vowel that follows a vowel (or after one of R1_PREFIXES); R2: the same from R1
    var p1 = -1;
    for (i = 0; i < R1_PREFIXES.length; i++) if (w.slice(0, R1_PREFIXES[i].length) === R1_PREFIXES[i]) p1 = R1_PREFIXES[i].length;
    if (p1 < 0) p1 = afterVC(w, 0);
    return { w: w, p1: p1, p2: afterVC(w, p1) };
  }

  /* Steps 1a-1c (plurals, -ed, -ing, y): the word without its inflection, in `state`. */
  function step1(state) {
    var w = state.w, p1 = state.p1, n, pre, i;
    // Step 1a: plurals
    if (ends(w, "sses")) w = w.slice(0, -2);
    else if (ends(w, "ied") || ends(w, "ies")) w = w.slice(0, -3) + (w.length - 3 >= 2 ? "i" : "ie");
    else if (ends(w, "us") || ends(w, "ss")) { /* kept */ }
    else if (ends(w, "s") && hasVowel(w.slice(0, -2))) w = w.slice(0, -1);
    // Step 1b: -eed, -ed, -ing and their -ly forms
    var sufs = ["eedly", "ingly", "edly", "eed", "ing", "ed"], suf = null;
    for (i = 0; i < sufs.length && suf === null; i++) if (ends(w, sufs[i])) suf = sufs[i];
    if (suf === "eed" || suf === "eedly") {
      pre = w.slice(0, -suf.length);
      if (pre.length >= p1 && !EED_WHOLE.hasOwnProperty(pre)) w = pre + "ee";
    } else if (suf !== null) {
      pre = w.slice(0, -suf.length);
      if (suf === "ing" && ING_WHOLE.hasOwnProperty(pre)) { /* kept */ }
      else if (suf === "ing" && pre.length === 2 && pre[1] === "y" && !vowel(pre[0])) w = pre[0] + "ie";   // dying, lying
      else if (hasVowel(pre)) {
        w = pre;
        n = w.length;
        if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w += "e";
        else if (n >= 2 && DOUBLES.hasOwnProperty(w.slice(-2))) {
          if (!(n === 3 && "aeo".indexOf(w[0]) >= 0)) w = w.slice(0, -1);
        } else if (n === p1 && shortSyllable(w, n)) w += "e";
      }
    }
    // Step 1c: a final y or Y after a non-vowel that is not the first letter
    n = w.length;
    if (n >= 3 && (w[n - 1] === "y" || w[n - 1] === "Y") && !vowel(w[n - 2])) w = w.slice(0, -1) + "i";
    state.w = w;
    return state;
  }

  var stems = {};
  function stem(word) {
    if (!STEMMABLE.test(word)) return word;
    if (Object.prototype.hasOwnProperty.call(stems, word)) return stems[word];
    if (Object.prototype.hasOwnProperty.call(WHOLE, word)) return (stems[word] = WHOLE[word]);
    var state = step1(prepare(word)), w = state.w, p1 = state.p1, p2 = state.p2, n, pre, hit, suf, i;
    // Steps 2 and 3: the longest listed suffix, replaced when it lies in R1
    hit = longest(w, P2_STEP2);
    if (hit && w.length - hit[0].length >= p1) {
      pre = w.slice(0, -hit[0].length);
      if (hit[0] === "ogi") { if (ends(pre, "l")) w = pre + "og"; }
      else if (hit[0] === "li") { if (pre.length && "cdeghkmnrt".indexOf(pre[pre.length - 1]) >= 0) w = pre; }
      else w = pre + hit[1];
    }
    hit = longest(w, P2_STEP3);
    if (hit && w.length - hit[0].length >= p1 && (hit[0] !== "ative" || w.length - 5 >= p2)) w = w.slice(0, -hit[0].length) + hit[1];
    // Step 4: the longest listed suffix, deleted when it lies in R2 (-ion only after s or t)
    for (i = 0; i < P2_STEP4.length; i++) {
      suf = P2_STEP4[i];
      if (!ends(w, suf)) continue;
      pre = w.slice(0, -suf.length);
      if (pre.length >= p2 && (suf !== "ion" || ends(pre, "s") || ends(pre, "t"))) w = pre;
      break;
    }
    // Step 5: a final e in R2, or in R1 after no short syllable; a final l in R2 after an l
    n = w.length;
    if (w[n - 1] === "e" && (n - 1 >= p2 || (n - 1 >= p1 && !shortSyllable(w, n - 1)))) w = w.slice(0, -1);
    else if (w[n - 1] === "l" && n - 1 >= p2 && w[n - 2] === "l") w = w.slice(0, -1);
    w = w.replace(/Y/g, "y");
    stems[word] = w;
    return w;
  }

  /* A query word's light form: without its inflection (Snowball's steps 1a-1c) and a final e, so
   * that it starts its other inflections and the words made from it: generalizes -> generaliz
   * (generalize, generalized, generalization), verifying -> verifi (verified, verification).
   * Words that are not stemmed are their own light form. Computed in the box only (on the query
   * word and on the terms its prefixes load), never stored in the index. */
  var lights = {};
  function light(word) {
    if (!STEMMABLE.test(word) || Object.prototype.hasOwnProperty.call(WHOLE, word)) return word;
    if (Object.prototype.hasOwnProperty.call(lights, word)) return lights[word];
    var w = step1(prepare(word)).w.replace(/Y/g, "y");
    if (ends(w, "e")) w = w.slice(0, -1);
    lights[word] = w;
    return w;
  }

  /* The words a query looks up, each matched as a prefix: its distinct terms, a Korean word
   * without one trailing particle (보상을 -> 보상), so it also finds 보상은 and 보상이, and no
   * version after an arXiv id (2401.12340v2 -> 2401.12340: notes hold ids without one). Each as
   * [word, as typed]: a Korean word is also looked up as typed, since a last syllable that looks
   * like a particle may be part of the word (추론경로 is not 추론경 + 로). */
  function queryTerms(query, particles) {
    var byLength = (particles || []).slice().sort(function (a, b) { return b.length - a.length; });
    var seen = {}, terms = [], tokens = tokenize(query);
    tokens.forEach(function (typed, i) {
      var w = queryWord(tokens, i, byLength);
      if (w && !Object.prototype.hasOwnProperty.call(seen, w[0])) { seen[w[0]] = true; terms.push(w); }
    });
    return terms;
  }

  /* [word, as typed] of the i-th of a query's `tokens` (see queryTerms), or null for the version
   * after an arXiv id. `particles`: longest first. */
  function queryWord(tokens, i, particles) {
    var typed = tokens[i];
    if (i > 0 && /^v\d+$/.test(typed) && /^\d{4}\.\d{4,5}$/.test(tokens[i - 1])) return null;
    return [HANGUL.test(typed) ? stripParticle(typed, particles) : typed, typed];
  }

  function queryWords(query, particles) { return queryTerms(query, particles).map(function (t) { return t[0]; }); }

  /* `word` without one trailing Korean particle of `particles` (longest first), as
   * words.strip_particle; at least one syllable stays. */
  function stripParticle(word, particles) {
    for (var j = 0; j < particles.length; j++) {
      var p = particles[j];
      if (word.length > p.length && word.slice(-p.length) === p) return word.slice(0, -p.length);
    }
    return word;
  }

  /* `word` without what Korean wrote after it, as words.without_ending: the Korean ending of an
   * English word (distill된 -> distill), else one of `endings` (보정된 -> 보정), else one particle.
   * `endings` and `particles`: longest first. */
  var LATIN_ENDING = /^([a-z0-9]*[a-z][a-z0-9]*)[\uac00-\ud7a3]+$/;
  function withoutEnding(word, endings, particles) {
    var latin = LATIN_ENDING.exec(word);
    if (latin) return latin[1];
    var bare = stripParticle(word, endings);
    return bare !== word ? bare : stripParticle(word, particles);
  }

  // --- glossary concepts: must find what papernotes.outputs.concepts.ConceptMatcher finds ---
  var MAX_FORM_WORDS = 6;                           // glossary.MAX_FORM_WORDS

  function phraseKey(text) { return tokenize(text).map(stem).join(""); }

  /* The glossary of meta.json ([[en forms], [ko forms]] per concept, concept n's term @n) ready to
   * find: { keys: {phrase key: n}, heads: {every beginning of a key}, forms: {key: form} }. */
  function buildConcepts(glossary, particles, endings) {
    var c = { keys: {}, heads: {}, forms: {}, list: glossary || [], particles: particles, endings: endings };
    c.list.forEach(function (concept, n) {
      concept[0].concat(concept[1]).forEach(function (form) {
        var key = phraseKey(form);
        if (!Object.prototype.hasOwnProperty.call(c.keys, key)) { c.keys[key] = n; c.forms[key] = form; }
        for (var i = 1; i <= key.length; i++) c.heads[key.slice(0, i)] = true;
      });
    });
    return c;
  }

  /* [first word, last word, concept, key, particle: the letters of a particle after it] of the
   * longest run of `words` (tokenizeJoined) naming a concept from each word, or of every such run
   * (`every`); see ConceptMatcher.runs. */
  function conceptRuns(c, words, every) {
    var out = [], tokens = words.tokens, joined = words.joined, has = Object.prototype.hasOwnProperty;
    for (var start = 0; start < tokens.length; start++) {
      var head = "", found = null;
      for (var end = start; end < Math.min(tokens.length, start + MAX_FORM_WORDS); end++) {
        var token = tokens[end], base = stem(token), key = head + base, particle = 0;
        if (!has.call(c.keys, key)) {
          var bare = withoutEnding(token, c.endings, c.particles);
          key = bare !== token ? head + stem(bare) : null;
          if (key !== null && !has.call(c.keys, key)) key = null;
          particle = token.length - bare.length;
        }
        if (key !== null) {
          found = [start, end, c.keys[key], key, particle];
          if (every) out.push(found);
        }
        head += base;
        if (!joined[end] || !has.call(c.heads, head)) break;
      }
      if (found !== null && !every) out.push(found);
    }
    return out;
  }

  // --- the index ---
  var meta = null, metaLoading = null, files = {}, concepts = null;

  function fetchJson(url) {
    return fetch(url.href).then(function (r) {
      if (!r.ok) throw new Error(url.href + ": HTTP " + r.status);
      return r.json();
    });
  }

  function loadMeta() {
    if (!metaLoading) {
      metaLoading = fetchJson(META).then(function (m) {
        var particles = (m.particles || []).slice().sort(function (a, b) { return b.length - a.length; });
        var endings = (m.endings || []).slice().sort(function (a, b) { return b.length - a.length; });
        concepts = buildConcepts(m.glossary, particles, endings);
        meta = m;
        return m;
      }, function (err) {
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

  /* The files of `dir` (meta.chunks), start..last, to load for the terms starting with `word`
   * (`prefix`) or equal to it; null if none can hold it. */
  function span(dir, word, prefix) {
    var start = Math.max(0, lastChunk(dir, word, false));
    var end = prefix ? lastChunk(dir, word + "\uffff", true) : start;
    return end < start ? null : { start: start, end: end, last: Math.min(end, start + MAX_SPAN - 1) };
  }

  function loadSpan(dir, template, s) {
    var loads = [];
    for (var i = s.start; i <= s.last; i++) loads.push(loadFile(template.replace("{name}", dir[i][1])));
    return Promise.all(loads);
  }

  /* { scores: {doc: score}, top: {doc: best weight}, partial: whether the word's terms spanned
   * more than MAX_SPAN files }: the documents holding a term that starts with `word` (or equals it
   * when `exact`), scored by the term's rarity times the posting's weight; a term that is not the
   * word itself nor one of its `forms` (when given: a function of the term) counts PARTIAL. `keep`
   * (a function of the term), when given, says which terms count at all. A weight of meta.title or
   * more says the title holds the term. */
  function lookUp(word, exact, forms, keep) {
    var s = span(meta.chunks, word, !exact);
    if (!s) return Promise.resolve({ scores: {}, top: {}, partial: false, terms: 0 });
    return loadSpan(meta.chunks, meta.terms, s).then(function (parts) {
      var scores = {}, top = {}, terms = 0;
      parts.forEach(function (part) {
        Object.keys(part).forEach(function (term) {
          if (exact ? term !== word : term.slice(0, word.length) !== word) return;
          if (keep !== undefined && !keep(term)) return;
          var postings = part[term];
          terms += postings.length;
          var whole = term === word || (forms !== undefined && forms(term));
          var base = Math.log(1 + meta.docs / postings.length) * (whole ? 1 : PARTIAL);
          var doc = 0;
          for (var j = 0; j < postings.length; j++) {
            var value = postings[j];
            doc += Math.floor(value / 16);
            var score = base * (value % 16);
            if (!(scores[doc] >= score)) scores[doc] = score;
            if (!(top[doc] >= value % 16)) top[doc] = value % 16;
          }
        });
      });
      return { scores: scores, top: top, partial: s.end > s.last, terms: terms };
    });
  }

  /* The documents holding Korean `word` (Hangul only) as written together (a prefix of a term,
   * 추론모델을, or of an inner sub-word, 대형추론모델) or as two adjacent words (the index's pair
   * terms: 추론 모델을 -> _추론모델), best score of the two. */
  function lookUpCompound(word) {
    var looks = [lookUp(word, false)];
    if (meta.pair) looks.push(lookUp(meta.pair + word, false));
    return Promise.all(looks).then(function (found) {
      var scores = {}, top = {}, partial = false;
      found.forEach(function (f) {
        partial = partial || f.partial;
        Object.keys(f.scores).forEach(function (d) {
          if (!(scores[d] >= f.scores[d])) scores[d] = f.scores[d];
          if (!(top[d] >= f.top[d])) top[d] = f.top[d];
        });
      });
      return { scores: scores, top: top, partial: partial };
    });
  }

  /* The other spelling of an English word in -ise/-ize or -yse/-yze and their forms (optimised
   * <-> optimized, organisation <-> organization, analysed <-> analyzed), or null. Snowball stems
   * the two apart (optimis, optim). */
  var SPELLING = /^([a-z]{4,}[iy])([sz])(e|es|ed|ing|ation|ations|er|ers|able)$/;
  function otherSpelling(word) {
    var m = SPELLING.exec(word);
    return m ? m[1] + (m[2] === "s" ? "z" : "s") + m[3] : null;
  }

  /* Scores of one query word: the best of its alternatives per document, and which documents hold
   * it closely (`tight`): as typed (a prefix; its inflections count fully), as a word that starts
   * with its light form and whose stem starts with its stem (generalizes finds generalized,
   * generalization; judges finds judgment; scaled does not find scalar), or, a Korean
   * compound, written together or as two adjacent words (also as typed, particle-like ending
   * kept). Loosely: by its Snowball stem only (generalizes finds general; a stem in -ifi also as
   * -if and back; STEMMED), or a Korean word of 2*min_part+ syllables split in two, each part a
   * prefix anywhere in the note (보상모델 finds 보상 ... 모델; SPLIT). An English word in -ise or
   * -ize is also looked up in the other spelling, alike. Ranking puts close first. */
  function lookUpWord(word, typed, spelt) {
    var min = meta.min_part || 2, alts = [];
    function tight(f) { return [f, 1, true]; }
    function compound(w) { return HANGUL_ONLY.test(w) && w.length >= 2 * min; }
    function split(w) {                            // w in two parts, each a prefix anywhere in the note
      for (var i = min; i <= w.length - min; i++) {
        alts.push(Promise.all([lookUp(w.slice(0, i), false), lookUp(w.slice(i), false)]).then(function (two) {
          var both = {};
          Object.keys(two[0].scores).forEach(function (d) {
            if (two[1].scores[d] !== undefined) both[d] = (two[0].scores[d] + two[1].scores[d]) / 2;
          });
          return [{ scores: both, partial: two[0].partial || two[1].partial }, SPLIT, false];
        }));
      }
    }
    if (compound(word)) {
      alts.push(lookUpCompound(word).then(tight));
      split(word);
    } else {
      // An English word: as typed (its inflections count fully), then its light form among the words
      // of its stem, then its stem alone (loosely).
      var lw = light(word), root = stem(word);
      // -ify and -ification: Snowball stems verify to verifi but verification to verif; each finds the other.
      var kin = ends(root, "ifi") ? root.slice(0, -1) : ends(root, "if") && root !== word ? root + "i" : null;
      var forms = lw === word ? undefined : function (term) { return light(term) === lw; };
      alts.push(lookUp(word, false, forms).then(tight));
      if (lw !== word && lw.length >= LIGHT_MIN) {
        alts.push(lookUp(lw, false, forms, function (term) {   // built on the word: judgment for judges, not scalar for scaled
          var r = stem(term);
          return r.slice(0, root.length) === root || (kin !== null && r.slice(0, kin.length) === kin);
        }).then(tight));
      }
      if (root !== word) alts.push(lookUp(root, true).then(function (f) { return [f, STEMMED, false]; }));
      if (kin) alts.push(lookUp(kin, true).then(function (f) { return [f, STEMMED, false]; }));
      var other = spelt ? null : otherSpelling(word);   // optimised finds optimized and its words
      if (other) alts.push(lookUpWord(other, undefined, true).then(function (f) { return [f, 1, f.tight]; }));
    }
    if (typed !== undefined && typed !== word && compound(typed)) {   // 추론경로 (not 추론경 + 로)
      alts.push(lookUpCompound(typed).then(tight));
      split(typed);
    }
    return Promise.all(alts).then(function (found) {
      var scores = {}, tight = {}, title = {}, partial = false;
      found.forEach(function (alt) {
        var f = alt[0], factor = alt[1];
        partial = partial || f.partial;
        Object.keys(f.scores).forEach(function (d) {
          var s = f.scores[d] * factor, close = alt[2] === true || (alt[2] && alt[2][d]);
          if (!(scores[d] >= s)) scores[d] = s;
          if (close) tight[d] = true;
          if (close && (f.title ? f.title[d] : f.top[d] >= meta.title)) title[d] = true;
        });
      });
      return { scores: scores, tight: tight, title: title, partial: partial };
    });
  }

  /* A word's scores as a unit of the query (see rank): close when held closely, its phrase is itself. */
  function wordUnit(f) {
    var close = {};
    Object.keys(f.tight).forEach(function (d) { close[d] = 1; });
    return { scores: f.scores, close: close, title: f.title, phrase: f.title, partial: f.partial, bridged: {} };
  }

  /* A glossary concept the query names (see queryUnits) as a unit: the documents naming it in any
   * form (its term @n) or holding every word the query wrote it with. Naming it counts as holding
   * those words closely and adjacent (2k-1 for k words, as k adjacent Korean words count); in the
   * title, as the title holding the query's phrase. `bridged`: the documents found only through
   * the glossary (another form: 보상 해킹 -> reward hacking). */
  function lookUpConcept(unit) {
    var k = unit.words.length;
    var literal = Promise.all(unit.words.map(function (w) { return lookUpWord(w[0], w[1]); }));
    return Promise.all([lookUp(meta.concept + unit.concept, true), literal]).then(function (both) {
      var named = both[0], words = both[1];
      var r = { scores: {}, close: {}, title: {}, phrase: {}, bridged: {},
                partial: named.partial || words.some(function (f) { return f.partial; }) };
      Object.keys(words[0].scores).forEach(function (d) {
        var total = 0, close = 0, title = true;
        for (var i = 0; i < words.length; i++) {
          if (words[i].scores[d] === undefined) return;
          total += words[i].scores[d];
          if (words[i].tight[d]) close++;
          if (!words[i].title[d]) title = false;
        }
        r.scores[d] = total;
        r.close[d] = close;
        if (title) r.title[d] = true;
      });
      Object.keys(named.scores).forEach(function (d) {
        if (r.scores[d] === undefined) r.bridged[d] = true;
        if (!(r.scores[d] >= named.scores[d] * k)) r.scores[d] = named.scores[d] * k;
        r.close[d] = 2 * k - 1;
        if (named.top[d] >= meta.title) { r.title[d] = true; r.phrase[d] = true; }
      });
      return r;
    });
  }

  /* For each two adjacent word units: {close: {doc: true}, title: {doc: true}}, or null when the
   * index cannot tell. Two Korean words (min_part+ syllables): the documents holding them as one
   * compound, written together or one after the other (close), in the title (title). Two other
   * words: the documents whose title holds them one after the other (the index's title pairs,
   * _<stem><stem>; the second word as a prefix, as it may still be being typed). */
  function lookUpAdjacent(units) {
    var min = meta.min_part || 2, pairs = [];
    function titled(f) {
      var title = {};
      Object.keys(f.top).forEach(function (d) { if (f.top[d] >= meta.title) title[d] = true; });
      return title;
    }
    for (var i = 0; i + 1 < units.length; i++) {
      var u = units[i], v = units[i + 1];
      if (u.word === undefined || v.word === undefined) { pairs.push(null); continue; }
      var a = u.typed || u.word, b = v.word;   // as the index pairs them: 추론 경로를 -> 추론경로
      if (HANGUL_ONLY.test(a) && HANGUL_ONLY.test(b)) {
        if (a.length < min || b.length < min) { pairs.push(null); continue; }
        pairs.push(lookUpCompound(a + b).then(function (f) {
          var docs = {};
          Object.keys(f.scores).forEach(function (d) { docs[d] = true; });
          return { close: docs, title: titled(f) };
        }));
      } else if (!HANGUL_ONLY.test(a) && !HANGUL_ONLY.test(b) && meta.pair) {
        pairs.push(lookUp(meta.pair + stem(u.word) + stem(b), false).then(function (f) {
          return { close: {}, title: titled(f) };
        }));
      } else {
        pairs.push(null);
      }
    }
    return Promise.all(pairs);
  }

  /* [[doc, score, closeness, tier], ...] of the documents holding every unit of the query. Tier 2:
   * the title holds the query as a phrase (each unit in the title, adjacent words one after the
   * other); 1: the title holds every unit; 0: the rest. Within a tier, closest first (the words
   * held closely plus the adjacent Korean words held as one compound), then best score, then
   * newest: notes holding a word only by its stem elsewhere come last. */
  function rank(found, adjacent) {
    var hits = [];
    if (!found.length) return hits;
    var smallest = found.reduce(function (a, b) { return Object.keys(a.scores).length <= Object.keys(b.scores).length ? a : b; });
    Object.keys(smallest.scores).forEach(function (key) {
      var total = 0, close = 0, title = true, phrase = true, i;
      for (i = 0; i < found.length; i++) {
        var s = found[i].scores[key];
        if (s === undefined) return;
        total += s;
        close += found[i].close[key] || 0;
        if (!found[i].title[key]) title = false;
        if (!found[i].phrase[key]) phrase = false;
      }
      for (i = 0; i < adjacent.length; i++) {
        if (!adjacent[i]) continue;
        if (adjacent[i].close[key]) close++;
        if (!adjacent[i].title[key]) phrase = false;
      }
      hits.push([Number(key), total, close, title ? (phrase ? 2 : 1) : 0]);
    });
    hits.sort(byRank);
    return hits;
  }

  function byRank(a, b) { return (b[3] || 0) - (a[3] || 0) || b[2] - a[2] || b[1] - a[1] || a[0] - b[0]; }

  /* Words one letter away from `word`: one deleted, swapped with the next, replaced or inserted,
   * each with the position of the first letter it changes. */
  function edits(word) {
    var out = [], n = word.length, abc = "abcdefghijklmnopqrstuvwxyz", i, c;
    for (i = 0; i < n; i++) out.push([word.slice(0, i) + word.slice(i + 1), i]);
    for (i = 0; i + 1 < n; i++) if (word[i] !== word[i + 1]) out.push([word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), i]);
    for (i = 0; i <= n; i++) {
      for (c = 0; c < abc.length; c++) {
        if (i < n && abc[c] !== word[i]) out.push([word.slice(0, i) + abc[c] + word.slice(i + 1), i]);
        out.push([word.slice(0, i) + abc[c] + word.slice(i), i]);
      }
    }
    return out;
  }

  function reverse(s) { return s.split("").reverse().join(""); }

  /* The indexed word one letter away from `word` (5+ English letters) that most notes hold, or
   * null. A change in the second half is checked against the terms (the candidates share the
   * first half, so one or two files); one in the first half against the spelling entries (each
   * word backwards after meta.spell), where the candidates share the last half. */
  function correct(word) {
    if (!SPELLABLE.test(word) || word.length < 5 || !meta.spell) return Promise.resolve(null);
    var half = Math.floor(word.length / 2), forward = {}, backward = {};
    edits(word).forEach(function (e) {
      if (e[0].length < 4) return;
      if (e[1] >= half) forward[e[0]] = true; else backward[reverse(e[0])] = true;
    });
    var head = span(meta.chunks, word.slice(0, half), true);
    var tail = span(meta.chunks, meta.spell + reverse(word).slice(0, word.length - half - 1), true);
    var known = {};
    var checks = [];
    if (head) checks.push(loadSpan(meta.chunks, meta.terms, head).then(function (parts) {
      parts.forEach(function (part) { Object.keys(forward).forEach(function (w) { if (part[w]) known[w] = true; }); });
    }));
    if (tail) checks.push(loadSpan(meta.chunks, meta.terms, tail).then(function (parts) {
      parts.forEach(function (part) {
        Object.keys(backward).forEach(function (r) { if (part[meta.spell + r]) known[reverse(r)] = true; });
      });
    }));
    return Promise.all(checks).then(function () {
      var words = Object.keys(known).sort();
      if (!words.length) return null;
      return Promise.all(words.map(function (w) { return lookUpWord(w); })).then(function (found) {
        var best = null, most = 0;
        found.forEach(function (f, i) {
          var n = Object.keys(f.scores).length;
          if (n > most) { best = words[i]; most = n; }
        });
        return best;
      });
    });
  }

  /* The tags a query names: `#slug` (or an alias) words, else the tag whose Korean or English
   * label, slug or alias is the whole query (compared without spaces, case or accents). */
  function tagKey(text) { return tokenize(String(text).replace(/-/g, " ")).join(""); }

  function findTags(query) {
    var byKey = {}, bySlug = {};
    (meta.tags || []).forEach(function (t) {
      bySlug[t[0]] = t;
      t[3].forEach(function (a) { bySlug[a] = t; });
      [t[0], t[1], t[2]].concat(t[3]).forEach(function (label) { byKey[tagKey(label)] = byKey[tagKey(label)] || t; });
    });
    var named = [], rest = query.replace(/#([^\s#]+)/g, function (all, slug) {
      var t = bySlug[slug.toLowerCase()];
      if (!t) return all;
      if (named.indexOf(t) < 0) named.push(t);
      return " ";
    });
    if (named.length) return { tags: named, rest: rest, hash: true };
    var whole = byKey[tagKey(query)];
    return { tags: whole ? [whole] : [], rest: query, hash: false };
  }

  /* The units of a query: each glossary concept it names ({concept: n, key: the phrase key it was
   * named by, words: [[word, as typed], ...]}; the leftmost, longest run first), and each other
   * word ({word, typed}), as queryTerms gives them, without repeats. */
  function queryUnits(text) {
    var q = tokenizeJoined(text), starts = {}, units = [], seen = {}, i = 0, j;
    conceptRuns(concepts, q, false).forEach(function (run) { starts[run[0]] = run; });
    while (i < q.tokens.length) {
      var run = starts[i], w;
      if (run && !seen["@" + run[2]]) {
        seen["@" + run[2]] = true;
        var words = [], mine = {};
        for (j = run[0]; j <= run[1]; j++) {
          w = queryWord(q.tokens, j, concepts.particles);
          if (w && !mine[w[0]]) { mine[w[0]] = true; words.push(w); }
        }
        units.push({ concept: run[2], key: run[3], words: words });
        i = run[1] + 1;
        continue;
      }
      w = queryWord(q.tokens, i, concepts.particles);
      if (w && !seen[w[0]]) { seen[w[0]] = true; units.push({ word: w[0], typed: w[1] }); }
      i = run ? run[1] + 1 : i + 1;
    }
    return units;
  }

  /* Every step of a query: { hits, words (to mark), concepts (named, to mark), spelt: {concept:
   * the query's words for it}, bridges: {doc: [[concept, key], ...]} (the concepts that alone found
   * it), tags (named), partial, corrected: {typed: fix} }. */
  function search(q) {
    var named = findTags(q);
    var units = queryUnits(named.rest);
    var tagDocs = Promise.all(named.tags.map(function (t) { return lookUp("#" + t[0], true); }));
    function lookUpUnit(u) { return u.concept !== undefined ? lookUpConcept(u) : lookUpWord(u.word, u.typed).then(wordUnit); }
    function textHits(us) {
      return Promise.all([Promise.all(us.map(lookUpUnit)), lookUpAdjacent(us)]).then(function (both) {
        return { found: both[0], hits: rank(both[0], both[1]) };
      });
    }
    return Promise.all([tagDocs, textHits(units)]).then(function (both) {
      var text = both[1];
      if (text.hits.length || !units.length) return [both[0], text, units, {}];
      // Nothing found: correct the words (5+ letters) that found nothing on their own.
      return Promise.all(units.map(function (u, i) {
        return u.word !== undefined && !Object.keys(text.found[i].scores).length ? correct(u.word) : null;
      })).then(function (fixes) {
        var corrected = {}, fixedText = units.map(function (u, i) {
          if (fixes[i]) { corrected[u.word] = fixes[i]; return fixes[i]; }
          return u.concept === undefined ? u.typed || u.word : u.words.map(function (w) { return w[1]; }).join(" ");
        }).join(" ");
        if (!Object.keys(corrected).length) return [both[0], text, units, {}];
        var fixed = queryUnits(fixedText);   // the corrected words may name a concept (hallucinaton)
        return textHits(fixed).then(function (again) { return [both[0], again, fixed, corrected]; });
      });
    }).then(function (r) {
      var tagged = {}, order = [];
      r[0].forEach(function (f) {
        Object.keys(f.scores).forEach(function (d) { if (!tagged[d]) { tagged[d] = true; order.push(Number(d)); } });
      });
      var hits = r[1].hits, words = [], named_ = [], bridges = {}, spelt = {};
      r[2].forEach(function (u, i) {
        if (u.concept === undefined) { words.push(u.word); return; }
        spelt[u.concept] = u.words.map(function (w) { return w[0]; });
        words = words.concat(spelt[u.concept]);
        named_.push(u.concept);
        Object.keys(r[1].found[i].bridged).forEach(function (d) { (bridges[d] = bridges[d] || []).push([u.concept, u.key]); });
      });
      if (named.tags.length) {
        var hit = {};
        hits.forEach(function (h) { hit[h[0]] = h; });
        if (named.hash && r[2].length) {
          hits = hits.filter(function (h) { return tagged[h[0]]; });       // #tag words: within the tag
        } else {
          // The tag's notes first (best text match first, then newest), then the other matches.
          var first = order.map(function (d) { return hit[d] || [d, 0, 0]; });
          first.sort(byRank);
          hits = first.concat(hits.filter(function (h) { return !tagged[h[0]]; }));
        }
      }
      return { hits: hits, words: words, concepts: named_, spelt: spelt, bridges: bridges, tags: named.tags, corrected: r[3],
               partial: r[1].found.some(function (f) { return f.partial; }) };
    });
  }

  function loadCards(docs) {                      // the [slug, title, date, ko, en] rows of `docs`
    var shard = meta.card_shard;
    return Promise.all(docs.map(function (d) {
      return loadFile(meta.cards.replace("{n}", String(Math.floor(d / shard)))).then(function (rows) { return rows[d % shard]; });
    }));
  }

  // --- rendering ---
  var el = window.papernotes.el, bi = window.papernotes.bi;

  /* Whether `term` (a word of a result) is marked as a match of query word `w`: it starts with w
   * or its light form, shares its stem, or holds a Korean w inside. */
  function marks(term, w) {
    var lw = light(w);
    return term.slice(0, w.length) === w || (stem(w) !== w && stem(term) === stem(w)) ||
      (lw !== w && lw.length >= LIGHT_MIN && term.slice(0, lw.length) === lw) ||
      (HANGUL_ONLY.test(w) && w.length >= 2 && term.indexOf(w) > 0);
  }

  /* `text` as nodes, the words that made the note match inside <mark>s (compared as the index
   * compares terms: lower-cased, accents removed): each word that `marks` one of `words` (or its
   * other -ise/-ize spelling); a Korean query word this text writes in two or more words (보상모델:
   * 보상 모델을, one <mark>); and any form of the glossary concepts `named` (보상 해킹: reward
   * hacking, 리워드 해킹은), one <mark> per phrase. */
  function highlight(text, words, named) {
    var frag = document.createDocumentFragment();
    var q = tokenizeJoined(text, true), n = q.tokens.length, marked = [], linked = [], i, j;
    var spellings = words.map(otherSpelling).filter(function (w) { return w !== null; });
    function markRun(first, last) { for (var k = first; k <= last; k++) { marked[k] = true; if (k < last) linked[k] = true; } }
    for (i = 0; i < n; i++) {
      var term = q.tokens[i];
      if (words.some(function (w) { return marks(term, w); }) || spellings.some(function (w) { return marks(term, w); })) marked[i] = true;
    }
    words.forEach(function (w) {
      if (!HANGUL_ONLY.test(w) || w.length < 2) return;
      for (i = 0; i < n; i++) {
        var joined = q.tokens[i];
        if (joined.length >= w.length || w.slice(0, joined.length) !== joined) continue;
        for (j = i + 1; j < n && q.joined[j - 1]; j++) {
          joined += q.tokens[j];
          if (joined.slice(0, w.length) === w) { markRun(i, j); break; }
          if (w.slice(0, joined.length) !== joined) break;
        }
      }
    });
    if (named && named.length) {
      conceptRuns(concepts, q, true).forEach(function (run) { if (named.indexOf(run[2]) >= 0) markRun(run[0], run[1]); });
    }
    var at = 0;
    for (i = 0; i < n; i++) {
      if (!marked[i]) continue;
      for (j = i; linked[j]; j++) { /* to the end of the phrase */ }
      var start = q.at[i][0], end = q.at[j][1];
      if (start > at) frag.appendChild(document.createTextNode(text.slice(at, start)));
      frag.appendChild(el("mark", {}, text.slice(start, end)));
      at = end;
      i = j;
    }
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function langOf(text) { return HANGUL.test(text) ? "ko" : "en"; }

  /* The form of concept `n` a result writes that is not the query's (`key`): as the card writes
   * it (title, then excerpts), else the concept's first form in the other language. */
  function bridgeTarget(card, n, key) {
    var texts = [card[1], card[3], card[4]];
    for (var t = 0; t < texts.length; t++) {
      if (!texts[t]) continue;
      var q = tokenizeJoined(texts[t], true), runs = conceptRuns(concepts, q, true);
      for (var r = 0; r < runs.length; r++) {
        if (runs[r][2] === n && runs[r][3] !== key) return texts[t].slice(q.at[runs[r][0]][0], q.at[runs[r][1]][1] - runs[r][4]);
      }
    }
    var concept = concepts.list[n], from = concepts.forms[key] || key;
    return HANGUL.test(from) ? concept[0][0] : concept[1][0];
  }

  /* A result's authors (a search by a name shows it matched), as the cards give them: a name, or
   * [name, slug] for an author with a page, which becomes a link to it (not a combobox option:
   * the arrows move between the results' titles only), then "…" if there are more. */
  function authorsLine(authors, words) {
    var line = el("div", { class: "pn-search__authors" });
    authors.forEach(function (author, i) {
      if (i) line.appendChild(document.createTextNode(", "));
      if (typeof author === "string") { line.appendChild(highlight(author, words, null)); return; }
      var a = el("a", { class: "pn-search__author", href: new URL(meta.author.replace("{slug}", encodeURIComponent(author[1])), ROOT).pathname });
      a.appendChild(highlight(author[0], words, null));
      line.appendChild(a);
    });
    return line;
  }

  /* One result: its title (a link, `id`), date, the glossary bridges that found it, authors and
   * excerpt (other scripts may add controls: the reading list's Save). */
  function renderCard(card, result, doc, id) {
    var slug = card[0], title = card[1], date = card[2], named = result.concepts, bridged = result.bridges[doc] || [];
    // A note the glossary alone found does not hold the query's words for that concept: mark the
    // concept's forms in it, not those words on their own (보상 해킹 -> reward hacking, not 보상).
    var words = result.words.filter(function (w) {
      return !bridged.some(function (b) { return result.spelt[b[0]].indexOf(w) >= 0; });
    });
    var ko = card[3] || card[4] || "", en = card[4] || card[3] || "";
    var href = new URL(meta.note.replace("{slug}", encodeURIComponent(slug)), ROOT).pathname;
    var li = el("li", { class: "pn-search__result" });
    var a = el("a", { href: href, class: "pn-search__title", lang: "en", id: id });
    a.appendChild(highlight(title, words, named));
    li.appendChild(a);
    li.appendChild(el("span", { class: "pn-search__date" }, " " + date));
    bridged.forEach(function (bridge) {
      var from = concepts.forms[bridge[1]] || bridge[1], to = bridgeTarget(card, bridge[0], bridge[1]);
      var line = el("div", { class: "pn-search__bridge" });
      line.appendChild(bi("용어집: ", "Glossary: "));
      line.appendChild(el("span", { lang: langOf(from) }, from));
      line.appendChild(document.createTextNode(" → "));
      line.appendChild(el("span", { lang: langOf(to) }, to));
      li.appendChild(line);
    });
    if (card[5] && card[5].length) li.appendChild(authorsLine(card[5], words));
    var summary = el("div", { class: "pn-search__summary" });
    summary.appendChild(bi(ko, en));
    Array.prototype.forEach.call(summary.querySelectorAll(".pn-lang"), function (span) {
      var text = span.textContent;
      span.textContent = "";
      span.appendChild(highlight(text, words, named));
    });
    li.appendChild(summary);
    return li;
  }

  // Interface text by language; the box follows the switch (papernotes:lang).
  var TEXT = {
    ko: { placeholder: "노트 검색", label: "노트 검색", open: "검색", close: "검색 닫기", results: "검색 결과" },
    en: { placeholder: "Search notes", label: "Search notes", open: "Search", close: "Close search", results: "Search results" }
  };
  var SVG = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"';
  var ICON_SEARCH = '<svg ' + SVG + '><path fill="currentColor" d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"/></svg>';
  var ICON_CLOSE = '<svg ' + SVG + '><path fill="currentColor" d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41Z"/></svg>';

  /* The box in the header. On a wide screen the field sits in the header; on a phone a 44 px
   * button opens it across the top of the screen (CSS: .pn-search[data-open]). The field is a
   * combobox whose popup is a dialog of results (ARIA 1.2; not a listbox: a result holds more
   * than one control, e.g. the reading list's Save). ArrowDown/ArrowUp move the focus through
   * the results' links (so the browser draws and screen readers announce it), ArrowUp from the
   * first returns to the field, Enter opens the focused result (in the field: searches now),
   * Escape closes. */
  function build() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var box = el("div", { class: "pn-search", role: "search" });
    var opener = el("button", { type: "button", class: "pn-search__open", "aria-expanded": "false", "aria-controls": "pn-search-field" });
    opener.innerHTML = ICON_SEARCH;              // a constant: no text from anywhere else
    var field = el("div", { class: "pn-search__field", id: "pn-search-field" });
    var input = el("input", { type: "search", class: "pn-search__input", autocomplete: "off", spellcheck: "false",
      enterkeyhint: "search", role: "combobox", "aria-haspopup": "dialog", "aria-expanded": "false",
      "aria-controls": "pn-search-results" });
    var closer = el("button", { type: "button", class: "pn-search__close" });
    closer.innerHTML = ICON_CLOSE;
    var panel = el("div", { class: "pn-search__panel md-typeset", id: "pn-search-results", role: "dialog", hidden: "" });
    var status = el("p", { class: "pn-search__status", "aria-live": "polite" });
    var list = el("ol", { class: "pn-search__results", id: "pn-search-list" });
    var more = el("button", { type: "button", class: "pn-search__more md-button", hidden: "" });
    var tagline = el("p", { class: "pn-search__tags", hidden: "" });
    field.appendChild(input);
    field.appendChild(closer);
    panel.appendChild(status);
    panel.appendChild(tagline);
    panel.appendChild(list);
    panel.appendChild(more);
    box.appendChild(opener);
    box.appendChild(field);
    box.appendChild(panel);
    var anchor = header.querySelector(".pn-toggle, .md-header__source");
    if (anchor) header.insertBefore(box, anchor); else header.appendChild(box);

    function language() { return document.documentElement.getAttribute("data-pn-lang") === "en" ? "en" : "ko"; }
    function label() {
      var t = TEXT[language()];
      input.setAttribute("placeholder", t.placeholder);
      input.setAttribute("aria-label", t.label);
      opener.setAttribute("aria-label", t.open);
      closer.setAttribute("aria-label", t.close);
      panel.setAttribute("aria-label", t.results);
    }
    label();
    document.addEventListener("papernotes:lang", label);

    var seq = 0;                                  // the newest query; older answers are dropped
    var shown = null;                             // {hits, result, count} of the list on screen
    function options() { return list.querySelectorAll("a.pn-search__title"); }
    /* Focus the index-th result's link (scrolled into view), or the field for -1. */
    function focusResult(index) {
      var all = options();
      if (index < 0 || !all.length) { input.focus(); return; }
      var link = all[Math.min(index, all.length - 1)];
      link.focus();
      link.parentNode.scrollIntoView({ block: "nearest" });
    }
    function showPanel(on) {
      panel.hidden = !on;
      input.setAttribute("aria-expanded", String(on && options().length > 0));
    }
    function openBox() {
      box.setAttribute("data-open", "");
      opener.setAttribute("aria-expanded", "true");
      input.focus();
    }
    function closeBox(refocus) {
      showPanel(false);
      var wasOpen = box.hasAttribute("data-open");
      box.removeAttribute("data-open");
      opener.setAttribute("aria-expanded", "false");
      if (refocus && wasOpen && getComputedStyle(opener).display !== "none") opener.focus();
      else if (document.activeElement === input) input.blur();
    }

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
        cards.forEach(function (card, i) {
          var n = state.count + i;
          list.appendChild(renderCard(card, state.result, next[i][0], "pn-search-option-" + n));
        });
        state.count += cards.length;
        input.setAttribute("aria-expanded", String(!panel.hidden && state.count > 0));
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
      if (!q) { showPanel(false); list.textContent = ""; list.removeAttribute("data-count"); more.hidden = true; return; }
      showPanel(true);
      list.removeAttribute("data-count");         // present again once this query's results show
      setStatus("검색 중…", "Searching…");
      loadMeta().then(function () {
        return search(q).then(function (result) {
          if (mine !== seq) return null;
          var state = { hits: result.hits, result: result, count: 0 };
          return showMore(state, mine, true).then(function (current) {
            if (!current) return;
            shown = state;
            var n = state.hits.length;
            list.setAttribute("data-count", String(n));   // set once the first results are on screen
            if (!result.words.length && !result.tags.length) setStatus("찾을 단어가 없습니다.", "No words to search for.");
            else if (n === 0) setStatus("결과가 없습니다.", "No results.");
            else setStatus("결과 " + n + "개", n + (n === 1 ? " result" : " results"));
            var typed = Object.keys(result.corrected);
            if (typed.length) {
              var fixes = typed.map(function (w) { return result.corrected[w]; }).join(" ");
              status.appendChild(bi(" — 혹시 이것을 찾으셨나요: ", " — did you mean: "));
              status.appendChild(el("strong", { class: "pn-search__correction" }, fixes));
            }
            if (result.partial) {
              status.appendChild(bi(" — 이 단어로 시작하는 말이 너무 많아 일부만 찾았습니다. 더 입력해 보세요.",
                                    " — too many words start with this; only some were searched. Type more."));
            }
            tagline.textContent = "";
            tagline.hidden = !result.tags.length;
            result.tags.forEach(function (t) {
              var a = el("a", { class: "pn-search__tag", href: new URL(meta.tag.replace("{slug}", t[0]), ROOT).pathname });
              a.appendChild(bi("태그: " + t[1], "Tag: " + t[2]));
              tagline.appendChild(a);
              tagline.appendChild(document.createTextNode(" "));
            });
          });
        });
      }).catch(function (err) { if (mine === seq) failed(err); });
    }

    more.addEventListener("click", function () {
      var mine = seq;
      if (shown) showMore(shown, mine, false).catch(function (err) { if (mine === seq) failed(err); });
    });

    var timer = null;
    opener.addEventListener("click", openBox);
    closer.addEventListener("click", function () { closeBox(true); });
    input.addEventListener("focus", function () {
      loadMeta().catch(function () {});
      box.setAttribute("data-open", "");
      opener.setAttribute("aria-expanded", "true");
      if (input.value.trim()) showPanel(true);
    });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        if (!options().length) return;
        e.preventDefault();                       // the caret stays where it is
        if (panel.hidden) showPanel(true); else focusResult(0);
      } else if (e.key === "Escape") {
        e.preventDefault();
        closeBox(true);
      } else if (e.key === "Enter") {
        clearTimeout(timer);
        run();
      }
    });
    // In the results: the arrows go from link to link, Escape goes back to the field and closes.
    panel.addEventListener("keydown", function (e) {
      var at = Array.prototype.indexOf.call(options(), e.target);
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();                      // the field stays open (on a phone, a second Escape closes it)
        input.focus();                            // first: focusing the field shows the results
        showPanel(false);
      } else if (at >= 0 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();                       // not the page's scrolling
        focusResult(e.key === "ArrowDown" ? Math.min(at + 1, options().length - 1) : at - 1);
      }
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (e.key === "/" && !(t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
        e.preventDefault();
        openBox();
      }
      if (e.key === "Escape" && box.hasAttribute("data-open") && box.contains(t) && t !== input) closeBox(true);
    });
    document.addEventListener("click", function (e) {
      // The path as dispatched: "more" may have replaced the clicked label before this runs.
      var path = e.composedPath ? e.composedPath() : [e.target];
      if (path.indexOf(box) < 0) closeBox(false);
    });
  }

  // Exposed so the tests can compare the tokenizer with the Python one.
  window.papernotes.searchTokenize = tokenize;
  window.papernotes.searchQueryWords = queryWords;
  window.papernotes.searchStem = function (words) { return words.map(stem); };
  // ... and the glossary's matcher with papernotes.outputs.concepts (glossary and particles as in meta.json).
  window.papernotes.searchConceptRuns = function (glossary, particles, endings, texts, every) {
    function longestFirst(list) { return list.slice().sort(function (a, b) { return b.length - a.length; }); }
    var c = buildConcepts(glossary, longestFirst(particles), longestFirst(endings));
    return texts.map(function (text) { return conceptRuns(c, tokenizeJoined(text), every).map(function (r) { return r.slice(0, 3); }); });
  };
  window.papernotes.searchPhraseKeys = function (texts) { return texts.map(phraseKey); };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
