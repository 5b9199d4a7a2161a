/* The page's one reading list: every module that shows Save / Read / Note buttons on a page
 * (cards.js, list-page.js, results.js for search results) imports this `store`, so a button
 * pressed in one place updates the others at once (two Store objects on one page heard of each
 * other's changes only through another tab's `storage` event, which a page never gets for its own
 * writes). A storage problem is shown once, whichever module changed the list. */

import { showProblems } from "./notice.js";
import { Store } from "./store.js";

export const store = new Store();
showProblems(store);
