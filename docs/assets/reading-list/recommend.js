/* Recommendations that say why, computed in the browser from reading-list/index.json (written by
 * hooks/papernotes/outputs/reading_list.py, which documents the format).
 *
 * A profile is built from the notes in the list: each of their tags weighs log(1 + N / df) (rare
 * tags say more), each of their terms the same, read notes 1.5 times a saved one. Notes marked
 * "not interested" count against their tags and terms with the same weights, so similar notes fall.
 * A candidate (a note neither in the list nor dismissed) scores the sum of its tags' and terms'
 * profile weights, plus LINEAGE for each note of the list it builds on or that builds on it.
 * The reasons shown are the features that scored, strongest first, and the listed note it shares
 * most with. Only the cards of the notes shown are fetched (reading-list/cards/<n>.json).
 */

import { ROOT, el, langOf } from "./text.js";

const READ_WEIGHT = 1.5;
const TERM_WEIGHT = 0.7;
const LINEAGE = 4;

function base36(text) {
  return parseInt(text, 36);
}

function rows(packed, count) {
  const out = new Array(count);
  const parts = packed === undefined ? [] : packed.split(";");
  for (let i = 0; i < count; i++) out[i] = parts[i] ? parts[i].split(",").map(base36) : [];
  return out;
}

/* FNV-1a of the slug's UTF-8 bytes folded to 30 bits, base 36, six wide (as reading_list.py). */
export function slugHash(slug) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(slug)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return (((h ^ (h >>> 30)) & 0x3fffffff) >>> 0).toString(36).padStart(6, "0");
}

export class SiteNotes {
  constructor(doc) {
    this.doc = doc;
    this.count = doc.count;
    this.tags = doc.tags;
    this.tagSlugs = new Set(doc.tags.map((t) => t[0]));   // the tags the site has, by slug
    this.terms = doc.terms;
    this.termsKo = doc.terms_ko || {};   // a glossary term's Korean form, by index (pre-training: 사전 학습)
    this.tagsOf = rows(doc.tags_of, doc.count);
    this.termsOf = rows(doc.terms_of, doc.count);
    this.lineageOf = rows(doc.lineage_of, doc.count);
    this.byHash = new Map();
    for (let i = 0; i < doc.count; i++) {
      const h = doc.ids.slice(i * 6, i * 6 + 6);
      this.byHash.set(h, this.byHash.has(h) ? -1 : i);
    }
    this.tagDf = new Float64Array(this.tags.length);
    this.termDf = new Float64Array(this.terms.length);
    this.tagsOf.forEach((ts) => ts.forEach((t) => { this.tagDf[t] += 1; }));
    this.termsOf.forEach((ts) => ts.forEach((t) => { this.termDf[t] += 1; }));
  }

  /* The note's position, or -1 when the site no longer has it. */
  find(slug) {
    // Own keys only: a list holding `constructor` or `__proto__` (a share link, an import) found
    // Object's own and broke the recommendations for good (a QA pass).
    if (Object.hasOwn(this.doc.exact, slug)) return this.doc.exact[slug];
    const i = this.byHash.get(slugHash(slug));
    return i === undefined || i < 0 ? -1 : i;
  }

  tagLabel(t) {
    return this.tags[t];
  }

  async cards(positions) {
    const shard = this.doc.card_shard;
    const files = this.cardFiles || (this.cardFiles = new Map());
    for (const p of positions) {
      const n = Math.floor(p / shard);
      if (!files.has(n)) {
        files.set(n, fetch(new URL(this.doc.cards.replace("{n}", String(n)), ROOT)).then((r) => {
          if (!r.ok) throw new Error(`${r.status} ${r.url}`);
          return r.json();
        }));
      }
    }
    return Promise.all(positions.map(async (p) => {
      const row = (await files.get(Math.floor(p / shard)))[p % shard];
      return { position: p, slug: row[0], title: row[1], date: row[2], published: row[3], arxiv: row[4], authors: row[5] || [] };
    }));
  }
}

