/* The list page (docs/list/index.md): the reader's list with filters, sort, search and counts;
 * export, import and share; a shared list opened from a link (#list=...) read-only with "add all";
 * and recommendations. The page's skeleton is in the Markdown (so nothing moves when this runs);
 * this module fills it; transfer.js loads on first use. reading-list/index.json is fetched here
 * only: it tells which saved notes the site no longer has (shown as gone, by their stored title
 * and id) and feeds recommend.js. */

import { mountControls } from "./controls.js";
import { showProblems } from "./notice.js";
import { byline, loadSiteNotes, recommend } from "./recommend.js";
import { store } from "./page-store.js";
import { MAX_ITEMS, mergeInto } from "./store.js";
import { T, ROOT, bi, el, fill, labelFor, lang, langOf, say } from "./text.js";

showProblems(store, { now: true });

const page = document.querySelector("[data-rl-page]");
const $ = (sel) => page.querySelector(sel);
const items = $(".pn-rl-items");
const counts = $(".pn-rl-counts");
const message = $(".pn-rl-message");
const controls = { state: $("#pn-rl-state"), tag: $("#pn-rl-tag"), sort: $("#pn-rl-sort"), q: $("#pn-rl-q") };

// Export, import and share load their code when first used (or when a shared link is opened).
const transfer = () => import("./transfer.js");

let site = null;  // SiteNotes once loaded; null while loading or when it cannot be loaded
const noteUrl = (slug) => new URL(`notes/${encodeURIComponent(slug)}/`, ROOT).pathname;
const isGone = (entry) => site !== null && site.find(entry.slug) < 0;

function tagName(slug) {
  const row = site && site.tags.find((t) => t[0] === slug);
  return row ? row[lang() === "en" ? 2 : 1] : slug;
}

/* Options of a <select> hold text only, so they are written in the current language. */
function fillSelect(select, options) {
  const value = select.value;
  select.replaceChildren(...options.map(([v, pair]) => el("option", { value: v }, typeof pair === "string" ? pair : say(pair))));
  if (options.some(([v]) => v === value)) select.value = value;
}

function fillControls() {
  const entries = store.entries();
  fillSelect(controls.state, [["all", ["전체", "All"]], ["to-read", T.toRead], ["read", T.read], ["gone", T.gone]]);
  const tags = [...new Set(entries.flatMap((e) => e.tags))].sort((a, b) => tagName(a).localeCompare(tagName(b)));
  fillSelect(controls.tag, [["", ["모든 태그", "All tags"]], ...tags.map((t) => [t, tagName(t)])]);
  fillSelect(controls.sort, [["saved", ["저장한 날 (최근 순)", "Date saved (newest)"]], ["paper", ["논문 날짜 (최근 순)", "Paper date (newest)"]]]);
  controls.q.setAttribute("placeholder", say(["제목, 태그, 메모", "Title, tag, memo"]));
}

/* A tag's labels in both languages: the search finds a tag by either, whichever the page shows
   (in Korean, "safety" found no note tagged 안전성). */
function tagLabels(slug) {
  const row = site && site.tags.find((t) => t[0] === slug);
  return row ? [row[1], row[2]] : [];
}

/* The search box's word rules (search/words.js with search/meta.json's particles and endings),
 * loaded on the first query: 보상모델을 is 보상모델, and finds "보상 모델". Until they are here (or
 * if they cannot load) a word is looked for as typed. */
let words = null;
let wordsLoading = null;
function loadWords() {
  if (!wordsLoading) {
    wordsLoading = Promise.all([import("../search/words.js"), fetch(new URL("search/meta.json", ROOT)).then((r) => r.json())])
      .then(([module, meta]) => { module.configure(meta); words = module; render(); })
      .catch(() => {});
  }
}

/* Whether the entry has every word of `q`: a `#tag` by its name or either label, the other words
 * (without a Korean particle or ending) in its title, id, memo or tags, spacing aside. */
