import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { createOutboxDispatcher, dispatchOutboxBatch } from "@/lib/events/dispatcher";
import { emitEvent } from "@/lib/events/emit-event";
import type { OutboxRecord } from "@/lib/events/outbox-event";
import { createEventsRuntime } from "@/lib/events/start-events";
import type { OutboxSubscriber } from "@/lib/events/subscribers";
import { createTestDatabase } from "../support/database";
import { commitEvent, levelChanged } from "./helpers";

const db = await createTestDatabase();
const target = { kind: "postgres" as const, url: db.url };
const clients: PrismaClient[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

beforeEach(async () => {
  await db.sql.exec('TRUNCATE "OutboxEvent"');
});

/** Another app instance's or worker's connection pool. */
function anotherInstance(): PrismaClient {
  const client = createPrismaClient(target);
  clients.push(client);
  return client;
}

/** A subscriber that records what it is handed, yielding so that racers overlap. */
function recorder(name = "recorder") {
  const delivered: OutboxRecord[] = [];
  const subscriber: OutboxSubscriber = {
    name,
    handles: (event) => event.type.startsWith("inventory."),
    async deliver(event) {
      await new Promise((resolve) => setImmediate(resolve));
      delivered.push(event);
    },
  };
  return { subscriber, delivered };
}

async function undispatched(): Promise<number> {
  return db.prisma.outboxEvent.count({ where: { dispatchedAt: null } });
}

describe("dispatchOutboxBatch", () => {
  it("hands each committed event on in id order and marks it dispatched", async () => {
    const ids = [
      await commitEvent(db.prisma, levelChanged()),
      await commitEvent(db.prisma, levelChanged()),
    ];
    const { subscriber, delivered } = recorder();

    const result = await dispatchOutboxBatch(db.prisma, { subscribers: [subscriber] });
    const again = await dispatchOutboxBatch(db.prisma, { subscribers: [subscriber] });

    expect(result).toEqual({ claimed: 2, dispatched: 2, failed: 0 });
    expect(again.claimed).toBe(0);
    expect(delivered.map((e) => e.id)).toEqual(ids);
    expect(await undispatched()).toBe(0);
  });

  it("never hands on an event whose transaction rolled back", async () => {
    const { subscriber, delivered } = recorder();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await emitEvent(tx, levelChanged());
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const committed = await commitEvent(db.prisma, levelChanged());

    await dispatchOutboxBatch(db.prisma, { subscribers: [subscriber] });

    expect(delivered.map((e) => e.id)).toEqual([committed]);
  });

  it("hands each event on once when four dispatchers race for 300 events", async () => {
    await db.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 300; i += 1) await emitEvent(tx, levelChanged());
    });
    const { subscriber, delivered } = recorder();
    const racers = [db.prisma, anotherInstance(), anotherInstance(), anotherInstance()];
    // Connected before the start, so that all four are in the race from the off.
    await Promise.all(racers.map((client) => client.$queryRaw`SELECT 1`));

    const claimedBy = await Promise.all(
      racers.map(async (client) => {
        let claimed = 0;
        for (;;) {
          const result = await dispatchOutboxBatch(client, {
            subscribers: [subscriber],
            batchSize: 10,
          });
          if (result.claimed === 0) return claimed;
          claimed += result.claimed;
        }
      }),
    );

    const ids = delivered.map((e) => e.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(claimedBy.reduce((sum, n) => sum + n, 0)).toBe(300);
    // The race was real: more than one dispatcher did some of the work.
    expect(claimedBy.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(await undispatched()).toBe(0);
  });

  it("keeps a failed event for a retry, with the error and none of its writes", async () => {
    const id = await commitEvent(db.prisma, levelChanged());
    const failing: OutboxSubscriber = {
      name: "webhooks",
      handles: () => true,
      async deliver(event, { tx }) {
        // A write that must not survive the failure that follows it.
        await emitEvent(tx, {
          type: "webhook.enqueued",
          aggregateType: "outbox_event",
          aggregateId: event.id,
          payload: {},
        });
        throw new Error("endpoint table missing");
      },
    };
    const { subscriber, delivered } = recorder();

    const first = await dispatchOutboxBatch(db.prisma, { subscribers: [failing] });
    const row = await db.prisma.outboxEvent.findUniqueOrThrow({
      where: { id: BigInt(id) },
    });
    const retry = await dispatchOutboxBatch(db.prisma, { subscribers: [subscriber] });

    expect(first).toEqual({ claimed: 1, dispatched: 0, failed: 1 });
    expect(row).toMatchObject({
      dispatchedAt: null,
      attempts: 1,
      lastError: "webhooks: endpoint table missing",
    });
    expect(
      await db.prisma.outboxEvent.count({ where: { type: "webhook.enqueued" } }),
    ).toBe(0);
    expect(retry).toEqual({ claimed: 1, dispatched: 1, failed: 0 });
    expect(delivered.map((e) => e.id)).toEqual([id]);
  });

  it("gives an event up after its last attempt, and goes on with the next", async () => {
    const poisoned = await commitEvent(db.prisma, levelChanged());
    const healthy = await commitEvent(db.prisma, levelChanged());
    const picky: OutboxSubscriber = {
      name: "picky",
      handles: () => true,
      async deliver(event) {
        if (event.id === poisoned) throw new Error("cannot handle this one");
      },
    };
    const options = { subscribers: [picky], maxAttempts: 2 };

    const results = [
      await dispatchOutboxBatch(db.prisma, options),
      await dispatchOutboxBatch(db.prisma, options),
      await dispatchOutboxBatch(db.prisma, options),
    ];

    expect(results).toEqual([
      { claimed: 2, dispatched: 1, failed: 1 },
      { claimed: 1, dispatched: 0, failed: 1 },
      { claimed: 0, dispatched: 0, failed: 0 },
    ]);
    const rows = await db.prisma.outboxEvent.findMany({ orderBy: { id: "asc" } });
    expect(
      rows.map((r) => [r.id.toString(), r.attempts, r.dispatchedAt !== null]),
    ).toEqual([
      [poisoned, 2, false],
      [healthy, 0, true],
    ]);
  });

  it("marks events no subscriber wants as dispatched without a savepoint", async () => {
    await commitEvent(db.prisma, {
      type: "catalog.product_updated",
      aggregateType: "product",
      aggregateId: "p1",
      payload: {},
    });
    const { subscriber, delivered } = recorder();

    const result = await dispatchOutboxBatch(db.prisma, { subscribers: [subscriber] });

    expect(result).toEqual({ claimed: 1, dispatched: 1, failed: 0 });
    expect(delivered).toEqual([]);
  });
});

