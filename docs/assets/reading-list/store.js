/* The reading list's storage: one versioned JSON document in localStorage, shared by every tab.
 *
 * Document (version 1), under KEY:
 *   {version: 1, items: {<slug>: Entry}, dismissed: {<slug>: <ISO time>}}
 *   Entry: {slug, title, date, published, arxiv, tags: [...], state: "to-read" | "read",
 *           saved: <ISO time>, read: <ISO time> | null, note: <the reader's private text>}
 * An entry keeps the note's title, dates and id, so a note later removed from the site still
 * shows in the list by name (the list page marks it as gone).
 *
 * Nothing is lost:
 * - every change re-reads the stored document, applies itself and writes back, so two tabs never
 *   overwrite each other's changes; the other tabs hear of it through the `storage` event;
 * - storage unavailable (private browsing, blocked, throwing): the list lives in memory for the
 *   page and `problem` says so ("off"); a full quota keeps the change in memory ("full");
 * - a stored document that does not parse is copied aside to KEY + ".broken" before a new list
 *   starts ("broken"); one written by a newer version of the site is shown but never written
 *   ("newer");
 * - older versions are migrated by MIGRATIONS, one step per version. Version 0 is a bare array of
 *   entries (or of slugs): what a hand-made list or an early export looks like.
 */

export const KEY = "papernotes.reading-list";
export const VERSION = 1;
/* The most papers a list holds: an import or a shared list with more is refused whole (100,000
 * entries froze the page for 103 s; the list page draws every entry). */