function matches(entry, q) {
  if (!q) return true;
  const labels = entry.tags.flatMap(tagLabels).map((l) => l.normalize("NFC").toLowerCase());
  const squash = (text) => text.replace(/[\s\-_]+/g, "");
  const tagHay = squash([...entry.tags, ...labels].join("|"));
  const tags = q.match(/#[^\s#]+/g) || [];
  if (!tags.every((t) => tagHay.includes(squash(t.slice(1))))) return false;
  const rest = q.replace(/#[^\s#]+/g, " ").trim();
  if (!rest) return true;
  const hay = [entry.title, entry.slug, entry.arxiv || "", entry.note, ...entry.tags, ...labels].join(" ").normalize("NFC").toLowerCase();
  const flat = squash(hay);
  if (!words) loadWords();
  const wanted = words ? words.queryWords(rest) : rest.split(/\s+/);
  return wanted.every((w) => hay.includes(w) || flat.includes(squash(w)));
}

const rendered = new Map();  // slug -> <li>, kept across renders so focus and open notes survive
/* slug -> the note's authors, from its card (`complete`): not stored with the list, which keeps
 * what the reader chose, not the site's data. */
const authorsOf = new Map();

function renderItem(entry) {
  const heading = el("h3", { class: "pn-item__title" });
  const meta = el("p", { class: "pn-meta" });
  const memo = el("p", { class: "pn-rl-memo", hidden: true });
  const slot = el("div", { class: "pn-rl", "data-rl-slug": entry.slug });
  const li = el("li", { class: "pn-item", "data-slug": entry.slug }, heading, meta, memo, slot);
  li.pnMeta = meta;
  li.pnHeading = heading;
  li.pnMemo = memo;
  mountControls(slot, entry, store);
  return li;
}

/* The reader's own note on it ("✎ 메모"), under the item: what was written shows without opening
 * each item's editor. Text, never HTML (a memo is whatever was typed or imported); its line
 * breaks kept by the CSS; its language guessed as a title's is. */
function fillMemo(li, entry) {
  const text = (entry.note || "").trim();
  li.pnMemo.hidden = !text;
  li.pnMemo.replaceChildren(...(text ? [el("span", { class: "pn-rl-memo__label" }, bi(["내 메모", "My memo"]), ": "),
    el("span", { class: "pn-rl-memo__text", lang: langOf(text) }, text)] : []));
}

/* A note's title as a row shows it: a link to its page, or (a note the site no longer has) its
 * stored title alone; marked with the language it is written in, as the pages mark it (a Korean
 * title was marked English, and a screen reader read it with an English voice). */
function titled(note, gone) {
  const attrs = { lang: langOf(note.title) };
  return gone ? el("span", attrs, note.title) : el("a", { href: noteUrl(note.slug), ...attrs }, note.title);
}

function fillMeta(li, entry) {
  const gone = isGone(entry);
  // A note the site no longer has keeps its stored title, without a link to a missing page.
  li.pnHeading.replaceChildren(titled(entry, gone));
  const parts = [];
  const names = !gone && authorsOf.has(entry.slug) ? byline(site, authorsOf.get(entry.slug)) : null;
  if (names) parts.push(names, el("br"));
  // Each " ·" keeps to what follows it (a no-break space after it): a line broke after one, and a
  // lone "·" ended the line before "저장 2026-12-07" (a phone QA pass).
  const dot = " \u00b7\u00a0";
  if (gone) parts.push(el("span", { class: "pn-rl-gone" }, bi(T.gone)), ` (${entry.slug}${entry.arxiv ? `, arXiv ${entry.arxiv}` : ""})${dot}`);
  if (entry.date) parts.push(el("time", { datetime: entry.date }, entry.date), dot);
  if (entry.published) parts.push(bi(fill(["논문 {d}", "paper {d}"], { d: entry.published })), dot);
  // A tag the site has links to its page, as a chip does everywhere else (a QA pass tapped them).
  for (const t of entry.tags) {
    parts.push(site && site.tagSlugs.has(t) ? el("a", { class: "pn-tag", href: new URL(`tags/${encodeURIComponent(t)}/`, ROOT).pathname }, tagName(t))
      : el("span", { class: "pn-tag" }, tagName(t)), " ");
  }
  // One dot before "saved": a note without tags, or without a date, showed "· ·" (a QA pass).
  const last = parts[parts.length - 1];
  if (!(typeof last === "string" && last.endsWith(dot))) parts.push(dot);
  parts.push(bi(fill(["저장 {d}", "saved {d}"], { d: entry.saved.slice(0, 10) })));
  li.pnMeta.replaceChildren(...parts);
  li.classList.toggle("pn-rl-item--gone", gone);
}

/* A row's controls that its neighbours have too: the keyboard moves to the same one of another row. */
const SAME = [".pn-rl__save", ".pn-rl__read", ".pn-rl__note-toggle", ".pn-item__title a"];

/* Where the focus goes when the row holding it leaves the list (★ pressed: unsaved; or marked
 * read while only notes to read are shown): the same control of the next row still shown, else
 * of the one before it, else the counts line. It went to <body>, and the keyboard started again
 * at the top of the page (WCAG 2.4.3). `before` is the rows' order before the change. */
function keepFocus(before, visible) {
  const active = document.activeElement;
  const row = active ? before.find((li) => li.contains(active)) : null;
  if (!row || visible.has(row.dataset.slug)) return null;
  const at = before.indexOf(row);
  const next = before.slice(at + 1).find((li) => visible.has(li.dataset.slug))
    || before.slice(0, at).reverse().find((li) => visible.has(li.dataset.slug));
  const same = SAME.find((selector) => active.matches(selector)) || SAME[0];
  return () => {
    const target = next && next.querySelector(same);
    if (target) { target.focus(); return; }
    counts.setAttribute("tabindex", "-1");
    counts.focus();
  };
}

/* Rows drawn at a time: a list of 300 put the export 100,000 px down, and 5,000 (the most a list
 * holds) took 6 s to draw and 13 s to filter by a word on a phone (a QA pass at 10,000 notes).
 * "Show more" draws the next ones; a change of the filters starts again from the first. */
const LIST_PAGE = 100;
let limit = LIST_PAGE;
const more = el("button", { type: "button", class: "md-button pn-rl-more", hidden: true });
items.after(more);
more.addEventListener("click", () => {
  const from = limit;
  limit += LIST_PAGE;
  render();
  // The keyboard goes on at the first row added (the button it was on may now be hidden).
  const target = items.children[from] && items.children[from].querySelector(".pn-item__title a, .pn-rl__save");
  if (target) target.focus();
});

function render() {
  const all = store.entries();
  const state = controls.state.value || "all";
  const tag = controls.tag.value;
  const q = controls.q.value.normalize("NFC").toLowerCase().trim();
  const shown = all.filter((e) => (state === "all" || (state === "gone" ? isGone(e) : e.state === state))
    && (!tag || e.tags.includes(tag)) && matches(e, q));
  const key = controls.sort.value === "paper" ? (e) => e.published || e.date : (e) => e.saved;
  shown.sort((a, b) => key(b).localeCompare(key(a)) || a.title.localeCompare(b.title));
  const left = Math.max(0, shown.length - limit);
  shown.length = Math.min(shown.length, limit);
  const visible = new Set(shown.map((e) => e.slug));
  const refocus = keepFocus([...items.children].filter((li) => li.dataset.slug), visible);
  for (const [slug, li] of rendered) {
    if (!visible.has(slug)) { li.remove(); rendered.delete(slug); }
  }
  const nodes = shown.map((e) => {
    let li = rendered.get(e.slug);
    if (!li) rendered.set(e.slug, (li = renderItem(e)));
    // Drawn again only when what it shows changed: every key typed in the filter redrew every
    // row (0.3-0.7 s a key for 40 notes on a slow phone).
    const shows = JSON.stringify([e.title, e.date, e.published, e.tags, e.saved, e.arxiv, site !== null, isGone(e), document.documentElement.lang,
      authorsOf.get(e.slug)]);
    if (li.pnShows !== shows) { fillMeta(li, e); li.pnShows = shows; }
    if (li.pnMemoShown !== e.note) { fillMemo(li, e); li.pnMemoShown = e.note; }
    return li;
  });
  // Move only what is out of place, so the focused button is not detached.
  nodes.forEach((li, i) => { if (items.children[i] !== li) items.insertBefore(li, items.children[i] || null); });
  while (items.children.length > nodes.length) items.lastElementChild.remove();
  if (!all.length) items.replaceChildren(el("li", { class: "pn-rl-empty" }, bi(["아직 저장한 노트가 없습니다. 노트마다 있는 ☆ 저장 버튼으로 목록에 담으세요.", "Nothing saved yet. Use the ☆ Save button on any note to add it here."])));
  // A filter or a search that hides every note says so (a QA pass: on a phone the list just vanished,
  // its "(showing 0)" scrolled out of sight above).
  else if (!shown.length) items.replaceChildren(el("li", { class: "pn-rl-empty" }, bi(["조건에 맞는 노트가 없습니다. 찾는 말이나 거르는 조건을 바꿔 보세요.", "No saved note matches; change the search or the filters."])));
  const toRead = all.filter((e) => e.state === "to-read").length;
  const gone = all.filter(isGone).length;
  const pair = fill(["전체 {n} · 읽을 것 {a} · 읽음 {b}", "{n} saved · {a} to read · {b} read"], { n: all.length, a: toRead, b: all.length - toRead });
  if (gone) pair[0] += ` · 삭제됨 ${gone.toLocaleString("en")}`, pair[1] += ` · ${gone.toLocaleString("en")} removed from the site`;
  if (shown.length + left !== all.length) pair[0] += ` (표시 ${shown.length + left})`, pair[1] += ` (showing ${shown.length + left})`;
  more.hidden = !left;
  if (left) more.replaceChildren(bi(fill(["{n}개 더 보기 (남은 {m}개)", "Show {n} more ({m} left)"], { n: Math.min(LIST_PAGE, left), m: left })));
  // A live region: written only when its words change (typing in the finder rewrote the same
  // counts at every key, and a screen reader read them again each time).
  if (counts.getAttribute("data-text") !== pair.join("\n")) {
    counts.setAttribute("data-text", pair.join("\n"));
    counts.replaceChildren(bi(pair));
  }
  if (refocus) refocus();
  page.removeAttribute("data-rl-pending");
}

for (const c of Object.values(controls)) c.addEventListener(c === controls.q ? "input" : "change", () => { limit = LIST_PAGE; render(); });
document.addEventListener("papernotes:lang", () => { fillControls(); render(); });
store.subscribe(() => { fillControls(); render(); scheduleRecommendations(); });
let recSignature = "";

function say2(pair) {
  message.replaceChildren(bi(pair));
  // Said after a button at the screen's foot (Import JSON on a phone): the answer was below the
  // screen, and nothing seemed to happen (a phone QA pass). Brought into view, when it is out of it.
  const box = message.getBoundingClientRect();
  if (box.bottom > window.innerHeight || box.top < 0) message.scrollIntoView({ block: "nearest" });
}

/* Export, import, share. */
const stamp = () => new Date().toISOString().slice(0, 10);
page.querySelectorAll("[data-rl-export]").forEach((button) => button.addEventListener("click", async () => {
  const { download, exportBibtex, exportCsl, exportJson, exportRis } = await transfer();
  const entries = store.entries();
  const kind = button.dataset.rlExport;
  // The references are fetched first (a few small files a note): say so, or the button seemed dead.
  if (kind !== "json" && entries.length) say2(["내보낼 참고문헌을 가져오는 중…", "Fetching the references to export…"]);
  if (kind === "json") download(`papernotes-list-${stamp()}.json`, "application/json", exportJson(entries, store.doc.dismissed));
  else if (kind === "bib") download(`papernotes-list-${stamp()}.bib`, "application/x-bibtex", await exportBibtex(entries));
  else if (kind === "csl") download(`papernotes-list-${stamp()}.csl.json`, "application/vnd.citationstyles.csl+json", await exportCsl(entries));
  else download(`papernotes-list-${stamp()}.ris`, "application/x-research-info-systems", await exportRis(entries));
  say2(fill(["노트 {n}개를 내보냈습니다.", "Exported {n:note:notes}."], { n: entries.length }));
}));

/* Clearing the list: every saved note and memo leaves this browser, after a question
 * (nothing else asks before it deletes them all; the export above keeps a copy). */
$("[data-rl-clear]").addEventListener("click", () => {
  const n = store.entries().length;
  if (!n) { say2(["목록이 비어 있습니다.", "The list is empty."]); return; }
  if (!window.confirm(say(fill(["저장한 노트 {n}개와 메모를 이 브라우저에서 모두 지울까요? 먼저 내보내면 사본이 남습니다.",
    "Delete all {n:note:notes} and your memos from this browser? Export the list first to keep a copy."], { n })))) return;
  const stored = store.changeStored((doc) => { doc.items = {}; });
  if (stored === "newer") { say2(T.storageNewer); return; }
  say2(fill(["노트 {n}개를 목록에서 지웠습니다.", "Removed {n:note:notes} from your list."], { n }));
});

$("#pn-rl-import").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  const mod = await transfer();
  if (file.size > mod.MAX_IMPORT_BYTES) { say2(mod.tooLarge(file.size)); return; }   // not read: its size says it
  let text;
  try { text = await file.text(); } catch (e) { say2([`파일을 읽지 못했습니다: ${e.message}`, `Could not read the file: ${e.message}`]); return; }
  // Bytes that are no UTF-8 were read as U+FFFD and imported so ("A\xffC" as "A�C": a fuzzing QA pass).
  if (text.includes("\ufffd")) {
    try { new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()); } catch (e) {
      say2([`${file.name}: UTF-8 텍스트가 아닌 바이트가 있어 가져오지 않았습니다. 목록은 그대로입니다.`,
        `${file.name}: not imported: it holds bytes that are not UTF-8 text. Your list is unchanged.`]);
      return;
    }
  }
  const parsed = mod.parseImport(text, file.size);
  if (parsed.error) { say2(parsed.error); return; }
  const fresh = parsed.entries.filter((e) => !store.get(e.slug)).length;
  if (store.entries().length + fresh > MAX_ITEMS) { say2((await transfer()).tooMany(store.entries().length + fresh)); return; }
  let result = null;
  const stored = store.changeStored((doc) => {
    result = mergeInto(doc, parsed.entries);
    for (const [slug, at] of Object.entries(parsed.dismissed || {})) if (!doc.dismissed[slug]) doc.dismissed[slug] = at;
  });
  if (stored === "newer") { say2(T.storageNewer); return; }
  if (stored === "full") {
    say2(fill(["{file}: 브라우저 저장 공간이 모자라 가져오지 않았습니다. 목록은 그대로입니다.",
      "{file}: not imported, the browser's storage is full. Your list is unchanged."], { file: file.name }));
    return;
  }
  const pair = fill(["{file}: 새로 {a}개, 합침 {u}개, 이미 있음 {s}개.", "{file}: {a} added, {u} merged, {s} already there."],
    { file: file.name, a: result.added, u: result.updated, s: result.unchanged });
  if (parsed.skipped) pair[0] += ` 알아볼 수 없는 항목 ${parsed.skipped}개는 건너뛰었습니다.`, pair[1] += ` ${parsed.skipped} unreadable entries skipped.`;
  if (parsed.repeated) pair[0] += ` 두 번 적힌 노트 ${parsed.repeated}개는 하나로 합쳤습니다.`, pair[1] += ` ${parsed.repeated} repeated entries merged.`;
  say2(pair);
  // A note the site has keeps the site's title and tags, at once, not from the next visit (a QA pass).
  if (site) complete().catch(() => { /* the list still shows what it stored */ });
});

