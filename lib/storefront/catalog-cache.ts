import { getRealtimeHub } from "@/lib/events/start-events";
import { logger } from "@/lib/log";

/**
 * A per-instance cache of the storefront's catalogue reads: product pages,
 * prices, category listings, the category tree and the stores. Every page
 * is rendered per request (the content security policy's nonce is new each
 * time), so the cache keeps the database work off the hot path instead.
 *
 * Invalidation: the whole cache is dropped as soon as this instance's
 * realtime hub hands on a catalogue, pricing, location or settings event,
 * so a price change shows on the next request. Every entry also expires
 * after a short time, which bounds staleness if the hub is down and lets
 * promotions that start or end on the clock take effect. A product page's
 * stock figures are kept only until the next inventory event (and a few
 * seconds at most): the open page asks for live figures over the events
 * stream anyway, so the rendered ones need only be nearly right.
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
}

// On globalThis because Next loads server code in several bundles.
const global = globalThis as unknown as { __omnitillStorefrontCache?: CacheState };
global.__omnitillStorefrontCache ??= { entries: new Map(), isWatching: false };
const state: CacheState = global.__omnitillStorefrontCache;

// `next build` renders pages to find out which are static; it must not
// start the event machinery (or open the embedded database) to do so.
const isBuilding = () => process.env.NEXT_PHASE === "phase-production-build";

/**
 * Drops the cache on every catalogue, pricing, location or settings event
 * this instance's realtime hub hands on; called by the storefront's reads.
 */
export function watchCatalogEvents(): void {
  if (state.isWatching || isBuilding()) return;
  state.isWatching = true;
  getRealtimeHub()
    .then((hub) =>
      hub.subscribe({
        onEvent: (event) => {
          if (INVALIDATING_EVENTS.test(event.type)) clearCatalogCache();
          else if (STOCK_EVENTS.test(event.type)) clearCatalogCache(STOCK_KEY_PREFIX);
        },
        onClose: () => {
          state.isWatching = false;
          clearCatalogCache();
        },
      }),
    )
    .catch((error: unknown) => {
      // Without events the time limit alone keeps entries fresh enough.
      state.isWatching = false;
      logger.warn({ err: error }, "storefront cache runs without event invalidation");
    });
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
