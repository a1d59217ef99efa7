import { rootClientOf } from "@/lib/db/after-commit";
import type { Db } from "@/lib/db/client";
import { onEventsCommitted } from "@/lib/events/emit-event";
import type { RealtimeHub } from "@/lib/events/realtime-hub";
import { logger } from "@/lib/log";

/*
 * A per-instance cache of reference data that nearly every request reads
 * and that changes rarely: pricing's markets and their rules, the
 * definitions of switched-on promotions, tax regions with their rates, and
 * the API keys integrations authenticate with. Every cart change, cart view
 * and checkout prices the cart again, and every API call checks its key;
 * without it each one read all of these afresh.
 *
 * What is never cached: anything about one shopper or one basket (the
 * customer, their usage, the lines' catalogue facts), stock, and usage
 * totals of promotions that have a limit (read fresh each time).
 *
 * Invalidation: everything is dropped as soon as a pricing, settings,
 * location, catalogue or API key event commits in this process
 * (onEventsCommitted, so an editor prices with their own change at once and
 * a revoked key is refused by the next request) or reaches this instance's
 * realtime hub from another; entries also expire after a short time, in
 * case the hub is down. Promotions are cached with their dates and filtered
 * by the instant on every read, so one starts and ends on time.
 *
 * Off until the server turns it on (`enableReferenceCache`, once its
 * realtime hub runs): a process without the hub, such as a test or the
 * CLI, would not hear of other writers, so it reads the database every
 * time. When the hub stops, the cache turns off again.
 */

const INVALIDATING_EVENTS = /^(pricing|settings|location|catalog|api_key)\./;
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

const global = globalThis as unknown as { __omnitillReferenceCache?: CacheState };
global.__omnitillReferenceCache ??= {
  isEnabled: false,
  entries: new WeakMap(),
  generation: 0,
};
const state: CacheState = global.__omnitillReferenceCache;

/** Turns the cache on, dropping it on every invalidating event the hub hands on. */
export function enableReferenceCache(hub: RealtimeHub): void {
  if (state.isEnabled) return;
  state.isEnabled = true;
  onEventsCommitted((types) => {
    if (types.some((type) => INVALIDATING_EVENTS.test(type))) clearReferenceCache();
  });
  hub.subscribe({
    onEvent: (event) => {
      if (INVALIDATING_EVENTS.test(event.type)) clearReferenceCache();
    },
    onClose: () => {
      state.isEnabled = false;
      clearReferenceCache();
      logger.info("reference cache off: the realtime hub stopped");
    },
  });
}

/** Forgets every cached read. */
export function clearReferenceCache(): void {
  state.generation += 1;
  state.entries = new WeakMap();
}

/**
 * `load()`, or its cached result under `key` for the database behind `db`.
 * Concurrent asks share one load; a failed load is not kept, nor a result
 * `isKept` refuses (say, a look-up that found nothing, so that guessing
 * keys cannot fill the cache).
 */
export function cachedReference<T>(
  db: Db,
  key: string,
  load: () => Promise<T>,
  isKept: (value: T) => boolean = () => true,
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
    .then((loaded) => {
      // Cleared while loading: the result may predate the change.
      if (generation !== state.generation || !isKept(loaded)) {
        if (cache.get(key)?.value === value) cache.delete(key);
      }
    })
    .catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
  return value;
}