describe("the dispatcher in an app instance or worker", () => {
  it("dispatches an event when NOTIFY wakes it, without polling", async () => {
    const prisma = anotherInstance();
    let onDelivered = (_event: OutboxRecord) => {};
    const handed = new Promise<OutboxRecord>((resolve) => {
      onDelivered = resolve;
    });
    const runtime = await createEventsRuntime({
      target,
      db: prisma,
      hasRealtime: false,
      hasDispatcher: true,
      pollIntervalMs: null,
      subscribers: [
        { name: "probe", handles: () => true, deliver: async (e) => onDelivered(e) },
      ],
    });

    const id = await commitEvent(db.prisma, levelChanged());
    const event = await handed;
    await runtime.stop();

    expect(event.id).toBe(id);
    const row = await db.prisma.outboxEvent.findUniqueOrThrow({
      where: { id: BigInt(id) },
    });
    expect(row.dispatchedAt).not.toBeNull();
  });

  it("finishes the batch in hand when it stops", async () => {
    await commitEvent(db.prisma, levelChanged());
    const { subscriber, delivered } = recorder();
    const dispatcher = createOutboxDispatcher({
      db: db.prisma,
      subscribers: [subscriber],
      pollIntervalMs: null,
    });

    dispatcher.start();
    await dispatcher.stop();

    expect(delivered).toHaveLength(1);
    expect(await undispatched()).toBe(0);
  });
});