/* A card's byline (reading_list.card_authors: names, [name, author slug] for a name with a page,
 * then how many more), as the site's lists write it: "A, B, C… (+5)", a name with a page linked
 * to it, each name in its own language and a right-to-left one isolated from the commas. */
export function byline(site, authors) {
  const names = authors.filter((a) => typeof a !== "number").map((a) => (Array.isArray(a) ? a : [a, null]));
  if (!names.length) return null;
  const more = authors.find((a) => typeof a === "number");
  const sep = names.some(([name]) => name.includes(",")) ? "; " : ", ";
  const span = el("span", { class: "pn-authors" });
  names.forEach(([name, slug], i) => {
    if (i) span.append(sep);
    const shown = slug
      ? el("a", { class: "pn-author", href: new URL(site.doc.author_page.replace("{slug}", encodeURIComponent(slug)), ROOT).pathname, lang: langOf(name) }, name)
      : el("span", { lang: langOf(name) }, name);
    span.append(/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(name) ? el("bdi", {}, shown) : shown);
  });
  if (more) span.append(`${sep}… (+${more})`);
  return span;
}

export async function loadSiteNotes() {
  const response = await fetch(new URL("reading-list/index.json", ROOT));
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return new SiteNotes(await response.json());
}

/* Up to `limit` recommendations: [{position, score, tags: [t], terms: [t], lineage: [slug], like: slug}]. */
export function recommend(site, entries, dismissed, limit = 10) {
  const tagW = new Float64Array(site.tags.length);
  const termW = new Float64Array(site.terms.length);
  const inList = new Map();
  const excluded = new Set();
  const idf = (df) => Math.log(1 + site.count / Math.max(df, 1));
  for (const e of entries) {
    const i = site.find(e.slug);
    if (i < 0) continue;
    inList.set(i, e.slug);
    excluded.add(i);
    const w = e.state === "read" ? READ_WEIGHT : 1;
    site.tagsOf[i].forEach((t) => { tagW[t] += w * idf(site.tagDf[t]); });
    site.termsOf[i].forEach((t) => { termW[t] += w * TERM_WEIGHT * idf(site.termDf[t]); });
  }
  for (const slug of dismissed) {
    const i = site.find(slug);
    if (i < 0) continue;
    excluded.add(i);
    site.tagsOf[i].forEach((t) => { tagW[t] -= idf(site.tagDf[t]); });
    site.termsOf[i].forEach((t) => { termW[t] -= TERM_WEIGHT * idf(site.termDf[t]); });
  }
  if (!inList.size) return [];
  const scored = [];
  for (let i = 0; i < site.count; i++) {
    if (excluded.has(i)) continue;
    let score = 0;
    for (const t of site.tagsOf[i]) score += tagW[t];
    for (const t of site.termsOf[i]) score += termW[t];
    // Lineage both ways: the candidate builds on a listed note, or a listed note builds on it.
    const lineage = site.lineageOf[i].filter((j) => inList.has(j)).map((j) => inList.get(j));
    for (const [j, slug] of inList) if (site.lineageOf[j].includes(i)) lineage.push(slug);
    score += LINEAGE * lineage.length;
    if (score > 0) scored.push([score, i, lineage]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return scored.slice(0, limit).map(([score, i, lineage]) => {
    const tags = site.tagsOf[i].filter((t) => tagW[t] > 0).sort((a, b) => tagW[b] - tagW[a]);
    const terms = site.termsOf[i].filter((t) => termW[t] > 0).sort((a, b) => termW[b] - termW[a]);
    let like = null;
    let best = 0;
    for (const [j, slug] of inList) {
      const shared = site.tagsOf[j].filter((t) => site.tagsOf[i].includes(t)).length + site.termsOf[j].filter((t) => site.termsOf[i].includes(t)).length;
      if (shared > best) { best = shared; like = slug; }
    }
    return { position: i, score, tags, terms, lineage: [...new Set(lineage)], like };
  });
}
