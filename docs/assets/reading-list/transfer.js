/* The list leaving the browser, only when the reader asks: export (JSON, BibTeX, RIS), import
 * (JSON), and share (the list in the URL's fragment, which browsers never send to a server).
 *
 * Export JSON (SCHEMA): {schema, version, exported, items: [Entry...]} with the reader's private
 * notes; store.js describes an Entry. Import accepts that, or any older version store.js migrates,
 * and merges by arXiv id (idempotent: importing the same file twice adds nothing the second time).
 * A file that is not such a list is refused with a message and the list is left as it was; single
 * entries without a usable id are skipped and counted.
 *
 * BibTeX reuses the site's own entries (papernotes.bib's, in the small `cite/<n>.json` files, written
 * by hooks/papernotes/outputs/bibtex.py; cite keys are slugs); a note no longer on the site gets a minimal entry from what the
 * list stored. RIS is made here from the stored title and the authors of the site's BibTeX entry,
 * written as the site's RIS files write them (outputs/ris.py: `Family, Given, Suffix`); its date is
 * the paper's (`published`, else the month of its arXiv id), never the day it was noted.
 *
 * Share: "z" + base64url(deflate-raw(JSON)) where the browser can compress, else "j" +
 * base64url(JSON); the JSON is [[slug, title, date, state (0 to read, 1 read), arXiv id], ...].
 * Memos are never shared.
 */

import { MAX_ITEMS, entriesOf, migrate, NewerVersion } from "./store.js";
import { ROOT } from "./text.js";
import { shardOf } from "../dom.js";

export const SCHEMA = "papernotes.reading-list/1";

/* `dismissed`: the notes marked "not interested" ({slug: time}), so another browser does not
 * suggest them again (they were left out of the file). */
export function exportJson(entries, dismissed = {}) {
  return JSON.stringify({ schema: SCHEMA, version: 1, exported: new Date().toISOString(), items: entries, dismissed }, null, 1) + "\n";
}

/* The largest list file imported: any list this site exports. A browser keeps about 5 million
 * characters for the site, so a list it holds exports to less than 20 MB (3 bytes a Hangul
 * character); it was 2 MB, and a QA pass's own export of 43 notes with long Korean memos (2.6 MB)
 * could not be imported again. A file the storage cannot hold is refused when it is stored
 * (store.change: "full"), the list unchanged. */
export const MAX_IMPORT_BYTES = 20_000_000;
/* The largest list a share link inflates to: titles and dates only, no memos (5,000 notes are
 * about 1 MB). */
export const MAX_SHARE_BYTES = 2_000_000;

/* The message for a file of `bytes` past MAX_IMPORT_BYTES. */
export function tooLarge(bytes) {
  const mb = (Math.floor(bytes / 1e5) / 10).toFixed(1), most = MAX_IMPORT_BYTES / 1e6;
  return [`파일이 너무 큽니다 (${mb} MB, 최대 ${most} MB). 목록은 그대로입니다.`, `The file is too large (${mb} MB; at most ${most} MB). Your list is unchanged.`];
}

/* {entries, skipped, repeated} from an imported file's text, or {error: [ko, en]}. The size is in
 * bytes, as the message says (a QA pass: 3.6 MB of Hangul passed as 1.2 million characters); the
 * file's own (`size`) when known. */
