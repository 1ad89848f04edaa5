// The unit page's lists of computers, a page at a time: pure (no page, no strings), so that Node
// tests them without a browser. A ministry's root has a million computers below it; the page asks
// GET /api/v1/machines?unit=&limit=&cursor= for what it shows and the total, never for the list.

/** Computers in the page's full list, per page; "more" adds as many again. */
export const MACHINES_PAGE = 100;
/** Offline or failing computers shown first; "more" adds as many again. */
export const PROBLEMS_PAGE = 50;

/** The API path of a page of a unit's computers; `filter` holds state and failing, both optional. */
export function machinesPath(code, filter = {}, limit = MACHINES_PAGE, cursor = null) {
  const q = new URLSearchParams({ unit: code });
  if (filter.state) q.set('state', filter.state);
  if (filter.failing !== undefined && filter.failing !== null) q.set('failing', String(filter.failing));
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return `/machines?${q}`;
}

/**
 * A list read a page at a time: `first` is the first page's answer ({total, machines, nextCursor});
 * `more()` reads the next one through `fetchPage(cursor)` and answers the new machines.
 */
export function pager(first, fetchPage) {
  const state = { loaded: [...first.machines], total: first.total, cursor: first.nextCursor ?? null };
  return {
    get loaded() {
      return state.loaded;
    },
    get total() {
      return state.total;
    },
    /** Computers not shown yet, as the last answer counted them. */
    get remaining() {
      return state.cursor ? Math.max(0, state.total - state.loaded.length) : 0;
    },
    get done() {
      return state.cursor === null;
    },
    async more() {
      if (state.cursor === null) return [];
      const next = await fetchPage(state.cursor);
      // Machines come and go between pages: take the latest total, skip any already shown.
      const seen = new Set(state.loaded.map((m) => m.machineId));
      const added = next.machines.filter((m) => !seen.has(m.machineId));
      state.loaded.push(...added);
      state.total = next.total;
      state.cursor = next.nextCursor ?? null;
      return added;
    },
  };
}
