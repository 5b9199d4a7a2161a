/* A Japanese name typed in Hangul, as the notes write it in Hepburn romanisation.
 *
 * A Korean reader writes Tanaka as 다나카 (the standard form, 외래어 표기법's rules for Japanese) or
 * 타나카; the note lists "Tanaka". `hepburnSpellings` gives the Latin spellings a Hangul word may be,
 * most likely first. The table is built here from the rules, not listed: each kana's Hangul is its
 * consonant on its vowel, k, t and ch plain at the start of a word and aspirated inside it (다나카,
 * 가토, 지바 / 다카하시, 사토), s, z and ts before u on ㅡ (스즈키, 마쓰오), ya yu yo on ㅑ ㅠ ㅛ (료, 쇼)
 * but not after ㅈ and ㅊ (주, 조). A syllable's ㄴ is the syllabic n (겐지: Kenji, 난바: Namba
 * too), its ㅅ the small tsu before the next consonant (핫토리: Hattori); a long vowel is not
 * written (사토: Sato, Satō, Satoh, Satou; 오노: Ono, Ohno, Oono). Informal forms come after:
 * k, t and ch aspirated at the start (타나카), tense consonants (스즈끼, 이또), 츠 and 쯔 for tsu,
 * 쟈 쥬 죠 for ja ju jo, a long vowel written 우 or 오 (사토우). The engine loads this file with
 * hangul-pinyin.js (engine.js: foreignName). */

// Hepburn's syllables; wo is o, di and du ji and zu.
const SYLLABLES = ("a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho " +
  "ma mi mu me mo ya yu yo ra ri ru re ro wa ga gi gu ge go za ji zu ze zo da de do ba bi bu be bo pa pi pu pe po " +
  "kya kyu kyo gya gyu gyo sha shu sho ja ju jo cha chu cho nya nyu nyo hya hyu hyo mya myu myo rya ryu ryo " +
  "bya byu byo pya pyu pyo").split(" ");
// Each consonant by its index as a Hangul initial (ㄱ 0 ... ㅎ 18): [at a word's start, inside it].
const CONSONANT = { "": [11, 11], k: [0, 15], g: [0, 0], s: [9, 9], sh: [9, 9], z: [12, 12], j: [12, 12], t: [3, 16],
  ch: [12, 14], ts: [10, 10], d: [3, 3], n: [2, 2], h: [18, 18], f: [18, 18], b: [7, 7], p: [17, 17], m: [6, 6],
  y: [11, 11], r: [5, 5], w: [11, 11] };
const TENSE = { k: 1, t: 4, ch: 13, ts: 13 };   // 끼, 또, 찌, 쯔 (informal)
// Vowels by their index as a Hangul medial: plain, and after y (or sh: 샤 슈 쇼).
const VOWEL = { a: 0, i: 20, u: 13, e: 5, o: 8 }, GLIDED = { a: 2, u: 17, o: 12, e: 7, i: 20 };
const ANY = 0, START = 1, INSIDE = 2;

/* Hangul syllable (without a final) -> [[latin, where (ANY, START, INSIDE), informal], ...], the
 * standard readings first. */
let table = null;
function build() {
  table = new Map();
  const add = (c, v, latin, where, informal) => {
    const h = String.fromCharCode(0xac00 + c * 588 + v * 28), list = table.get(h) || table.set(h, []).get(h);
    if (!list.some((e) => e[0] === latin && e[1] === where)) list.push([latin, where, informal]);
  };
  const standard = [], loose = [];
  for (const latin of SYLLABLES) {
    const [, onset, y, vowel] = /^(ch|sh|ts|[a-z]?)(y?)([aiueo])$/.exec(latin);
    const [start, inside] = CONSONANT[onset];
    const glided = y || onset === "sh" || onset === "y";
    let v = glided ? GLIDED[vowel] : VOWEL[vowel];
    if (vowel === "u" && (onset === "s" || onset === "z" || onset === "ts")) v = 18;   // 스, 즈, 쓰
    if (onset === "w") v = 9;                                                          // 와
    if (start === inside) standard.push([start, v, latin, ANY]);
    else {
      standard.push([start, v, latin, START], [inside, v, latin, INSIDE]);
      loose.push([inside, v, latin, START]);                  // 타나카 for Tanaka
    }
    if (TENSE[onset] !== undefined) loose.push([TENSE[onset], v, latin, ANY]);   // 스즈끼, 이또, 마쯔모또
    if (onset === "ts") loose.push([14, v, latin, ANY]);      // 마츠오
    if ((onset === "j" || onset === "ch") && GLIDED[vowel] !== v) {
      for (const c of new Set([start, inside])) loose.push([c, GLIDED[vowel], latin, ANY]);   // 쥬, 죠, 챠
    }
  }
  for (const [c, v, latin, where] of standard) add(c, v, latin, where, false);
  for (const [c, v, latin, where] of loose) add(c, v, latin, where, true);
  return table;
}

