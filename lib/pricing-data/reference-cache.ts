import { rootClientOf } from "@/lib/db/after-commit";
import type { Db } from "@/lib/db/client";
import { onEventsCommitted } from "@/lib/events/emit-event";
import type { RealtimeHub } from "@/lib/events/realtime-hub";
import { logger } from "@/lib/log";

/*
 * A per-instance cache of pricing's reference data: markets and their
 * rules, the definitions of switched-on promotions, tax regions with their
 * rates. Every cart change, cart view and checkout prices the cart again,
 * and without it each one read all of these afresh.
 *
 * What is never cached: anything about one shopper or one basket (the
 * customer, their usage, the lines' catalogue facts), stock, and usage
 * totals of promotions that have a limit (read fresh each time).
 *
 * Invalidation: everything is dropped as soon as a pricing, settings,
 * location or catalogue event commits in this process (onEventsCommitted,
 * so an editor prices with their own change at once) or reaches this
 * instance's realtime hub from another; entries also expire after a short
 * time, in case the hub is down. Promotions are cached with their dates and
 * filtered by the instant on every read, so one starts and ends on time.
 *
 * Off until the server turns it on (`enablePricingCache`, once its realtime
 * hub runs): a process without the hub, such as a test or the CLI, would
 * not hear of other writers, so it reads the database every time.
 */

const INVALIDATING_EVENTS = /^(pricing|settings|location|catalog)\./;
const TTL_MS = 30_000;

interface Entry {
  value: Promise<unknown>;
  expiresAt: number;
}

interface CacheState {
  isEnabled: boolean;
  /** Per root client, so two databases in one process never mix. */
  entries: WeakMap<object, Map<string, Entry>>;
  /** Bumped by every clear; a load begun before it is not kept. */
  generation: number;
}

const global = globalThis as unknown as { __omnitillPricingCache?: CacheState };
global.__omnitillPricingCache ??= {
  isEnabled: false,
  entries: new WeakMap(),
  generation: 0,
};
const state: CacheState = global.__omnitillPricingCache;

/** Turns the cache on, dropping it on every invalidating event the hub hands on. */
export function enablePricingCache(hub: RealtimeHub): void {
  if (state.isEnabled) return;
  state.isEnabled = true;
  onEventsCommitted((types) => {
    if (types.some((type) => INVALIDATING_EVENTS.test(type))) clearPricingCache();
  });
  hub.subscribe({
    onEvent: (event) => {
      if (INVALIDATING_EVENTS.test(event.type)) clearPricingCache();
    },
    onClose: () => {
      state.isEnabled = false;
      clearPricingCache();
      logger.info("pricing cache off: the realtime hub stopped");
    },
  });
}

/** Forgets every cached read. */
export function clearPricingCache(): void {
  state.generation += 1;
  state.entries = new WeakMap();
}

/**
 * `load()`, or its cached result under `key` for the database behind `db`.
 * Concurrent asks share one load; a failed load is not kept.
 */
export function cachedReference<T>(
  db: Db,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const root = state.isEnabled ? rootClientOf(db) : null;
  if (!root) return load();

  let entries = state.entries.get(root);
  if (!entries) {
    entries = new Map();
    state.entries.set(root, entries);
  }
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;

  const generation = state.generation;
  const value = load();
  const cache = entries;
  cache.set(key, { value, expiresAt: now + TTL_MS });
  value
    .then(() => {
      // Cleared while loading: the result may predate the change.
      if (generation !== state.generation) cache.delete(key);
    })
    .catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
  return value;
}
