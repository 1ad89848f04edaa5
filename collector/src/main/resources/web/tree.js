// The unit tree as the units page walks it: pure functions of the units list (no page, no strings),
// so that Node tests them without a browser.

/** Rows the list opens by itself: levels open, top first, while all their rows fit in this many. */
export const OPEN_BUDGET = 200;

/** Search results shown at most: past this the reader narrows the search. */
export const SEARCH_LIMIT = 100;

/** The units by code, the children of each, and the roots (units whose parent is not listed). */
export function treeIndex(units) {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const children = new Map();
  const roots = [];
  for (const u of units) {
    if (u.parent && byCode.has(u.parent)) {
      if (!children.has(u.parent)) children.set(u.parent, []);
      children.get(u.parent).push(u);
    } else {
      roots.push(u);
    }
  }
  return { byCode, children, roots };
}

/**
 * Units in tree order (parents before children), each with its depth and how many units sit
 * directly below it; siblings in `compare` order. Only the children of units `isOpen` accepts are
 * walked, so a ministry's 10,000 communes cost nothing until their district is opened.
 */
export function treeOrder(units, compare, isOpen = () => true, index = treeIndex(units)) {
  const out = [];
  const walk = (list, depth) => {
    const sorted = compare ? [...list].sort(compare) : list;
    for (const u of sorted) {
      const below = index.children.get(u.code) ?? [];
      out.push({ unit: u, depth, below: below.length });
      if (depth < 20 && below.length > 0 && isOpen(u.code)) walk(below, depth + 1);
    }
  };
  walk(index.roots, 0);
  return out;
}

/**
 * The units opened when the list is first shown: whole levels, top first, as long as every row of
 * the next level still fits in `budget` rows. A district's tree opens completely; a ministry's
 * shows its provinces and waits for a click.
 */
export function firstOpened(index, budget = OPEN_BUDGET) {
  const open = new Set();
  let level = index.roots;
  let shown = level.length;
  while (level.length > 0) {
    const next = level.flatMap((u) => index.children.get(u.code) ?? []);
    if (next.length === 0 || shown + next.length > budget) break;
    for (const u of level) open.add(u.code);
    shown += next.length;
    level = next;
  }
  return open;
}

/** Text folded for search: Vietnamese marks and case do not count (`phu loc` finds `Phú Lộc`). */
export function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Units whose name or code holds `query`, folded, in the order given. */
export function search(units, query) {
  const wanted = fold(query.trim());
  return units.filter((u) => fold(u.name).includes(wanted) || u.code.toLowerCase().includes(wanted));
}

/** The unit and its ancestors, root first. */
export function ancestry(units, code, byCode = new Map(units.map((u) => [u.code, u]))) {
  const chain = [];
  for (let u = byCode.get(code); u && chain.length < 20; u = byCode.get(u.parent)) chain.unshift(u);
  return chain;
}