export function parseImport(text, size) {
  const bytes = size !== undefined ? size : new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return { error: tooLarge(bytes) };
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: ["JSON 파일이 아닙니다. 목록은 그대로입니다.", `This is not a JSON file (${e.message}). Your list is unchanged.`] };
  }
  const looksLikeOurs = Array.isArray(value) || (value && typeof value === "object" &&
    (typeof value.schema === "string" ? value.schema.startsWith("papernotes.reading-list/") : "items" in value));
  if (!looksLikeOurs) {
    return { error: ["papernotes 목록 파일이 아닙니다 (\"schema\": \"papernotes.reading-list/1\"이 없음). 목록은 그대로입니다.",
      "This is not a papernotes list file (no \"schema\": \"papernotes.reading-list/1\"). Your list is unchanged."] };
  }
  const raw = Array.isArray(value) ? value : value.items;
  // `items` is a list of entries (what export writes) or, in a stored document, an object of them.
  if (!raw || typeof raw !== "object") {
    return { error: ["목록 파일의 \"items\"가 노트 목록이 아닙니다. 목록은 그대로입니다.",
      "The file's \"items\" is not a list of notes. Your list is unchanged."] };
  }
  const total = Array.isArray(raw) ? raw.length : Object.keys(raw).length;
  if (total > MAX_ITEMS) return { error: tooMany(total) };
  try {
    const doc = migrate(Array.isArray(value) ? value : { version: value.version, items: raw });
    const entries = Object.values(doc.items);
    const dismissed = Array.isArray(value) ? {} : migrate({ version: 1, items: {}, dismissed: value.dismissed }).dismissed;
    // A note listed twice is merged, not "unreadable" (a QA pass).
    const readable = entriesOf(Array.isArray(value) ? value : { version: value.version, items: raw }).length;
    return { entries, skipped: total - readable, repeated: Math.max(0, readable - entries.length), dismissed };
  } catch (e) {
    if (e instanceof NewerVersion) {
      return { error: [`더 새 버전(${e.message})\u2060의 목록 파일이라 읽을 수 없습니다. 목록은 그대로입니다.`, `This list file is from a newer version (${e.message}) and cannot be read. Your list is unchanged.`] };
    }
    return { error: ["목록 파일을 읽을 수 없습니다. 목록은 그대로입니다.", "The list file cannot be read. Your list is unchanged."] };
  }
}

/* [ko, en]: a list of `n` papers is more than a list holds. */
export function tooMany(n) {
  const count = n.toLocaleString("en");
  return [`항목이 ${count}개입니다. 목록에는 최대 ${MAX_ITEMS.toLocaleString("en")}개까지 담을 수 있습니다. 목록은 그대로입니다.`,
    `It lists ${count} papers; a reading list holds at most ${MAX_ITEMS.toLocaleString("en")}. Your list is unchanged.`];
}

