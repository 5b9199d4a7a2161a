/* A Chinese name typed in Hangul, as the notes write it in pinyin.
 *
 * A Korean reader writes Tuo Zhao as 퉈 자오 (the standard form, 외래어 표기법's table for Chinese) or
 * 투오 자오; the note lists "Tuo Zhao". `pinyinSpellings` gives the Latin spellings a Hangul word may be,
 * most likely first: the word cut into the Hangul of pinyin syllables (one to three Hangul syllables
 * each: 자오 zhao, 저우 zhou, 슝 xiong, 쥐안 juan), each cut's syllables written together (샤오밍:
 * xiaoming). The table is built here from the rules, not listed: each syllable's initial consonant
 * (b ㅂ, zh ㅈ, z ㅉ...) on the first Hangul syllable of its final's form (ao 아오, uo 워: 퉈), and
 * after ㅈ, ㅉ, ㅊ the vowels ㅑ ㅖ ㅛ ㅠ written ㅏ ㅔ ㅗ ㅜ (jiao 자오, not 쟈오). Common informal forms
 * come after the standard ones: 투오 (tuo), 쟈오 and 지아오 (jiao), 송 (song), 첸 (chen), 시 (shi),
 * 유 (yu), 조우 (zhou). The engine loads this file, with hangul-hepburn.js (Japanese names), when a
 * Hangul query found no note and no Korean name, or is a short word that may be a name (engine.js:
 * foreignName, nameFirst). */

// The pinyin syllables, by initial ("" none; v is ü).
const SYLLABLES = {
  zh: "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
  ch: "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
  sh: "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
  b: "a o ai ei ao an en ang eng i ie iao ian in ing u",
  p: "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
  m: "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
  f: "a o ei ou an en ang eng u",
  d: "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un",
  t: "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
  n: "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve",
  l: "a e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve",
  g: "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
  k: "a e ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
  h: "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
  j: "i ia ie iao iu ian in iang ing iong v ve van vn",
  q: "i ia ie iao iu ian in iang ing iong v ve van vn",
  x: "i ia ie iao iu ian in iang ing iong v ve van vn",
  r: "e i ao ou an en ang eng ong u uo ui uan un",
  z: "a e i ai ei ao ou an en ang eng ong u uo ui uan un",
  c: "a e i ai ao ou an en ang eng ong u uo ui uan un",
  s: "a e i ai ao ou an en ang eng ong u uo ui uan un",
  y: "i a e ao ou an in ang ing ong u ue uan un",
  w: "u a o ai ei an en ang eng",
  "": "a o e ai ei ao ou an en ang eng er",
};
// Each initial's consonant, by its index in a Hangul syllable (Unicode's order: ㄱ 0 ... ㅎ 18).
const CONSONANT = { b: 7, p: 17, m: 6, f: 17, d: 3, t: 16, n: 2, l: 5, g: 0, k: 15, h: 18, j: 12, q: 14, x: 9,
  zh: 12, ch: 14, sh: 9, r: 5, z: 13, c: 14, s: 10, "": 11 };
// y and w before a final (ya is ia, wo is uo); wei, wen and weng keep their own forms.
const GLIDE = {
  y: { i: "i", a: "ia", e: "ie", ao: "iao", ou: "iu", an: "ian", in: "in", ang: "iang", ing: "ing", ong: "iong", u: "v", ue: "ve", uan: "van", un: "vn" },
  w: { u: "u", a: "ua", o: "uo", ai: "uai", ei: "wei", an: "uan", en: "wen", ang: "uang", eng: "weng" },
};
// Each final's standard form, written after ㅇ (the initial's consonant replaces it), then its informal ones.
// "-i" is the i of zhi, chi, shi, ri, zi, ci, si (즈, 츠, 스).
const FINAL = {
  a: "아", o: "오", e: "어", ai: "아이", ei: "에이", ao: "아오", ou: "어우|오우", an: "안", en: "언|엔", ang: "앙",
  eng: "엉|엥", er: "얼", ong: "웅|옹", i: "이", "-i": "으|이", ia: "야|이아", ie: "예|이에", iao: "야오|이아오",
  iu: "유|이우", ian: "옌|이엔|이안|얀", in: "인", iang: "양|이앙", ing: "잉", iong: "융|용|이옹", u: "우",
  ua: "와|우아", uo: "워|우오", uai: "와이", ui: "우이|웨이", uan: "완|우안", un: "운", uang: "왕|우앙",
  wei: "웨이", wen: "원|웬", weng: "웡", v: "위|유", ve: "웨|위에", van: "위안|위엔", vn: "윈",
};
const PLAIN = { 2: 0, 7: 5, 12: 8, 17: 13 };   // ㅑ ㅖ ㅛ ㅠ -> ㅏ ㅔ ㅗ ㅜ (by their index as a vowel)

