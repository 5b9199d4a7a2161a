/* The reading list's interface text and DOM helpers.
 * Every string exists in Korean and English; `bi` writes both as `.pn-lang` spans and the site's
 * CSS shows the reader's language (html[data-pn-lang], set by the language switch), so a switch
 * needs no re-rendering. `say` returns the current language's text for attributes and messages
 * that cannot hold markup (aria-label, placeholder, confirm()). */

import { langOf } from "../dom.js";

export { langOf };

export const T = {
  save: ["저장", "Save"],
  read: ["읽음", "Read"],
  toRead: ["읽을 것", "To read"],
  note: ["메모", "Memo"],
  noteLabel: ["나만 보는 메모 (이 브라우저에만 저장)", "Private memo (kept in this browser only)"],
  noteSaved: ["메모를 저장했습니다", "Memo saved"],
  listFull: ["목록이 가득 찼습니다(최대 5,000개). 다른 노트를 빼야 담을 수 있습니다", "Your list is full (at most 5,000 notes): remove one to add this"],
  noteFull: ["메모를 저장했습니다. 메모는 20,000자까지라서 그 뒤는 들어가지 않았습니다", "Memo saved. A memo holds 20,000 characters: anything past that was not kept"],
  noteNotStored: ["메모를 이 브라우저에 저장하지 못했습니다: 이 페이지를 닫으면 사라집니다", "The memo could not be stored in this browser: it lasts only while this page is open"],
  isNew: ["새 노트", "New"],
  gone: ["사이트에서 삭제됨", "Removed from the site"],
  myList: ["내 목록", "My list"],
  remove: ["목록에서 빼기", "Remove from list"],
  storageOff: ["이 브라우저에 목록을 저장할 수 없습니다 (사생활 보호 모드이거나 저장소가 막혀 있음). 이 페이지를 떠나면 바뀐 내용이 사라집니다. 목록을 간직하려면 내보내기를 쓰세요.",
    "Your list cannot be stored in this browser (private browsing, or storage is blocked). Changes last only while this page is open; export the list to keep it."],
  storageFull: ["저장 공간이 가득 차 목록을 저장하지 못했습니다. 바뀐 내용은 이 페이지에만 있습니다. 목록을 내보내 두세요.",
    "Storage is full, so the list could not be saved. Changes exist only in this page; export the list to keep it."],
  storageBroken: ["저장된 목록을 읽을 수 없어 따로 보관해 두었습니다 (papernotes.reading-list.broken). 새 목록으로 시작합니다.",
    "The stored list could not be read; it was set aside (papernotes.reading-list.broken) and a new list started."],
  storageNewer: ["이 목록은 더 새 버전의 사이트가 저장했습니다. 잃지 않도록 여기서는 읽기만 합니다.",
    "This list was saved by a newer version of the site; it is shown read-only here so nothing is lost."],
};

export function lang() {
  return document.documentElement.getAttribute("data-pn-lang") === "en" ? "en" : "ko";
}

export function say(pair) {
  return pair[lang() === "en" ? 1 : 0];
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/* A button's label and its name: the label (`pair`) as it shows, and a hidden copy that says
 * which note it is for ("저장: <title>"), the title marked with its own language (a Korean title
 * was marked English, and a screen reader read it with an English voice). The name is the hidden
 * copy whole: the shown label beside a hidden ": <title>" was read "저장 : <title>", as Chromium
 * puts a space before a positioned (hidden) element. */
export function labelFor(pair, title) {
  const frag = document.createDocumentFragment();
  frag.append(el("span", { "aria-hidden": "true" }, bi(pair)),
    el("span", { class: "pn-rl__hidden" }, bi(pair), ": ", el("span", { lang: langOf(title) }, title)));
  return frag;
}

/* Each half a string, or a list of strings and elements (a note's title marked with its language). */
export function bi(pair) {
  const frag = document.createDocumentFragment();
  frag.append(el("span", { class: "pn-lang", lang: "ko" }, ...[].concat(pair[0])), el("span", { class: "pn-lang", lang: "en" }, ...[].concat(pair[1])));
  return frag;
}

/* A Korean/English pair built from a template: `fill(["노트 {n}개", "{n:note:notes}"], {n: 3})`;
 * `{n:one:many}` is the count with its English word ("1 note", "3 notes"). Numbers are grouped by
 * thousands in both languages (1,200), as the pages' own counts are. */
export function fill(pair, values) {
  const show = (v) => (typeof v === "number" ? v.toLocaleString("en") : String(v));
  return pair.map((s) => s.replace(/\{(\w+)(?::([^:}]*):([^}]*))?\}/g,
    (_, k, one, many) => (one === undefined ? show(values[k]) : `${show(values[k])} ${values[k] === 1 ? one : many}`)));
}

/* The site root (ends with "/"), from this module's own address: assets/reading-list/x.js. */
export const ROOT = new URL("../../", import.meta.url);