$("[data-rl-share]").addEventListener("click", async () => {
  const code = await (await transfer()).encodeShare(store.entries());
  const url = new URL(location.href);
  url.hash = `list=${code}`;
  url.searchParams.delete("lang");   // the reader's own language, not the sender's (a QA pass: ?lang=en came along)
  const box = $(".pn-rl-share");
  box.hidden = false;
  const input = $("#pn-rl-share-url");
  input.value = url.href;
  input.focus();
  input.select();
  let copied = false;
  try { await navigator.clipboard.writeText(url.href); copied = true; } catch (e) { /* selected for copying by hand */ }
  say2(copied ? ["공유 링크를 복사했습니다.", "Share link copied."] : ["공유 링크를 선택해 두었습니다. 복사해서 보내세요.", "The share link is selected: copy it to send it."]);
});

/* A shared list: read-only, with "add all". Drawn twice (now, and once the site's notes have
 * loaded, to mark notes removed from the site): the status line is one element kept across the
 * redraws, so "Added 3" said after an early click is not wiped by the second draw. */
const sharedStatus = el("p", { role: "status" });
let sharedCode = null;
async function showShared() {
  try {
    await drawShared();
  } finally {
    page.removeAttribute("data-rl-shared");
  }
}

async function drawShared() {
  const m = /^#list=(.+)$/.exec(location.hash);
  const box = $(".pn-rl-shared");
  if (!m) { box.hidden = true; return; }
  box.hidden = false;
  if (m[1] !== sharedCode) { sharedCode = m[1]; sharedStatus.replaceChildren(); } // another list: nothing said of it yet
  const heading = el("h2", { id: "pn-rl-shared-title" }, bi(["공유받은 목록", "A shared list"]));
  let entries, skipped;
  try {
    ({ entries, skipped } = await (await transfer()).decodeShare(m[1]));
  } catch (e) {
    const mod = await transfer();
    box.replaceChildren(heading, el("p", { role: "alert" }, bi(e instanceof mod.TooMany ? mod.tooMany(Number(e.message))
      : ["이 공유 링크를 읽을 수 없습니다 (잘렸거나 잘못된 링크). 내 목록은 그대로입니다.", "This share link cannot be read (cut short or not a list). Your own list is unchanged."])));
    return;
  }
  // Once the site's notes have loaded (the second draw), each shared note's authors come from its
  // card, as on the reader's own list; the share link itself carries no names.
  const authors = new Map();
  if (site) {
    const onSite = entries.map((e) => [e.slug, site.find(e.slug)]).filter(([, i]) => i >= 0);
    try {
      const cards = onSite.length ? await site.cards(onSite.map(([, i]) => i)) : [];
      onSite.forEach(([slug], k) => { if (cards[k]) authors.set(slug, cards[k].authors); });
      // A note the site has is shown by its own title: a link could carry any text as one.
      const bySlug = new Map(entries.map((x) => [x.slug, x]));
      onSite.forEach(([slug], k) => { if (cards[k] && cards[k].title) bySlug.get(slug).title = cards[k].title; });
    } catch (e) { /* the shared list still shows its titles */ }
  }
  const list = el("ol", { class: "pn-list" }, ...entries.map((e) => {
    const names = !isGone(e) && authors.has(e.slug) ? byline(site, authors.get(e.slug)) : null;
    return el("li", { class: "pn-item", "data-slug": e.slug },
      el("h3", { class: "pn-item__title" }, titled(e, isGone(e))),
      el("p", { class: "pn-meta" }, ...(names ? [names, el("br")] : []), e.date ? el("time", { datetime: e.date }, e.date) : "", " \u00b7\u00a0",
        bi(e.state === "read" ? T.read : T.toRead), isGone(e) ? el("span", { class: "pn-rl-gone" }, " \u00b7\u00a0", bi(T.gone)) : ""));
  }));
  const add = el("button", { type: "button", class: "md-button" }, bi(fill(["모두 내 목록에 담기 ({n})", "Add all to my list ({n})"], { n: entries.length })));
  const status = sharedStatus;
  add.addEventListener("click", () => {
    let result = null;
    // Shared states are the sender's: the notes arrive as "to read" unless already in the list.
    const ok = store.change((doc) => { result = mergeInto(doc, entries.map((e) => ({ ...e, state: "to-read", read: null, saved: new Date().toISOString() }))); });
    status.replaceChildren(bi(ok ? fill(["새로 {a}개를 담았습니다 (이미 있던 것 {s}개).", "Added {a} (already there: {s})."], { a: result.added, s: result.unchanged + result.updated }) : T.storageNewer));
  });
  const focused = document.activeElement && document.activeElement.matches(".pn-rl-shared button");
  const said = fill(["노트 {n}개. 읽기 전용입니다: 담기 전에는 내 목록이 바뀌지 않습니다.", "{n:note:notes}, read-only: your own list changes only if you add them."], { n: entries.length });
  if (skipped) said[0] += ` 알아볼 수 없는 항목 ${skipped}개는 건너뛰었습니다.`, said[1] += ` ${skipped} unreadable ${skipped === 1 ? "entry" : "entries"} skipped.`;
  box.replaceChildren(heading, el("p", {}, bi(said)), list, add, status);
  if (focused) add.focus(); // drawn again under a keyboard user: the focus stays on the button
}
window.addEventListener("hashchange", showShared);