const MOST = 24;
const LONG = { o: ["u", "h", "o"], u: ["u"] };   // Satō as Satou, Satoh, Satoo; Yūki as Yuuki

/* The Latin spellings of `word` (Hangul syllables) as one word of a Japanese name, one entry a
 * reading: its spellings with a long vowel written or not, "|" between (다나카: tanaka, danaka;
 * 사토: sato|satou|satoh|satoo), the most likely reading first, informal ones last; at most MOST.
 * [] for a word no kana spell (a final other than ㄴ, and ㅅ before a syllable: 강화, 모델). */
export function hepburnSpellings(word) {
  if (!/^[\uac00-\ud7a3]{1,6}$/.test(word)) return [];
  const t = table || build();
  const syllables = Array.from(word, (ch) => {
    const code = ch.charCodeAt(0) - 0xac00;
    return { base: String.fromCharCode(0xac00 + code - (code % 28)), final: code % 28 };
  });
  if (syllables.some((s, i) => s.final !== 0 && s.final !== 4 && !(s.final === 19 && i < syllables.length - 1))) return [];
  const found = [];
  // `done`: the spelling so far, `key` the same without long vowels (a reading's spellings share it);
  // `last`: the previous syllable's Latin (a long vowel may follow it); `held`: what the previous
  // syllable's final was read as: "n" or "m" (the syllabic n), "q" (the small tsu, doubling this
  // syllable's consonant), "" none.
  const walk = (i, done, key, loose, long, last, held) => {
    if (found.length >= MOST * 20) return;
    if (i === syllables.length) { if (done.length > 1) found.push([done, key, loose, long]); return; }
    const { base, final } = syllables[i], where = i === 0 ? START : INSIDE;
    const options = (t.get(base) || []).filter((e) => e[1] === ANY || e[1] === where).map((e) => [e[0], e[2] ? 1 : 0, 0]);
    // 우 after a syllable in o or u, 오 after one in o: the long vowel written (사토우: Satou, Sato, Satoh).
    const markable = !held && !final && (base === "우" || (base === "오" && last.endsWith("o"))) && /[ou]$/.test(last);
    if (markable) options.push(["", 0, 1], ...(last.endsWith("o") ? [["h", 0, 1]] : []));
    for (const [latin, informal, marked] of options) {
      let spelt = latin;
      if (held === "q") {                       // the small tsu: Hattori, Hotta, Nippon, Matcha
        if (!/^(?:ch|ts|[kstp])/.test(latin)) continue;
        spelt = (latin.startsWith("ch") ? "t" : latin[0]) + latin;
      } else if (held === "m" && !/^[bmp]/.test(latin)) continue;   // Hepburn's m only before b, m, p (Namba, Homma)
      const ends = [spelt];
      // A long vowel not written (사토: Satō, Satoh, Satou), at most one a word; not when it is (사토우).
      const vowel = spelt[spelt.length - 1], after = syllables[i + 1];
      const written = after && (after.base === "우" || (after.base === "오" && vowel === "o"));
      if (!final && !written && !markable && long + marked === 0 && LONG[vowel]) for (const l of LONG[vowel]) ends.push(spelt + l);
      const k = markable ? key : key + spelt;
      ends.forEach((end, e) => {
        const next = long + marked + (e ? 1 : 0);
        if (final === 4) {
          walk(i + 1, done + end + "n", k + "n", loose + informal, next, end, "n");
          if (i + 1 < syllables.length) walk(i + 1, done + end + "m", k + "n", loose + informal, next, end, "m");
        } else walk(i + 1, done + end, k, loose + informal, next, end || last, final === 19 ? "q" : "");
      });
    }
  };
  walk(0, "", "", 0, 0, "", "");
  const readings = new Map();
  found.map((f, i) => [f, i]).sort((a, b) => a[0][2] - b[0][2] || a[0][3] - b[0][3] || a[1] - b[1]).forEach(([[w, key]]) => {
    const list = readings.get(key) || readings.set(key, []).get(key);
    if (!list.includes(w)) list.push(w);
  });
  return Array.from(readings.values(), (list) => list.join("|")).slice(0, MOST);
}