export const MAX_ITEMS = 5000;
/* The longest memo, in UTF-16 units (a textarea's maxlength counts the same): an imported one is cut. */
export const MEMO_LIMIT = 20000;
/* A map from slugs with no prototype: a slug `constructor` or `toString` read the Object's own. */
const map = () => Object.create(null);
const STATES = new Set(["to-read", "read"]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const MIGRATIONS = {
  0: (doc) => {
    const found = map();
    // A bare list, or an export whose `version` was lost (its items a list, or a stored document's object).
    const items = doc.items && typeof doc.items === "object" ? Object.values(doc.items) : [];
    for (const raw of items) {
      const entry = normaliseEntry(typeof raw === "string" ? { slug: raw } : raw);
      if (entry) found[entry.slug] = entry;
    }
    return { version: 1, items: found, dismissed: map() };
  },
};

export class NewerVersion extends Error {}

function text(value, max) {
  return typeof value === "string" ? value.slice(0, max) : "";
}
/* `text`, on one line: a title or tag from a file or share link never holds a line break (one
 * made its own record in an RIS export: a QA pass). */
function line(value, max) {
  // Bidi overrides and isolates too (U+202A-U+202E, U+2066-U+2069), which a note may not hold: a
  // file's title ‮ reversed the text after it (a fuzzing QA pass).
  return text(value, max).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
}

/* A clean entry from anything shaped like one, or null when it has no usable slug. */
export function normaliseEntry(raw, now = new Date().toISOString()) {
  if (!raw || typeof raw !== "object") return null;
  const slug = text(raw.slug, 200).trim();
  if (!slug || /[\s/\\?#]/.test(slug)) return null;
  const state = STATES.has(raw.state) ? raw.state : "to-read";
  // A time from 2000 to a day past now (a file said 2099-01-01, or "not a date"): else the import's.
  const latest = Date.parse(now) + 86400000;
  const iso = (v) => {
    const at = typeof v === "string" ? Date.parse(v) : NaN;
    return at >= Date.UTC(2000, 0, 1) && at <= latest ? new Date(at).toISOString() : null;
  };
  const day = (v) => (DAY.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v ? v : null);
  return {
    slug,
    title: line(raw.title, 500).trim() || slug,
    date: day(raw.date) || "",
    published: day(raw.published),
    arxiv: line(raw.arxiv, 40).trim() || null,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === "string" && t).map((t) => line(t, 200)).slice(0, 50) : [],
    state,
    saved: iso(raw.saved) || now,
    read: state === "read" ? iso(raw.read) || iso(raw.saved) || now : null,
    note: text(raw.note, MEMO_LIMIT),
  };
}

/* A stored or imported document at the current version; throws NewerVersion or Error. */
export function migrate(value) {
  const doc = upgraded(value);
  const items = map();
  // A note listed twice is merged as an import merges (both memos kept: a QA pass found the first dropped).
  for (const entry of entriesOf(doc)) items[entry.slug] = items[entry.slug] ? mergeOne(items[entry.slug], entry) : entry;
  const dismissed = map();
  for (const [slug, at] of Object.entries(doc.dismissed && typeof doc.dismissed === "object" ? doc.dismissed : {})) {
    if (typeof at === "string") dismissed[slug] = at;
  }
  return { version: VERSION, items, dismissed };
}

/* `value` (a document or a bare list) at the current version, its items as they were. */
function upgraded(value) {
  if (Array.isArray(value)) value = { version: 0, items: value };
  if (!value || typeof value !== "object") throw new Error("not a reading list");
  let doc = value;
  let version = Number.isInteger(doc.version) ? doc.version : 0;
  if (version > VERSION) throw new NewerVersion(String(version));
  while (version < VERSION) {
    doc = MIGRATIONS[version](doc);
    version = doc.version;
  }
  return doc;
}

/* The readable entries of a document or bare list, in order, a note listed twice twice. */
export function entriesOf(value) {
  const doc = upgraded(value);
  return Object.values(doc.items && typeof doc.items === "object" ? doc.items : {}).map((raw) => normaliseEntry(raw)).filter(Boolean);
}

function emptyDoc() {
  return { version: VERSION, items: map(), dismissed: map() };
}

function combineNotes(a, b) {
  if (!b || a.includes(b)) return a;
  if (!a || b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

/* `incoming` merged into `existing`: the earlier save, read if either was, both notes. */
function mergeOne(existing, incoming) {
  const read = existing.state === "read" || incoming.state === "read";
  const times = [existing.read, incoming.read].filter(Boolean).sort();
  return {
    ...existing,
    title: existing.title && existing.title !== existing.slug ? existing.title : incoming.title,
    date: existing.date || incoming.date,
    published: existing.published || incoming.published,
    arxiv: existing.arxiv || incoming.arxiv,
    tags: existing.tags.length ? existing.tags : incoming.tags,
    state: read ? "read" : "to-read",
    saved: [existing.saved, incoming.saved].sort()[0],
    read: read ? times[0] || existing.saved : null,
    note: combineNotes(existing.note, incoming.note),
  };
}

/* Merge entries into `doc` by arXiv id (by slug when an entry has none). Idempotent: merging the
 * same entries again changes nothing. Returns {added, updated, unchanged}. */
export function mergeInto(doc, entries) {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  const byArxiv = new Map();   // one look-up per entry (a search of the list for each was quadratic)
  for (const e of Object.values(doc.items)) if (e.arxiv && !byArxiv.has(e.arxiv)) byArxiv.set(e.arxiv, e);
  for (const incoming of entries) {
    const existing = (incoming.arxiv && byArxiv.get(incoming.arxiv)) || doc.items[incoming.slug];
    if (!existing) {
      doc.items[incoming.slug] = incoming;
      if (incoming.arxiv && !byArxiv.has(incoming.arxiv)) byArxiv.set(incoming.arxiv, incoming);
      counts.added += 1;
      continue;
    }
    const merged = mergeOne(existing, incoming);
    if (JSON.stringify(merged) === JSON.stringify(existing)) counts.unchanged += 1;
    else {
      doc.items[existing.slug] = merged;
      if (merged.arxiv) byArxiv.set(merged.arxiv, merged);
      counts.updated += 1;
    }
  }
  return counts;
}

function openStorage() {
  try {
    const storage = window.localStorage;
    const probe = `${KEY}.probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch (e) {
    return null;
  }
}

export class Store {
  constructor() {
    this.storage = openStorage();
    this.problem = this.storage ? null : "off";
    this.listeners = new Set();
    this.doc = this.read();
    window.addEventListener("storage", (event) => {
      if (event.key !== KEY && event.key !== null) return;
      this.doc = this.read();
      this.emit();
    });
  }

  read() {
    if (!this.storage) return this.doc || emptyDoc();
    let raw;
    try {
      raw = this.storage.getItem(KEY);
    } catch (e) {
      this.problem = "off";
      return this.doc || emptyDoc();
    }
    if (raw === null) return emptyDoc();
    try {
      const doc = migrate(JSON.parse(raw));
      if (this.problem === "newer") this.problem = null;
      return doc;
    } catch (e) {
      if (e instanceof NewerVersion) {
        this.problem = "newer";
        try { return migrate({ ...JSON.parse(raw), version: VERSION }); } catch (e2) { return emptyDoc(); }
      }
      try { this.storage.setItem(`${KEY}.broken`, raw); this.storage.removeItem(KEY); } catch (e2) { /* kept as is */ }
      this.problem = "broken";
      return emptyDoc();
    }
  }

  /* Apply `change(doc)` to the freshest stored document and store it. Returns false when the
   * list is read-only (written by a newer site). */
  change(change) {
    if (this.problem === "newer") {
      this.emit();
      return false;
    }
    // After a failed write the freshest list is the one in memory: build on it, not on storage.
    const doc = this.storage && this.problem !== "full" ? this.read() : this.doc;
    const result = change(doc);
    this.doc = doc;
    if (this.storage) {
      try {
        this.storage.setItem(KEY, JSON.stringify(doc));
        if (this.problem === "full") this.problem = null;
      } catch (e) {
        this.problem = "full";
      }
    }
    this.emit();
    return result === undefined ? true : result;
  }

  /* Apply `change(doc)` only if it can be stored: when the browser's storage is full, the list
   * stays as it was stored (an import too large for it was kept in memory, and every later change
   * in that tab was then lost on reload). Returns "stored", "full" or "newer". */
  changeStored(change) {
    const before = this.problem;
    if (!this.change(change)) return "newer";
    if (this.problem !== "full" || !this.storage) return "stored";
    this.doc = this.read();
    this.problem = before === "full" ? "full" : null;
    this.emit();
    return "full";
  }

  get(slug) {
    return this.doc.items[slug] || null;
  }

  entries() {
    return Object.values(this.doc.items);
  }

  /* Save (or refresh) a note from what a page knows of it, keeping the reader's state and note.
   * "full-list" when the note is new and the list holds MAX_ITEMS already: nothing is saved (a QA
   * pass saved two past 5,000, and the list's own export could then not be imported again). */
  save(info, patch = {}) {
    // What the caller does not know (a search result has no tags or arXiv id) keeps its stored value.
    const known = Object.fromEntries(Object.entries(info).filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)));
    return this.change((doc) => {
      const now = new Date().toISOString();
      const old = doc.items[info.slug];
      if (!old && Object.keys(doc.items).length >= MAX_ITEMS) return "full-list";
      const entry = normaliseEntry({ ...(old || {}), ...known, ...(old ? { state: old.state, saved: old.saved, read: old.read, note: old.note } : {}), ...patch }, now);
      if (entry && entry.state === "read" && !entry.read) entry.read = now;
      if (entry) doc.items[entry.slug] = entry;
    });
  }

  /* Saved notes the site renamed (their file, so their address): an entry saved under an old slug
   * with the arXiv id of one of `infos` ({slug, arxiv}: a paper has one note, the checker refuses
   * two) moves to that slug, its state and memo kept. A serve QA pass: after a rename, the new
   * page's Save was not pressed, and pressing it listed the paper twice, once "removed from the
   * site". One look through the list for all of a page's notes, one write when any moved; whether
   * any did. */
  followRenames(infos) {
    const bySlug = this.doc.items, byArxiv = new Map();
    for (const e of Object.values(bySlug)) if (e.arxiv) byArxiv.set(e.arxiv, e.slug);
    const moves = infos.filter((i) => i.arxiv && !bySlug[i.slug] && byArxiv.has(i.arxiv)).map((i) => [byArxiv.get(i.arxiv), i]);
    if (!moves.length) return false;
    return this.change((doc) => {
      let moved = false;
      for (const [old, info] of moves) {
        const entry = doc.items[old];
        if (!entry || entry.arxiv !== info.arxiv || doc.items[info.slug]) continue;
        delete doc.items[old];
        doc.items[info.slug] = { ...entry, slug: info.slug };
        moved = true;
      }
      return moved;
    }) === true;
  }

  remove(slug) {
    return this.change((doc) => { delete doc.items[slug]; });
  }

  dismiss(slug) {
    return this.change((doc) => { doc.dismissed[slug] = new Date().toISOString(); });
  }

  undismiss(slug) {
    return this.change((doc) => { delete doc.dismissed[slug]; });
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit() {
    for (const listener of this.listeners) listener(this);
  }
}
