/**
 * The app's side of lib/next/page-cache-handler.cjs: the whole-page cache of
 * the public catalogue pages, shared through a global symbol because Next
 * loads the handler outside the app's bundles.
 */
const STATE = Symbol.for("omnitill.pageCache");

interface PageCacheState {
  entries: Map<string, unknown>;
  expiredTags: Map<string, number>;
  /** Keys being rendered, and whether each render is still current. */
  pending: Map<string, boolean>;
}

function pageCacheState(): PageCacheState {
  const global = globalThis as unknown as Record<symbol, PageCacheState | undefined>;
  global[STATE] ??= { entries: new Map(), expiredTags: new Map(), pending: new Map() };
  return global[STATE];
}

/**
 * A category listing filtered by stock ("for delivery", "in stock at a
 * store"): its cache key ends in the path `/categories/<handle>/<filters>`.
 */
const STOCK_LISTING_KEY = /\$\/categories\/[^/]+\/[^/]*(delivery|store)(=|%3D)/i;

/**
 * Drops the cached pages whose key `matches` (all of them by default), and
 * marks their renders in flight as outdated so they are not kept: they
 * may have read the catalogue before the change. The next request renders
 * afresh.
 */
export function clearPageCache(matches: (key: string) => boolean = () => true): void {
  const state = pageCacheState();
  for (const key of [...state.entries.keys()]) {
    if (matches(key)) state.entries.delete(key);
  }
  for (const key of state.pending.keys()) {
    if (matches(key)) state.pending.set(key, false);
  }
}

/** Drops the category listings filtered by stock, after a stock change. */
export function clearStockListingPages(): void {
  clearPageCache((key) => STOCK_LISTING_KEY.test(key));
}

/** The keys of the pages this instance holds (for tests and diagnostics). */
export function cachedPageKeys(): string[] {
  return [...pageCacheState().entries.keys()];
}
