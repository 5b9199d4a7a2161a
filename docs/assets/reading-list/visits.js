/* New since the reader's previous visit, on the home and day pages.
 *
 * Kept under VISITS_KEY: {version: 1, base, next, seen: {slug: date}, at}. A note is new when its
 * date is on or after `base` (the newest note date the reader had seen when this visit began) and
 * the reader has not yet seen it. A card counts as seen once half of it has been on screen; its
 * mark stays for the rest of this page view and is gone on the next. A visit begins after
 * VISIT_GAP without a page view: then `base` becomes `next` (the newest date seen since), and
 * `seen` keeps only notes of that date or later (notes are added to the newest day during the
 * day, so a same-day note the reader has not seen is still new). On the very first visit
 * nothing is new: every card on the page counts as seen.
 * Dates compare as ISO strings (YYYY-MM-DD). Storage off: nothing is marked, nothing breaks.
 */

const VISITS_KEY = "papernotes.reading-list.visits";
const VISIT_GAP = 30 * 60 * 1000;

function load(storage) {
  try {
    const doc = JSON.parse(storage.getItem(VISITS_KEY) || "null");
    if (doc && doc.version === 1 && doc.seen && typeof doc.seen === "object" && typeof doc.base === "string") return doc;
  } catch (e) { /* unreadable: start again */ }
  return null;
}

function store(storage, doc) {
  try { storage.setItem(VISITS_KEY, JSON.stringify(doc)); } catch (e) { /* full or blocked: marks come back */ }
}

/* `cards`: [{slug, date, element}] on this page. Returns the new ones, and watches them become seen. */
export function trackVisits(cards, onSeen) {
  let storage;
  try { storage = window.localStorage; storage.getItem(VISITS_KEY); } catch (e) { return []; }
  const now = Date.now();
  const newest = cards.reduce((max, c) => (c.date > max ? c.date : max), "");
  let doc = load(storage);
  if (!doc) {
    doc = { version: 1, base: newest, next: newest, seen: Object.fromEntries(cards.map((c) => [c.slug, c.date])), at: now };
    store(storage, doc);
    return [];
  }
  if (now - doc.at > VISIT_GAP) {
    doc.base = doc.next > doc.base ? doc.next : doc.base;
    doc.seen = Object.fromEntries(Object.entries(doc.seen).filter(([, date]) => date >= doc.base));
  }
  doc.at = now;
  const fresh = cards.filter((c) => c.date >= doc.base && !Object.hasOwn(doc.seen, c.slug));
  store(storage, doc);

  function markSeen(card) {
    const current = load(storage) || doc;
    current.seen[card.slug] = card.date;
    if (card.date > current.next) current.next = card.date;
    current.at = Date.now();
    store(storage, current);
    onSeen(card);
  }
  if (fresh.length && "IntersectionObserver" in window) {
    const bySlug = new Map(fresh.map((c) => [c.element, c]));
    const observer = new IntersectionObserver((records) => {
      for (const r of records) {
        if (!r.isIntersecting) continue;
        observer.unobserve(r.target);
        markSeen(bySlug.get(r.target));
      }
    }, { threshold: 0.5 });
    fresh.forEach((c) => observer.observe(c.element));
  }
  return fresh;
}
