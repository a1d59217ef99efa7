import { onEventsCommitted } from "@/lib/events/emit-event";
import { getRealtimeHub } from "@/lib/events/start-events";
import { logger } from "@/lib/log";
import { clearPageCache, clearStockListingPages } from "@/lib/next/page-cache";

/**
 * A per-instance cache of the storefront's catalogue reads: products,
 * prices, category listings, the category tree and the stores. The public
 * catalogue pages are also cached whole (lib/next/page-cache.ts); these
 * reads serve their renders and the pages that render per request.
 *
 * Invalidation: the whole cache, and this instance's cached catalogue
 * pages, are dropped as soon as a catalogue, pricing, location or settings
 * event commits in this process (so an editor sees their own change on the
 * next request) or reaches this instance's realtime hub from another one
 * (every instance listens to the same PostgreSQL notifications, so every
 * instance drops its own copies). Every read also expires after a short
 * time, which bounds staleness if the hub is down. Stock events drop only
 * the cached stock figures and the listings filtered by stock: a product
 * page's rendered figures are a first guess that the open page replaces
 * with live ones over the events stream (use-live-stock.ts).
 */

const INVALIDATING_EVENTS = /^(catalog|pricing|location|settings)\./;
const STOCK_EVENTS = /^inventory\./;
/** Keys of cached stock figures start with this; stock events drop only them. */
export const STOCK_KEY_PREFIX = "stock:";
const DEFAULT_TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  value: Promise<unknown>;
  expiresAt: number;
}

interface CacheState {
  entries: Map<string, Entry>;
  isWatching: boolean;
  isWatchingCommits: boolean;
}

// On globalThis because Next loads server code in several bundles.
const global = globalThis as unknown as { __omnitillStorefrontCache?: CacheState };
global.__omnitillStorefrontCache ??= {
  entries: new Map(),
  isWatching: false,
  isWatchingCommits: false,
};
const state: CacheState = global.__omnitillStorefrontCache;

// `next build` renders pages to find out which are static; it must not
// start the event machinery (or open the embedded database) to do so.
const isBuilding = () => process.env.NEXT_PHASE === "phase-production-build";

/** Drops what events of `types` make stale: everything, stock only, or nothing. */
export function dropForEvents(types: readonly string[]): void {
  if (types.some((type) => INVALIDATING_EVENTS.test(type))) dropCatalog();
  else if (types.some((type) => STOCK_EVENTS.test(type))) dropStock();
}

/**
 * Drops the cache on every catalogue, pricing, location or settings event
 * committed in this process or handed on by its realtime hub; called by the
 * storefront's reads.
 */
export function watchCatalogEvents(): void {
  if (state.isWatching || isBuilding()) return;
  state.isWatching = true;
  if (!state.isWatchingCommits) {
    state.isWatchingCommits = true;
    onEventsCommitted(dropForEvents);
  }
  getRealtimeHub()
    .then((hub) =>
      hub.subscribe({
        onEvent: (event) => dropForEvents([event.type]),
        onClose: () => {
          state.isWatching = false;
          dropCatalog();
        },
      }),
    )
    .catch((error: unknown) => {
      // Without events the time limits alone keep entries fresh enough.
      state.isWatching = false;
      logger.warn({ err: error }, "storefront cache runs without event invalidation");
    });
}

/** Forgets every cached read and catalogue page. */
function dropCatalog(): void {
  clearCatalogCache();
  clearPageCache();
}

/** Forgets cached stock figures and the listings filtered by stock. */
function dropStock(): void {
  clearCatalogCache(STOCK_KEY_PREFIX);
  clearStockListingPages();
}

/**
 * The cached result of `load` under `key`, loading it once for all the
 * requests that ask at the same moment. A failed load is not kept.
 */
export function cachedRead<T>(
  key: string,
  load: () => Promise<T>,
  options: { ttlMs?: number; now?: number } = {},
): Promise<T> {
  const now = options.now ?? Date.now();
  const hit = state.entries.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;

  const value = load();
  state.entries.set(key, { value, expiresAt: now + (options.ttlMs ?? DEFAULT_TTL_MS) });
  value.catch(() => {
    if (state.entries.get(key)?.value === value) state.entries.delete(key);
  });
  if (state.entries.size > MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest tenth.
    const drop = Math.ceil(MAX_ENTRIES / 10);
    for (const oldest of [...state.entries.keys()].slice(0, drop))
      state.entries.delete(oldest);
  }
  return value;
}

/** Forgets cached reads (those whose key starts with `prefix`, or all). */
export function clearCatalogCache(prefix?: string): void {
  if (prefix === undefined) {
    state.entries.clear();
    return;
  }
  for (const key of [...state.entries.keys()]) {
    if (key.startsWith(prefix)) state.entries.delete(key);
  }
}
