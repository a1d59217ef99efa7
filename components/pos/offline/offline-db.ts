/**
 * The till's own database in the browser (IndexedDB, through idb): the
 * store's bundle, the queue of sales made offline with the server's
 * verdict on each once synced, and the device's identity and sale counter.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { PosBundle } from "@/lib/pos-sync/bundle";
import { mergeBundle } from "@/lib/pos-sync/merge-bundle";
import type { OfflineSaleInput, SaleVerdict } from "@/lib/pos-sync/sale";

export type QueuedStatus = "queued" | SaleVerdict["status"];

export interface QueuedSale {
  id: string;
  locationId: string;
  sequence: number;
  sale: OfflineSaleInput;
  status: QueuedStatus;
  queuedAt: string;
  syncedAt: string | null;
  verdict: SaleVerdict | null;
}

interface PosDb extends DBSchema {
  bundles: { key: string; value: PosBundle & { savedAt: string } };
  sales: {
    key: string;
    value: QueuedSale;
    indexes: { bySequence: number; byLocationStatus: [string, string] };
  };
  meta: { key: string; value: string | number };
}

export type TillDb = IDBPDatabase<PosDb>;

const NAME = "omnitill-pos";

/** Opens (creating on first use) the till's database. */
export function openTillDb(name = NAME): Promise<TillDb> {
  return openDB<PosDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore("bundles");
      const sales = db.createObjectStore("sales", { keyPath: "id" });
      sales.createIndex("bySequence", "sequence", { unique: true });
      sales.createIndex("byLocationStatus", ["locationId", "status"]);
      db.createObjectStore("meta");
    },
  });
}

/** This browser install's id, made once and kept. */
export async function deviceIdOf(db: TillDb): Promise<string> {
  const tx = db.transaction("meta", "readwrite");
  const held = await tx.store.get("deviceId");
  if (typeof held === "string") {
    await tx.done;
    return held;
  }
  const made = `device-${crypto.randomUUID()}`;
  await tx.store.put(made, "deviceId");
  await tx.done;
  return made;
}

/**
 * Queues a sale: takes the device's next sequence number and writes the
 * sale in one transaction, committed to disk ("strict") before it
 * resolves, so the receipt prints only for a sale that is safely stored.
 */
export async function queueSale(
  db: TillDb,
  locationId: string,
  build: (sequence: number) => OfflineSaleInput,
): Promise<QueuedSale> {
  const tx = db.transaction(["meta", "sales"], "readwrite", { durability: "strict" });
  const meta = tx.objectStore("meta");
  const last = await meta.get("sequence");
  const sequence = (typeof last === "number" ? last : 0) + 1;
  const sale = build(sequence);
  const queued: QueuedSale = {
    id: sale.id,
    locationId,
    sequence,
    sale,
    status: "queued",
    queuedAt: new Date().toISOString(),
    syncedAt: null,
    verdict: null,
  };
  await meta.put(sequence, "sequence");
  await tx.objectStore("sales").add(queued);
  await tx.done;
  return queued;
}

/** Sales still to send, oldest first. */
export async function pendingSales(
  db: TillDb,
  locationId: string,
  limit: number,
): Promise<QueuedSale[]> {
  const found: QueuedSale[] = [];
  let cursor = await db.transaction("sales").store.index("bySequence").openCursor();
  while (cursor && found.length < limit) {
    const sale = cursor.value;
    if (sale.status === "queued" && sale.locationId === locationId) found.push(sale);
    cursor = await cursor.continue();
  }
  return found;
}

/** Stores the server's verdicts; a sale already judged keeps its first verdict. */
export async function recordVerdicts(
  db: TillDb,
  verdicts: readonly SaleVerdict[],
): Promise<void> {
  const tx = db.transaction("sales", "readwrite", { durability: "strict" });
  for (const verdict of verdicts) {
    const sale = await tx.store.get(verdict.id);
    if (sale?.status !== "queued") continue;
    await tx.store.put({
      ...sale,
      status: verdict.status,
      verdict,
      syncedAt: new Date().toISOString(),
    });
  }
  await tx.done;
}

export interface QueueCounts {
  queued: number;
  rejected: number;
  withDifferences: number;
}

export async function queueCounts(db: TillDb, locationId: string): Promise<QueueCounts> {
  const index = db.transaction("sales").store.index("byLocationStatus");
  const [queued, rejected, withDifferences] = await Promise.all([
    index.count([locationId, "queued"]),
    index.count([locationId, "rejected"]),
    index.count([locationId, "accepted_with_differences"]),
  ]);
  return { queued, rejected, withDifferences };
}

/** The latest sales of this store on this device, newest first. */
export async function recentSales(
  db: TillDb,
  locationId: string,
  limit: number,
): Promise<QueuedSale[]> {
  const found: QueuedSale[] = [];
  let cursor = await db
    .transaction("sales")
    .store.index("bySequence")
    .openCursor(null, "prev");
  while (cursor && found.length < limit) {
    if (cursor.value.locationId === locationId) found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

export async function loadBundle(
  db: TillDb,
  locationId: string,
): Promise<PosBundle | null> {
  return (await db.get("bundles", locationId)) ?? null;
}

/** Stores a full bundle, or folds a delta into the one held. */
export async function saveBundle(db: TillDb, next: PosBundle): Promise<PosBundle> {
  const tx = db.transaction("bundles", "readwrite");
  const held = (await tx.store.get(next.location.id)) ?? null;
  const merged = mergeBundle(held, next);
  await tx.store.put({ ...merged, savedAt: new Date().toISOString() }, next.location.id);
  await tx.done;
  return merged;
}
