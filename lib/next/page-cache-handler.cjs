/**
 * Where Next keeps whole rendered pages (ISR) in this instance: the public
 * catalogue pages (home, category, product), which carry no per-request
 * nonce and read nothing about the shopper. Entries live in memory, not on
 * disk, so that each instance can drop its own at once when the catalogue,
 * a price or a promotion changes: page-cache.ts, called by the storefront's
 * event watcher (lib/storefront/catalog-cache.ts), reaches this state
 * through a global symbol. `revalidateTag` and `revalidatePath` work too.
 *
 * A render that began before a drop read the old catalogue, and would put
 * it back when it finishes. So each miss is remembered as a pending render;
 * a drop marks the pending renders it covers as outdated, and `set` does not
 * keep what an outdated render made (the next request renders again).
 *
 * Plain CommonJS: Next loads it by path at run time, outside the bundles.
 */
const STATE = Symbol.for("omnitill.pageCache");
const MAX_ENTRIES = 2000;
const MAX_PENDING = 10000;
const TAGS_HEADER = "x-next-cache-tags";

/**
 * @returns {{
 *   entries: Map<string, any>,
 *   expiredTags: Map<string, number>,
 *   pending: Map<string, boolean>,
 * }} `pending` maps a key being rendered to whether its render is current.
 */
function pageCacheState() {
  globalThis[STATE] ??= {
    entries: new Map(),
    expiredTags: new Map(),
    pending: new Map(),
  };
  return globalThis[STATE];
}

function tagsOf(entry) {
  const header = entry.value?.headers?.[TAGS_HEADER];
  return [
    ...(entry.tags ?? []),
    ...(typeof header === "string" ? header.split(",") : []),
  ];
}

/** Whether Next will render `entry` again (its revalidate time has passed). */
function isPastRevalidate(entry, now) {
  const seconds = entry.cacheControl?.revalidate;
  return typeof seconds === "number" && entry.lastModified + seconds * 1000 <= now;
}

/** Remembers that `key` is about to be rendered, unless a render is pending already. */
function notePending(state, key) {
  if (state.pending.has(key)) return;
  if (state.pending.size >= MAX_PENDING) state.pending.clear();
  state.pending.set(key, true);
}

module.exports = class PageCacheHandler {
  async get(key) {
    const state = pageCacheState();
    const entry = state.entries.get(key);
    if (!entry) {
      notePending(state, key);
      return null;
    }
    const isExpired = tagsOf(entry).some(
      (tag) => (state.expiredTags.get(tag) ?? 0) >= entry.lastModified,
    );
    if (isExpired) {
      state.entries.delete(key);
      notePending(state, key);
      return null;
    }
    // Served stale while Next renders it again in the background.
    if (isPastRevalidate(entry, Date.now())) notePending(state, key);
    return entry;
  }

  async set(key, data, ctx) {
    const state = pageCacheState();
    const isCurrent = state.pending.get(key) ?? true;
    state.pending.delete(key);
    // Re-inserted last, so the Map's order is oldest write first.
    state.entries.delete(key);
    if (data === null || !isCurrent) return;
    state.entries.set(key, {
      value: data,
      lastModified: Date.now(),
      tags: ctx?.tags ?? [],
      cacheControl: ctx?.cacheControl,
    });
    if (state.entries.size > MAX_ENTRIES) {
      const drop = Math.ceil(MAX_ENTRIES / 10);
      for (const oldest of [...state.entries.keys()].slice(0, drop)) {
        state.entries.delete(oldest);
      }
    }
  }

  /** Expires every entry carrying one of `tags` (no stale-while-revalidate). */
  async revalidateTag(tags) {
    const state = pageCacheState();
    const now = Date.now();
    for (const tag of [tags].flat()) state.expiredTags.set(tag, now);
    for (const key of state.pending.keys()) state.pending.set(key, false);
  }

  resetRequestCache() {}
};