/* Recommendations. */
const recStatus = $(".pn-rl-recs__status");
const recItems = $(".pn-rl-recs__items");
let recTimer = 0;
function scheduleRecommendations() {
  clearTimeout(recTimer);
  recTimer = setTimeout(showRecommendations, 50);
}

/* A sentence of both languages whose {t} is the titles of notes, each title an element marked with
 * its own language inside the sentence (written into the interface's text, a Korean title was read
 * as English). */
function naming(pair, titles) {
  return pair.map((s) => {
    const [before, after] = s.split("{t}");
    return [before, ...titles.flatMap((t, i) => [i ? ", " : "", el("span", { lang: langOf(t) }, t)]), after];
  });
}

/* A title is followed by "노트와", not by 와 or 과 alone: which one a title takes depends on how
 * its last word is read (Training: 과, Video: 와), which no rule of letters gets right. */
function reasonParts(rec) {
  const parts = [];
  if (rec.lineage.length) {
    const names = rec.lineage.map((s) => (store.get(s) || { title: s }).title);
    parts.push(naming(["계보: 목록의 ‘{t}’ 노트와 이어짐", "Lineage: connected to ‘{t}’ in your list"], names));
  }
  // "Shared tag: X" for one, "Shared tags: X, Y" for more (Korean has no plural); a term marked
  // with its own language inside the Korean sentence (Bradley-Terry is English).
  const one = (list, single, plural) => (list.length === 1 ? single : plural);
  if (rec.tags.length) {
    const ko = rec.tags.map((t) => site.tags[t][1]).join(", ");
    const en = rec.tags.map((t) => site.tags[t][2]).join(", ");
    parts.push([`같은 태그: ${ko}`, `${one(rec.tags, "Shared tag", "Shared tags")}: ${en}`]);
  }
  if (rec.terms.length) {
    // A glossary term in its Korean form in the Korean sentence (같은 용어: 사전 학습, not pre-training).
    const words = rec.terms.map((t) => site.terms[t]), korean = rec.terms.map((t) => site.termsKo[t] || site.terms[t]);
    parts.push([naming(["같은 용어: {t}"], korean)[0], naming([`${one(words, "Shared term", "Shared terms")}: {t}`], words)[0]]);
  }
  if (rec.like && store.get(rec.like)) parts.push(naming(["저장한 ‘{t}’ 노트와 비슷함", "Like ‘{t}’, which you saved"], [store.get(rec.like).title]));
  return parts;
}