export class TooMany extends Error {}

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeShare(entries) {
  const rows = entries.map((e) => [e.slug, e.title, e.date, e.state === "read" ? 1 : 0, e.arxiv || ""]);
  const bytes = new TextEncoder().encode(JSON.stringify(rows));
  if (typeof CompressionStream === "function") {
    try { return "z" + toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw"))); } catch (e) { /* plain below */ }
  }
  return "j" + toBase64Url(bytes);
}

/* `bytes` inflated, up to `limit` bytes: past it, the stream is cancelled and this throws (a share
 * link of 777 kB inflated to 600 MB of spaces took a phone's tab to 1.8 GB before it was checked:
 * a QA pass). */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw new Error("too large");
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

/* { entries, skipped } from a share fragment (without "#list="): `skipped`, the rows that are no
 * readable entry (a QA pass: `[1]` showed "0 notes" and said nothing of the row left out); throws
 * on anything malformed. */
export async function decodeShare(text) {
  let bytes = fromBase64Url(text.slice(1));
  if (text[0] === "z") bytes = await inflate(bytes, MAX_SHARE_BYTES);
  else if (text[0] !== "j") throw new Error("unknown share format");
  if (bytes.length > MAX_SHARE_BYTES) throw new Error("too large");   // a few kB inflated to 200 MB of spaces
  const rows = JSON.parse(new TextDecoder().decode(bytes));
  if (!Array.isArray(rows)) throw new Error("not a list");
  if (rows.length > MAX_ITEMS) throw new TooMany(String(rows.length));
  const mapped = rows.filter(Array.isArray).map((r) => ({
    slug: r[0], title: r[1], date: r[2], state: r[3] === 1 ? "read" : "to-read", arxiv: r[4] || null,
  }));
  const doc = migrate(mapped);
  return { entries: Object.values(doc.items), skipped: rows.length - entriesOf(mapped).length };
}

export function citeKey(slug) {
  return slug.replace(/[^A-Za-z0-9_:.-]/g, "-");
}

/* The site's BibTeX entries of `entries`' notes, by cite key, as papernotes.bib has them: from the
 * files that hold a few notes' entries each (`urls.cite_file`: the slug's CRC-32 names the file, as
 * for the preview cards). The whole papernotes.bib was fetched for any export (4.9 MB at 10,000
 * notes, 25 s on a slow phone for a list of 30: a QA pass). Each file is fetched once per page; a
 * file that cannot be had leaves its notes the minimal entry a note no longer on the site gets. */
export const CITE_FILES = 2048;   // urls.PREVIEW_FILES (tests/test_reading_list_browser.py compares them)
const citeFiles = new Map();
async function siteEntries(entries) {
  const names = new Set(entries.map((e) => shardOf(e.slug, CITE_FILES)));
  const files = await Promise.all([...names].map((name) => {
    if (!citeFiles.has(name)) {
      citeFiles.set(name, fetch(new URL(`cite/${name}.json`, ROOT)).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
    }
    return citeFiles.get(name);
  }));
  const byKey = new Map();
  for (const file of files) {
    for (const [slug, entry] of Object.entries(file || {})) if (typeof entry === "string") byKey.set(citeKey(slug), entry.trim() + "\n");
  }
  return byKey;
}

function bibEscape(text) {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => ({ "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" }[c] || "\\" + c));
}

export async function exportBibtex(entries) {
  const site = await siteEntries(entries);
  return entries.map((e) => {
    const found = site.get(citeKey(e.slug));
    if (found) return found;
    const year = (e.published || e.date || "").slice(0, 4);
    const fields = [["title", `{${bibEscape(e.title)}}`]];
    if (year) fields.push(["year", year]);
    if (e.arxiv) fields.push(["eprint", bibEscape(e.arxiv)], ["archiveprefix", "arXiv"], ["url", `https://arxiv.org/abs/${e.arxiv}`]);
    return `@misc{${citeKey(e.slug)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`;
  }).join("\n");
}

const ACCENTS = { "`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304", u: "\u0306", ".": "\u0307",
  '"': "\u0308", r: "\u030a", H: "\u030b", v: "\u030c", c: "\u0327", k: "\u0328" };
const LETTERS = { ss: "ß", ae: "æ", AE: "Æ", o: "ø", O: "Ø", oe: "œ", OE: "Œ", l: "ł", L: "Ł", i: "ı", aa: "å", AA: "Å" };

/* BibTeX field text (as bibtex.py escapes it) back to plain Unicode. */
export function unescapeBib(text) {
  return text
    .replace(/\{\\([`'^~=u."rHvck])\{?\\?([A-Za-z])\}?\}/g, (_, cmd, base) => (base + ACCENTS[cmd]).normalize("NFC"))
    .replace(/\{\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i)\}/g, (_, name) => LETTERS[name])
    .replace(/\\textbackslash\{\}/g, "\\").replace(/\\textasciitilde\{\}/g, "~").replace(/\\textasciicircum\{\}/g, "^")
    .replace(/\\([{}&%$#_])/g, "$1")
    .replace(/^\{(.*)\}$/, "$1");
}

function authorsOf(bib) {
  return bibNames(bib).map(risName);
}

/* The names of a BibTeX entry's `author` field, as written there. */
function bibNames(bib) {
  const m = /\n\s*author = \{(.*)\},?\n/.exec(bib || "");
  return m ? m[1].split(" and ").map((a) => a.trim()) : [];
}

/* A BibTeX name as bibtex.py writes it, in RIS's form: `{kept whole}` as written, `Last, Jr, First`
 * as `Last, First, Jr`, `First von Last` as `von Last, First` (citation.family_first's rule). */
function risName(bibName) {
  if (bracedWhole(bibName)) return unescapeBib(bibName);
  const name = unescapeBib(bibName);
  const parts = name.split(", ");
  if (parts.length === 3) return `${parts[0]}, ${parts[2]}, ${parts[1]}`;
  const words = name.split(" ");
  if (parts.length > 1 || words.length < 2) return name;
  const family = words.pop();
  let cut = words.length;
  while (cut && /^\p{Lu}/u.test(family) && /^\p{Ll}/u.test(words[cut - 1])) cut -= 1;
  if (!cut) return name;
  return `${[...words.slice(cut), family].join(" ")}, ${words.slice(0, cut).join(" ")}`;
}

/* Whether the brace opening `text` closes at its end (`{R\&D Team}`, not `{\'E}mile Bor{\'e}`). */
function bracedWhole(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}" && --depth === 0) return i === text.length - 1 && text[0] === "{";
  }
  return false;
}

/* The paper's date as RIS's [PY, DA]: `published`, else the month of the arXiv id (2504.06141 is
 * 2025/04, hep-th/9108001 1991/08), else none (citation.paper_day's rule). */
function paperDate(e) {
  if (e.published) return [e.published.slice(0, 4), e.published.replace(/-/g, "/") + "/"];
  const m = /^(\d\d)(\d\d)\.\d{4,5}$/.exec(e.arxiv || "") || /\/(\d\d)(\d\d)\d{3}$/.exec(e.arxiv || "");
  if (!m) return [];
  const year = String((m[0].includes("/") && Number(m[1]) >= 91 ? 1900 : 2000) + Number(m[1]));
  return [year, `${year}/${m[2]}//`];
}

export async function exportRis(entries) {
  const site = await siteEntries(entries);
  return entries.map((e) => {
    // A report of arXiv, as the site's own RIS says (outputs/ris.py): a Zotero library got one
    // paper as two item types, by where it was exported from.
    const lines = [["TY", "RPRT"], ["TI", e.title]];
    for (const a of authorsOf(site.get(citeKey(e.slug)))) lines.push(["AU", a]);
    const [year, day] = paperDate(e);
    if (year) lines.push(["PY", year], ["DA", day]);
    if (e.arxiv) {
      lines.push(["PB", "arXiv"], ["SN", `arXiv:${e.arxiv}`], ["DO", `10.48550/arXiv.${e.arxiv}`],
        ["UR", `https://arxiv.org/abs/${e.arxiv}`], ["L1", `https://arxiv.org/pdf/${e.arxiv}`]);
    }
    lines.push(["UR", new URL(`notes/${encodeURIComponent(e.slug)}/`, ROOT).href], ["ID", e.slug]);
    for (const t of e.tags) lines.push(["KW", t]);
    if (e.note) lines.push(["N1", e.note.replace(/\r?\n/g, " ")]);
    lines.push(["ER", ""]);
    return lines.map(([k, v]) => `${k}  - ${String(v).replace(/[\r\n\u2028\u2029]+/g, " ")}`).join("\r\n");   // each value on its line
  }).join("\r\n") + "\r\n";
}

/* The list as CSL-JSON (citeproc's input: Zotero, Pandoc, Quarto), each paper as the site's own
 * CSL-JSON describes it (outputs/csl_json.py: type `article`, arXiv's DOI, number and page); its
 * authors from the site's BibTeX, as the RIS export takes them; memos stay out, as in BibTeX. */
export async function exportCsl(entries) {
  const site = await siteEntries(entries);
  return JSON.stringify(entries.map((e) => {
    const item = { id: e.slug, type: "article", title: e.title, author: bibNames(site.get(citeKey(e.slug))).map(cslName) };
    const [, day] = paperDate(e);   // RIS's `YYYY/MM/DD/`, or `YYYY/MM//` from an arXiv id
    if (day) item.issued = { "date-parts": [day.split("/").filter(Boolean).map(Number)] };
    if (e.arxiv) {
      Object.assign(item, { publisher: "arXiv", number: `arXiv:${e.arxiv}`, DOI: `10.48550/arXiv.${e.arxiv}`,
        URL: `https://arxiv.org/abs/${e.arxiv}` });
    }
    item.note = `papernotes: ${new URL(`notes/${encodeURIComponent(e.slug)}/`, ROOT).href}`;
    if (e.tags.length) item.keyword = e.tags.join(", ");
    return item;
  }), null, 2) + "\n";
}

/* A BibTeX name as a CSL name: one kept whole (`{O'Brien, Jr.}`, `{이순신}`) as written, the others
 * split as the RIS export splits them (`Family, Given[, Suffix]`). */
function cslName(bibName) {
  if (bracedWhole(bibName)) return { literal: unescapeBib(bibName) };
  const parts = risName(bibName).split(", ");
  if (parts.length === 1) return { literal: parts[0] };
  const out = { family: parts[0], given: parts[1] };
  if (parts[2]) out.suffix = parts[2];
  return out;
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
