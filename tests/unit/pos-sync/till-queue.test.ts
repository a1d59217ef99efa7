/**
 * The till's queue in IndexedDB (fake-indexeddb stands in for the
 * browser's) and the sync loop that empties it: order, batches, verdicts
 * kept once, the lock that keeps a second tab out, and backoff.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import {
  openTillDb,
  pendingSales,
  queueCounts,
  queueSale,
  recordVerdicts,
  type TillDb,
} from "@/components/pos/offline/offline-db";
import {
  backoffDelay,
  type LockRunner,
  syncQueue,
} from "@/components/pos/offline/sync-queue";
import type { OfflineSaleInput, SaleVerdict } from "@/lib/pos-sync/sale";

const LOCATION = "store-1";
let dbSerial = 0;

function freshDb(): Promise<TillDb> {
  dbSerial += 1;
  return openTillDb(`till-test-${dbSerial}`);
}

function sale(sequence: number): OfflineSaleInput {
  return {
    id: crypto.randomUUID(),
    deviceId: "device-test",
    sequence,
    registerId: "register-1",
    staffId: "staff-1",
    occurredAt: new Date().toISOString(),
    customerId: null,
    codes: [],
    lines: [],
    pricing: {} as OfflineSaleInput["pricing"],
    tenders: [],
  };
}

function verdictFor(id: string, status: SaleVerdict["status"] = "accepted"): SaleVerdict {
  return {
    id,
    status,
    isReplay: false,
    reason: null,
    orderId: `order-${id}`,
    orderNumber: null,
    deviceTotalMinor: 0,
    serverTotalMinor: 0,
    differences: [],
    stockExceptions: [],
  };
}

/** A server that answers each sale as accepted and remembers what it got. */
function fakeServer(options: { failFirst?: number } = {}) {
  const batches: string[][] = [];
  let failures = options.failFirst ?? 0;
  const fetcher = (async (_url: string, init?: RequestInit) => {
    if (failures > 0) {
      failures -= 1;
      throw new TypeError("Failed to fetch");
    }
    const body = JSON.parse(String(init?.body)) as { sales: { id: string }[] };
    batches.push(body.sales.map((s) => s.id));
    return new Response(
      JSON.stringify({
        results: body.sales.map((s) => verdictFor(s.id)),
        unprocessed: [],
      }),
      { status: 200 },
    );
  }) as typeof fetch;
  return { batches, fetcher };
}

const noLock: LockRunner = (work) => work();

describe("the till's queue", () => {
  it("numbers sales in order and hands them out oldest first", async () => {
    const db = await freshDb();
    const queued = [];
    for (let i = 0; i < 5; i += 1) queued.push(await queueSale(db, LOCATION, sale));
    expect(queued.map((q) => q.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(queued.map((q) => q.sale.sequence)).toEqual([1, 2, 3, 4, 5]);
    const pending = await pendingSales(db, LOCATION, 3);
    expect(pending.map((p) => p.id)).toEqual(queued.slice(0, 3).map((q) => q.id));
    expect(await pendingSales(db, "another-store", 10)).toEqual([]);
  });

  it("keeps the first verdict of a sale", async () => {
    const db = await freshDb();
    const queued = await queueSale(db, LOCATION, sale);
    await recordVerdicts(db, [verdictFor(queued.id, "rejected")]);
    await recordVerdicts(db, [verdictFor(queued.id, "accepted")]);
    expect(await queueCounts(db, LOCATION)).toEqual({
      queued: 0,
      rejected: 1,
      withDifferences: 0,
    });
  });
});

describe("syncQueue", () => {
  it("sends the queue in order, in batches, until it is empty", async () => {
    const db = await freshDb();
    const ids = [];
    for (let i = 0; i < 7; i += 1) ids.push((await queueSale(db, LOCATION, sale)).id);
    const server = fakeServer();
    const outcome = await syncQueue({
      db,
      locationId: LOCATION,
      fetcher: server.fetcher,
      lock: noLock,
      batchSize: 3,
    });
    expect(outcome).toMatchObject({ kind: "done", sent: 7 });
    expect(server.batches).toEqual([ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);
    expect((await queueCounts(db, LOCATION)).queued).toBe(0);
  });

  it("leaves the queue as it was when the network fails, and says so", async () => {
    const db = await freshDb();
    await queueSale(db, LOCATION, sale);
    const server = fakeServer({ failFirst: 1 });
    const failed = await syncQueue({
      db,
      locationId: LOCATION,
      fetcher: server.fetcher,
      lock: noLock,
    });
    expect(failed).toMatchObject({ kind: "failed", isNetwork: true, sent: 0 });
    expect((await queueCounts(db, LOCATION)).queued).toBe(1);
    const retried = await syncQueue({
      db,
      locationId: LOCATION,
      fetcher: server.fetcher,
      lock: noLock,
    });
    expect(retried).toMatchObject({ kind: "done", sent: 1 });
  });

  it("lets only the tab holding the lock send", async () => {
    const db = await freshDb();
    await queueSale(db, LOCATION, sale);
    let held = false;
    const lock: LockRunner = async (work) => {
      if (held) return null;
      held = true;
      try {
        return await work();
      } finally {
        held = false;
      }
    };
    const server = fakeServer();
    const [first, second] = await Promise.all([
      syncQueue({ db, locationId: LOCATION, fetcher: server.fetcher, lock }),
      syncQueue({ db, locationId: LOCATION, fetcher: server.fetcher, lock }),
    ]);
    expect([first.kind, second.kind].sort()).toEqual(["busy", "done"]);
    expect(server.batches.flat()).toHaveLength(1);
  });

  it("waits longer after each failure, up to a minute", () => {
    const half = () => 0.5;
    expect(backoffDelay(1, half)).toBe(750);
    expect(backoffDelay(2, half)).toBe(1500);
    expect(backoffDelay(3, half)).toBe(3000);
    expect(backoffDelay(20, half)).toBe(45_000);
    expect(backoffDelay(20, () => 1)).toBe(60_000);
  });
});