/* "Not interested" can be taken back: a button beside the suggestions' status clears every one
 * (there was no way to, nor to see what had been dismissed). */
function undoDismissed() {
  const n = Object.keys(store.doc.dismissed).length;
  if (!n) return [];
  const undo = el("button", { type: "button", class: "md-button pn-rl-undismiss" },
    bi(fill(["‘관심 없음’ {n}개 되돌리기", "Undo ‘not interested’ ({n})"], { n })));
  undo.addEventListener("click", () => {
    store.change((doc) => { doc.dismissed = {}; });
  });
  return [" ", undo];
}

/* The suggestions are drawn anew whenever the list changes, and a control pressed in them (☆ 저장,
 * ○ 읽음, 관심 없음, which take its note out of them; "undo") went with the old drawing, the focus
 * to <body> (WCAG 2.4.3). Before drawing, where the focus is; after, `refocus` puts it on the same
 * control of the same note if it is still suggested, else of the one now in its place (the next),
 * else of the last; with no suggestion left, on the status line; so from "undo" once it is gone. */
const SAME_REC = [...SAME, ".pn-rl__dismiss"];

function recFocus() {
  const active = document.activeElement;
  if (!active) return null;
  if (recStatus.contains(active)) return { at: -1, same: active === recStatus ? null : ".pn-rl-undismiss" };
  const rows = [...recItems.children];
  const li = rows.find((item) => item.contains(active));
  if (!li) return null;
  return { slug: li.dataset.slug, at: rows.indexOf(li), same: SAME_REC.find((selector) => active.matches(selector)) || SAME_REC[0] };
}

