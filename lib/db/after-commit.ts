import { logger } from "@/lib/log";
import type { PrismaClient } from "./generated/client";

/** Work to do once a transaction's changes are visible to everyone. */
export type CommitCallback = (client: PrismaClient) => void;

/**
 * Kept on `globalThis`: Next bundles this module more than once (the
 * instrumentation hook and each server bundle get their own copy), and a
 * transaction opened through the client one copy wrapped must be known to
 * the copy that a domain function imported.
 */
interface CommitTracking {
  /**
   * Callbacks waiting for the commit of each open interactive transaction,
   * keyed by its transaction client. Filled by `afterCommit`, emptied by the
   * wrapper `trackCommits` puts around `$transaction`.
   */
  pending: WeakMap<object, { client: PrismaClient; callbacks: CommitCallback[] }>;
  roots: WeakSet<object>;
  aliases: WeakMap<object, () => PrismaClient>;
}
const shared = globalThis as unknown as { __omnitillCommitTracking?: CommitTracking };
shared.__omnitillCommitTracking ??= {
  pending: new WeakMap(),
  roots: new WeakSet(),
  aliases: new WeakMap(),
};
const tracking = shared.__omnitillCommitTracking;

const pending = tracking.pending;

/** The root clients `trackCommits` wrapped, to tell them from transactions. */
const roots = tracking.roots;

/**
 * Runs `callback` once the work done through `db` is committed: after the
 * COMMIT of the interactive transaction `db` belongs to, never if it rolls
 * back; at once when `db` is a root client (its statements commit one by
 * one). Callbacks must not throw; a failure is logged and ignored.
 */
export function afterCommit(db: object, callback: CommitCallback): void {
  const transaction = pending.get(db);
  if (transaction) {
    transaction.callbacks.push(callback);
    return;
  }
  if (roots.has(db)) {
    run(db as PrismaClient, [callback]);
    return;
  }
  // A client this module never saw (a nested transaction, or one made
  // without createPrismaClient): nothing tells when it commits, so the
  // callback runs now; the outbox's listeners poll to cover this case.
  logger.debug("afterCommit on an untracked client; running the callback now");
  queueMicrotask(() => callback(db as PrismaClient));
}

/**
 * The root client behind `db`: itself when it is one, the client of the
 * interactive transaction it belongs to, or null when unknown. Per-client
 * caches key on it, so two databases in one process never share entries.
 */
export function rootClientOf(db: object): PrismaClient | null {
  const alias = aliases.get(db);
  if (alias) return alias();
  if (roots.has(db)) return db as PrismaClient;
  return pending.get(db)?.client ?? null;
}

/** Handles that stand for a tracked root client (the app's lazy proxy). */
const aliases = tracking.aliases;

/** Marks another handle on a tracked root client (the app's lazy proxy) as a root. */
export function trackRootAlias(alias: object, resolve: () => PrismaClient): void {
  roots.add(alias);
  aliases.set(alias, resolve);
}

/**
 * Makes `client.$transaction(fn)` run the callbacks registered through the
 * transaction client with `afterCommit` once its COMMIT succeeded.
 */
export function trackCommits(client: PrismaClient): PrismaClient {
  roots.add(client);
  const original = client.$transaction.bind(client) as (
    arg: unknown,
    options?: unknown,
  ) => Promise<unknown>;
  const tracked = (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return original(arg, options);
    let callbacks: CommitCallback[] = [];
    const body = arg as (tx: object) => Promise<unknown>;
    return original(async (tx: object) => {
      const entry = { client, callbacks: [] as CommitCallback[] };
      pending.set(tx, entry);
      callbacks = entry.callbacks;
      return body(tx);
    }, options).then((result) => {
      run(client, callbacks);
      return result;
    });
  };
  Object.defineProperty(client, "$transaction", { value: tracked, configurable: true });
  return client;
}

function run(client: PrismaClient, callbacks: readonly CommitCallback[]): void {
  for (const callback of callbacks) {
    try {
      callback(client);
    } catch (error) {
      logger.error({ err: error }, "a commit callback failed");
    }
  }
}
