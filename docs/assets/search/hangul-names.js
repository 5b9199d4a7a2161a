/* A Korean name typed in Hangul, as the notes may write it in Latin letters.
 *
 * A reader types 김현우; the note lists "Hyunwoo Kim" (or Hyeonwoo, Hyun-woo). Without an entry in
 * data/authors.yml joining the two spellings the search found nothing. `romanisations` gives the
 * spellings to try, most likely first: the family name by the usual spellings of Korean family
 * names (이: Lee, Yi, Rhee), the given name syllable by syllable by the Revised Romanization and
 * the older spellings names keep (현: hyeon, hyun; 우: u, woo; 기: gi, ki, gee). The engine tries
 * them when the Hangul itself found nothing (engine.js: romanisedName). */

const FAMILY = {
  김: ["kim", "gim"], 이: ["lee", "yi", "rhee", "i"], 박: ["park", "bak"], 최: ["choi", "choe"],
  정: ["jung", "jeong", "chung"], 강: ["kang", "gang"], 조: ["cho", "jo"], 윤: ["yoon", "yun"],
  장: ["jang", "chang"], 임: ["lim", "im", "yim"], 한: ["han"], 오: ["oh", "o"], 서: ["seo", "suh"],
  신: ["shin", "sin"], 권: ["kwon", "gwon"], 황: ["hwang"], 안: ["ahn", "an"], 송: ["song"],
  류: ["ryu", "yoo", "yu"], 유: ["yoo", "yu"], 홍: ["hong"], 전: ["jeon", "jun", "chun"], 고: ["ko", "go"],
  문: ["moon", "mun"], 양: ["yang"], 손: ["son", "sohn"], 배: ["bae"], 백: ["baek", "paik"], 허: ["heo", "huh"],
  남: ["nam"], 심: ["shim", "sim"], 노: ["noh", "roh"], 하: ["ha"], 곽: ["kwak"], 성: ["sung", "seong"],
  차: ["cha"], 주: ["joo", "ju"], 우: ["woo"], 구: ["koo", "gu"], 민: ["min"], 나: ["na"], 진: ["jin"],
  지: ["ji"], 엄: ["eom", "um"], 채: ["chae"], 원: ["won"], 천: ["cheon", "chun"], 방: ["bang"],
  공: ["kong"], 현: ["hyun"], 함: ["ham"], 변: ["byun"], 염: ["yeom"], 여: ["yeo"], 추: ["choo"],
  도: ["do"], 석: ["seok"], 선: ["sun"], 설: ["seol"], 마: ["ma"], 길: ["gil"], 연: ["yeon"], 위: ["wi"],
  표: ["pyo"], 명: ["myung"], 기: ["ki"], 반: ["ban"], 왕: ["wang"], 금: ["keum"], 옥: ["ok"],
  육: ["yook"], 인: ["in"], 맹: ["maeng"], 제: ["je"], 모: ["mo"], 탁: ["tak"], 국: ["kook"],
  남궁: ["namgung"], 제갈: ["jegal"], 선우: ["sunwoo"], 황보: ["hwangbo"], 독고: ["dokgo"],
};

/* Jamo by their index in a syllable (Unicode's order), each with the spellings names use. */
const INITIAL = ["g|k", "kk", "n", "d|t", "tt", "r|l", "m", "b|p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const MEDIAL = ["a", "ae", "ya", "yae", "eo|u", "e", "yeo|yu", "ye", "o", "wa", "wae", "oe|oi", "yo", "u|oo", "wo", "we",
  "wi", "yu|yoo", "eu|u", "ui|ee|eui", "i|ee"];
const FINAL = ["", "k|g", "k", "k", "n", "n", "n", "t|d", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p|b", "p", "t|s", "t",
  "ng", "t", "t", "k", "t", "p", "t"];
const MOST = 48;

function syllable(ch) {
  const code = ch.charCodeAt(0) - 0xac00, i = Math.floor(code / 588), m = Math.floor((code % 588) / 28), f = code % 28;
  const out = [];
  const initials = INITIAL[i].split("|");
  if (i === 9 && (m === 20 || m === 16)) initials.push("sh");           // 시, 신: si, shi
  for (const a of initials) {
    for (const b of MEDIAL[m].split("|")) {
      if (b === "ee" && f) continue;                                    // 기 gee, not 민 meen
      for (const c of FINAL[f].split("|")) out.push(a + b + c);
    }
  }
  if (i === 11 && (m === 13 || m === 8)) out.push((m === 13 ? "woo" : "oh") + FINAL[f].split("|")[0]);   // 우 woo, 오 oh
  return out;
}

function product(lists) {
  let out = [""];
  for (const list of lists) {
    const next = [];
    for (const a of out) for (const b of list) if (next.length < MOST) next.push(a + b);
    out = next;
  }
  return out;
}

/* "family given" spellings of `word` (2 to 4 Hangul syllables starting with a family name), most
 * likely first, at most MOST; [] for anything else. */
export function romanisations(word) {
  if (!/^[\uac00-\ud7a3]{2,4}$/.test(word)) return [];
  const two = word.length > 2 && FAMILY[word.slice(0, 2)];
  const family = two || FAMILY[word[0]];
  if (!family) return [];
  const given = product(Array.from(word.slice(two ? 2 : 1), syllable));
  const out = [];
  for (const g of given) for (const f of family) if (out.length < MOST) out.push(f + " " + g);
  return out;
}

/* Spellings of `word` as a given name alone (2 Hangul syllables: 현우 -> hyeonwoo, hyunwoo...), most
 * likely first, at most MOST; [] for anything else. A reader may type an author's given name only. */
export function givenSpellings(word) {
  if (!/^[\uac00-\ud7a3]{2}$/.test(word)) return [];
  return product(Array.from(word, syllable));
}
