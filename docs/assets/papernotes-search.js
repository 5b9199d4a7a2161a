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

  // --- the Snowball English (Porter2) stemmer: must give exactly what papernotes.outputs.stemmer.stem
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
    var seen = {}, terms = [];
    tokenize(query).forEach(function (typed, i, all) {
      if (i > 0 && /^v\d+$/.test(typed) && /^\d{4}\.\d{4,5}$/.test(all[i - 1])) return;
      var word = typed;
      if (HANGUL.test(word)) {
        for (var j = 0; j < byLength.length; j++) {
          var p = byLength[j];
          if (word.length > p.length && word.slice(-p.length) === p) { word = word.slice(0, -p.length); break; }
        }
      }
      if (!Object.prototype.hasOwnProperty.call(seen, word)) { seen[word] = true; terms.push([word, typed]); }
    });
    return terms;
  }

  function queryWords(query, particles) { return queryTerms(query, particles).map(function (t) { return t[0]; }); }

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

  /* { scores: {doc: score}, partial: whether the word's terms spanned more than MAX_SPAN files }:
   * the documents holding a term that starts with `word` (or equals it when `exact`), scored by
   * the term's rarity times the posting's weight; a term that is not the word itself nor one of
   * its `forms` (when given: a function of the term) counts PARTIAL. `keep` (a function of the
   * term), when given, says which terms count at all. */
  function lookUp(word, exact, forms, keep) {
    var s = span(meta.chunks, word, !exact);
    if (!s) return Promise.resolve({ scores: {}, partial: false, terms: 0 });
    return loadSpan(meta.chunks, meta.terms, s).then(function (parts) {
      var scores = {}, terms = 0;
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
          }
        });
      });
      return { scores: scores, partial: s.end > s.last, terms: terms };
    });
  }

  /* The documents holding Korean `word` (Hangul only) as written together (a prefix of a term,
   * 추론모델을, or of an inner sub-word, 대형추론모델) or as two adjacent words (the index's pair
   * terms: 추론 모델을 -> _추론모델), best score of the two. */
  function lookUpCompound(word) {
    var looks = [lookUp(word, false)];
    if (meta.pair) looks.push(lookUp(meta.pair + word, false));
    return Promise.all(looks).then(function (found) {
      var scores = {}, partial = false;
      found.forEach(function (f) {
        partial = partial || f.partial;
        Object.keys(f.scores).forEach(function (d) { if (!(scores[d] >= f.scores[d])) scores[d] = f.scores[d]; });
      });
      return { scores: scores, partial: partial };
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
      var scores = {}, tight = {}, partial = false;
      found.forEach(function (alt) {
        var f = alt[0], factor = alt[1];
        partial = partial || f.partial;
        Object.keys(f.scores).forEach(function (d) {
          var s = f.scores[d] * factor;
          if (!(scores[d] >= s)) scores[d] = s;
          if (alt[2] === true || (alt[2] && alt[2][d])) tight[d] = true;
        });
      });
      return { scores: scores, tight: tight, partial: partial };
    });
  }

  /* For each two adjacent Korean query words (each min_part+ syllables), the documents that hold
   * them as one compound, written together or one after the other: {doc: true} per pair. */
  function lookUpAdjacent(words, typedOf) {
    var min = meta.min_part || 2, pairs = [];
    for (var i = 0; i + 1 < words.length; i++) {
      var a = typedOf[words[i]] || words[i], b = words[i + 1];   // as the index pairs them: 추론 경로를 -> 추론경로
      if (HANGUL_ONLY.test(a) && HANGUL_ONLY.test(b) && a.length >= min && b.length >= min) {
        pairs.push(lookUpCompound(a + b).then(function (f) {
          var docs = {};
          Object.keys(f.scores).forEach(function (d) { docs[d] = true; });
          return docs;
        }));
      }
    }
    return Promise.all(pairs);
  }

  /* [[doc, score, closeness], ...] of the documents holding every word: closest first (the number
   * of words a document holds closely plus the adjacent Korean query words it holds as one
   * compound), then best score, then newest. */
  function rank(found, adjacent) {
    var hits = [];
    if (!found.length) return hits;
    var smallest = found.reduce(function (a, b) { return Object.keys(a.scores).length <= Object.keys(b.scores).length ? a : b; });
    Object.keys(smallest.scores).forEach(function (key) {
      var total = 0, close = 0, i;
      for (i = 0; i < found.length; i++) {
        var s = found[i].scores[key];
        if (s === undefined) return;
        total += s;
        if (found[i].tight[key]) close++;
      }
      for (i = 0; i < adjacent.length; i++) if (adjacent[i][key]) close++;
      hits.push([Number(key), total, close]);
    });
    hits.sort(byRank);
    return hits;
  }

  function byRank(a, b) { return b[2] - a[2] || b[1] - a[1] || a[0] - b[0]; }

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

  /* Every step of a query: { hits, words (to mark), tags (named), partial, corrected: {typed: fix} }. */
  function search(q) {
    var named = findTags(q);
    var terms = queryTerms(named.rest, meta.particles), typedOf = {};
    var words = terms.map(function (t) { typedOf[t[0]] = t[1]; return t[0]; });
    var tagDocs = Promise.all(named.tags.map(function (t) { return lookUp("#" + t[0], true); }));
    function textHits(ws) {
      var looks = ws.map(function (w) { return lookUpWord(w, typedOf[w]); });
      return Promise.all([Promise.all(looks), lookUpAdjacent(ws, typedOf)]).then(function (both) {
        return { found: both[0], hits: rank(both[0], both[1]) };
      });
    }
    return Promise.all([tagDocs, textHits(words)]).then(function (both) {
      var text = both[1];
      if (text.hits.length || !words.length) return [both[0], text, words, {}];
      // Nothing found: correct the words (5+ letters) that found nothing on their own.
      return Promise.all(words.map(function (w, i) {
        return Object.keys(text.found[i].scores).length ? null : correct(w);
      })).then(function (fixes) {
        var corrected = {}, fixed = words.map(function (w, i) {
          if (fixes[i]) { corrected[w] = fixes[i]; return fixes[i]; }
          return w;
        });
        if (!Object.keys(corrected).length) return [both[0], text, words, {}];
        return textHits(fixed).then(function (again) { return [both[0], again, fixed, corrected]; });
      });
    }).then(function (r) {
      var tagged = {}, order = [];
      r[0].forEach(function (f) {
        Object.keys(f.scores).forEach(function (d) { if (!tagged[d]) { tagged[d] = true; order.push(Number(d)); } });
      });
      var hits = r[1].hits;
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
      return { hits: hits, words: r[2], tags: named.tags, corrected: r[3],
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

  /* `text` as nodes, each word that `marks` one of `words` (compared as the index compares
   * terms: lower-cased, accents removed; either spelling of -ise/-ize) inside a <mark>. */
  function highlight(text, words) {
    var frag = document.createDocumentFragment();
    var at = 0, m;
    var re = new RegExp(WORD.source, "gu");
    while ((m = re.exec(text)) !== null) {
      var term = fold(m[0].normalize("NFC").toLowerCase());
      if (!words.some(function (w) { return marks(term, w) || (otherSpelling(w) !== null && marks(term, otherSpelling(w))); })) continue;
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
    var tagline = el("p", { class: "pn-search__tags", hidden: "" });
    panel.appendChild(status);
    panel.appendChild(tagline);
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
        return search(q).then(function (result) {
          if (mine !== seq) return null;
          var state = { hits: result.hits, words: result.words, count: 0 };
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
  window.papernotes.searchStem = function (words) { return words.map(stem); };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