function refocus(was) {
  if (!was) return;
  const rows = [...recItems.children];
  const li = was.at < 0 ? recStatus : rows.find((item) => item.dataset.slug === was.slug) || rows[Math.min(was.at, rows.length - 1)];
  const target = li && was.same && li.querySelector(was.same);
  if (target) { target.focus(); return; }
  recStatus.setAttribute("tabindex", "-1");
  recStatus.focus();
}

async function showRecommendations() {
  if (!site) return;
  // Only a change of what is listed, read or dismissed changes the suggestions (not typing a note).
  const signature = JSON.stringify([store.entries().map((e) => [e.slug, e.state]).sort(), Object.keys(store.doc.dismissed).sort(), lang()]);
  if (signature === recSignature) return;
  recSignature = signature;
  const recs = recommend(site, store.entries(), Object.keys(store.doc.dismissed));
  if (!recs.length) {
    const was = recFocus();
    recItems.replaceChildren();
    recStatus.replaceChildren(bi(store.entries().length ? ["더 추천할 노트가 없습니다.", "Nothing more to recommend."] : ["노트를 저장하면 비슷한 노트를 이유와 함께 추천합니다.", "Save notes and similar ones will be suggested here, with the reason."]), ...undoDismissed());
    refocus(was);
    return;
  }
  let cards;
  try { cards = await site.cards(recs.map((r) => r.position)); } catch (e) {
    recStatus.replaceChildren(bi(["추천 노트를 불러오지 못했습니다.", "Could not load the recommended notes."]));
    return;
  }
  const was = recFocus();
  recStatus.replaceChildren(bi(["목록의 노트와 태그·용어·계보가 겹치는 노트입니다. 계산은 이 브라우저 안에서만 합니다.", "Notes that share tags, terms or lineage with your list, worked out in this browser only."]), ...undoDismissed());
  recItems.replaceChildren(...recs.map((rec, k) => {
    const card = cards[k];
    const info = { slug: card.slug, title: card.title, date: card.date, published: card.published, arxiv: card.arxiv, tags: site.tagsOf[rec.position].map((t) => site.tags[t][0]) };
    const names = byline(site, card.authors);
    const why = el("ul", { class: "pn-rl-why" }, ...reasonParts(rec).map((p) => el("li", {}, bi(p))));
    const slot = el("div", { class: "pn-rl", "data-rl-slug": card.slug });
    const no = el("button", { type: "button", class: "pn-rl__button pn-rl__dismiss" }, el("span", { "aria-hidden": "true", class: "pn-rl__icon" }, "✕"),
      labelFor(["관심 없음", "Not interested"], card.title));
    no.addEventListener("click", () => store.dismiss(card.slug));
    const li = el("li", { class: "pn-item", "data-slug": card.slug },
      el("h3", { class: "pn-item__title" }, titled(card, false)),
      el("p", { class: "pn-meta" }, ...(names ? [names, el("br")] : []), el("time", { datetime: card.date }, card.date)),
      why, slot, el("p", { class: "pn-rl-rec-actions" }, no));
    mountControls(slot, info, store);
    return li;
  }));
  refocus(was);
}