/* The Hangul of `initial` + `final` written `form`: its first syllable's initial ㅇ made the
 * initial's consonant (`consonant`), after ㅈ, ㅉ, ㅊ the vowel made plain when `plain`. */
function spell(consonant, form, plain) {
  const code = form.charCodeAt(0) - 0xac00, vowel = Math.floor((code % 588) / 28), tail = code % 28;
  const v = plain && (consonant === 12 || consonant === 13 || consonant === 14) && PLAIN[vowel] !== undefined ? PLAIN[vowel] : vowel;
  return String.fromCharCode(0xac00 + consonant * 588 + v * 28 + tail) + form.slice(1);
}

/* Hangul -> [[latin, informal], ...], the standard readings first. */
let table = null;
function build() {
  const standard = new Map(), informal = new Map();
  const add = (map, hangul, latin) => { const list = map.get(hangul) || map.set(hangul, []).get(hangul); if (!list.includes(latin)) list.push(latin); };
  for (const [initial, finals] of Object.entries(SYLLABLES)) {
    for (const written of finals.split(" ")) {
      const glide = GLIDE[initial], zero = glide !== undefined;
      let final = zero ? glide[written] : written;
      if (!zero && "zh ch sh r z c s".split(" ").includes(initial) && final === "i") final = "-i";
      if (!zero && "jqx".includes(initial) && final[0] === "v") final = "v" + final.slice(1);
      // Names write ü as u (Lü: Lu, Lyu; Xu, Yu, Jun).
      const latin = (initial + written).replace(/v/g, "u"), forms = FINAL[final].split("|");
      const consonants = [CONSONANT[zero ? "" : initial]];
      if (initial === "z" || initial === "s") consonants.push(initial === "z" ? 12 : 9);   // 쩌 as 저, 쑹 as 숭 (informal)
      consonants.forEach((c, ci) => forms.forEach((form, fi) => {
        add(ci || fi ? informal : standard, spell(c, form, true), latin);
        add(informal, spell(c, form, false), latin);   // 쟈오 for jiao
      }));
      // Lü is also written Lyu.
      if (final[0] === "v" && "nl".includes(initial)) for (const form of forms) add(informal, spell(consonants[0], form, true), initial + "yu" + written.slice(1));
    }
  }
  table = new Map();
  for (const [hangul, list] of standard) table.set(hangul, list.map((l) => [l, false]));
  for (const [hangul, list] of informal) {
    const had = table.get(hangul) || table.set(hangul, []).get(hangul);
    for (const l of list) if (!had.some((h) => h[0] === l)) had.push([l, true]);
  }
  return table;
}

const MOST = 48;

/* The ways `word` (Hangul syllables) cuts into the Hangul of pinyin syllables, each as [syllables
 * (Latin), informal ones], fewest informal first, then fewest syllables; at most MOST. */
export function pinyinCuts(word) {
  if (!/^[\uac00-\ud7a3]{1,8}$/.test(word)) return [];
  const t = table || build(), out = [];
  const walk = (at, done, loose) => {
    if (out.length >= MOST * 4) return;
    if (at === word.length) { out.push([done, loose]); return; }
    for (let n = 1; n <= 3 && at + n <= word.length; n++) {
      for (const [latin, informal] of t.get(word.slice(at, at + n)) || []) walk(at + n, done.concat([latin]), loose + (informal ? 1 : 0));
    }
  };
  walk(0, [], 0);
  return out.map((c, i) => [c, i]).sort((a, b) => a[0][1] - b[0][1] || a[0][0].length - b[0][0].length || a[1] - b[1])
    .map(([c]) => c).slice(0, MOST);
}

/* The Latin spellings of `word` as one word of a name (자오: zhao, jiao; 샤오밍: xiaoming), most
 * likely first, at most MOST. */
export function pinyinSpellings(word) {
  const out = [];
  for (const [syllables] of pinyinCuts(word)) {
    const w = syllables.join("");
    if (!out.includes(w)) out.push(w);
  }
  return out;
}