fillControls();
render();
showShared();
/* Entries of notes the site has take its title, tags and dates: an entry saved where the page
 * knew little (a search result has no tags or arXiv id), a note whose title was corrected since,
 * or an imported file that said otherwise (its title and tags were shown as the note's). */
async function complete() {
  const onSite = store.entries().map((e) => [e, site.find(e.slug)]).filter(([, i]) => i >= 0);
  if (!onSite.length) return;
  const cards = await site.cards(onSite.map(([, i]) => i));
  onSite.forEach(([e], k) => { if (cards[k]) authorsOf.set(e.slug, cards[k].authors); });
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const changes = onSite.map(([e, i], k) => {
    const card = cards[k] || {};
    const want = { title: card.title || e.title, tags: site.tagsOf[i].map((t) => site.tags[t][0]), date: card.date || e.date,
      published: card.published || e.published, arxiv: card.arxiv || e.arxiv };
    return Object.keys(want).every((key) => same(want[key], e[key])) ? null : [e.slug, want];
  }).filter(Boolean);
  if (changes.length) {
    store.change((doc) => {
      for (const [slug, want] of changes) if (doc.items[slug]) Object.assign(doc.items[slug], want);
    });
  }
  render();   // the authors, now known
}

/* Saved notes the site has under another name (a renamed file, which changes the address): looked
 * up by their arXiv id in the search index (loaded only when such an entry exists, at most
 * RENAMED_LOOKUPS of them), checked against the note's card, then moved as the note's own pages
 * move them (store.followRenames). A serve QA pass: the list said "removed from the site". */
const RENAMED_LOOKUPS = 20;
async function followRenames() {
  const lost = store.entries().filter((e) => e.arxiv && site.find(e.slug) < 0).slice(0, RENAMED_LOOKUPS);
  if (!lost.length) return;
  const engine = await import(new URL("assets/search/engine.js", ROOT).href);
  await engine.loadMeta();
  const found = [];
  for (const e of lost) {
    const docs = (await engine.search(e.arxiv)).hits.slice(0, 3).map((h) => h[0]);   // a search's documents are the list's positions
    const cards = docs.length ? await site.cards(docs.filter((d) => d < site.count)) : [];
    const card = cards.find((c) => c && c.arxiv === e.arxiv);
    if (card) found.push({ slug: card.slug, arxiv: e.arxiv });
  }
  if (store.followRenames(found)) await complete();
}

loadSiteNotes().then((loaded) => {
  site = loaded;
  complete().then(followRenames).catch(() => { /* the list still shows what it stored */ });
  fillControls();
  render();
  showShared();
  showRecommendations();
}).catch((e) => {
  recStatus.replaceChildren(bi(["추천에 쓸 데이터를 불러오지 못했습니다.", "Could not load the data for recommendations."]));
  if (window.console) console.error(e);
});
