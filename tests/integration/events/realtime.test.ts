import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { connectPostgres } from "@/lib/db/sql";
import { emitEvent } from "@/lib/events/emit-event";
import { OUTBOX_CHANNEL } from "@/lib/events/outbox-listener";
import { createEventsRuntime, type EventsRuntime } from "@/lib/events/start-events";
import { createTestDatabase } from "../support/database";
import { commitEvent, levelChanged, recordHub } from "./helpers";

const db = await createTestDatabase();
const target = { kind: "postgres" as const, url: db.url };
const runtimes: EventsRuntime[] = [];

afterAll(async () => {
  await Promise.all(runtimes.map((runtime) => runtime.stop()));
});

/**
 * An app instance as the server starts one, with its own Prisma client and
 * LISTEN connection. No polling: whatever arrives came through NOTIFY.
 */
async function startInstance() {
  const prisma = createPrismaClient(target);
  const runtime = await createEventsRuntime({
    target,
    db: prisma,
    hasRealtime: true,
    hasDispatcher: false,
    pollIntervalMs: null,
  });
  runtimes.push({
    ...runtime,
    stop: async () => {
      await runtime.stop();
      await prisma.$disconnect();
    },
  });
  if (!runtime.hub) throw new Error("the instance has no hub");
  return recordHub(runtime.hub);
}

describe("realtime fan-out", () => {
  it("hands an event to open streams as soon as its transaction commits", async () => {
    const stream = await startInstance();
    const event = levelChanged({ available: 7 });

    const id = await commitEvent(db.prisma, event);
    const [received] = await stream.until(1);

    expect(received).toMatchObject({
      id,
      type: "inventory.level_changed",
      locationId: event.locationId,
      payload: event.payload,
    });
    stream.unsubscribe();
  });

  it("never announces an event whose transaction rolled back", async () => {
    const stream = await startInstance();
    const rolledBack = levelChanged();
    const committed = levelChanged();

    await expect(
      db.prisma.$transaction(async (tx) => {
        await emitEvent(tx, rolledBack);
        throw new Error("the sale failed after its event was written");
      }),
    ).rejects.toThrow(/sale failed/);
    await commitEvent(db.prisma, committed);
    await stream.until(1);

    expect(stream.received.map((e) => e.aggregateId)).toEqual([committed.aggregateId]);
    stream.unsubscribe();
  });

  it("reaches every app instance, each with its own connection", async () => {
    const first = await startInstance();
    const second = await startInstance();
    const event = levelChanged();

    const id = await commitEvent(db.prisma, event);
    const [a] = await first.until(1);
    const [b] = await second.until(1);

    expect(a?.id).toBe(id);
    expect(b?.id).toBe(id);
    first.unsubscribe();
    second.unsubscribe();
  });

  it("delivers an event that commits after a later one, exactly once", async () => {
    const stream = await startInstance();
    const slow = await connectPostgres(db.url);
    const fast = await connectPostgres(db.url);
    const insert = `INSERT INTO "OutboxEvent" ("type", "aggregateType", "aggregateId",
      "payload", "locationId") VALUES ('inventory.level_changed', 'inventory_level', $1,
      '{}', NULL) RETURNING "id"::text AS id`;
    try {
      // The slow transaction takes the lower id but commits last.
      await slow.exec("BEGIN");
      const [early] = await slow.query<{ id: string }>(insert, ["slow"]);
      await fast.exec("BEGIN");
      const [late] = await fast.query<{ id: string }>(insert, ["fast"]);
      // Writers outside the Prisma client announce their own commits.
      await fast.exec("COMMIT");
      await fast.exec(`NOTIFY ${OUTBOX_CHANNEL}`);
      await stream.until(1);
      await slow.exec("COMMIT");
      await slow.exec(`NOTIFY ${OUTBOX_CHANNEL}`);
      await stream.until(2);
      await commitEvent(db.prisma, levelChanged());
      await stream.until(3);

      expect(BigInt(early?.id ?? 0)).toBeLessThan(BigInt(late?.id ?? 0));
      expect(stream.received.map((e) => e.aggregateId).slice(0, 2)).toEqual([
        "fast",
        "slow",
      ]);
      expect(new Set(stream.received.map((e) => e.id)).size).toBe(3);
    } finally {
      await slow.close();
      await fast.close();
      stream.unsubscribe();
    }
  });

  it("wakes once for a transaction that writes many events, and hands on all", async () => {
    const stream = await startInstance();
    const events = Array.from({ length: 25 }, () => levelChanged());

    await db.prisma.$transaction(async (tx) => {
      for (const event of events) await emitEvent(tx, event);
    });
    await stream.until(events.length);

    expect(stream.received.map((e) => e.aggregateId)).toEqual(
      events.map((e) => e.aggregateId),
    );
    stream.unsubscribe();
  });

  it("ends open streams when the instance stops", async () => {
    const prisma = createPrismaClient(target);
    const runtime = await createEventsRuntime({
      target,
      db: prisma,
      hasRealtime: true,
      hasDispatcher: false,
      pollIntervalMs: null,
    });
    let isClosed = false;
    runtime.hub?.subscribe({
      onEvent: () => undefined,
      onClose: () => (isClosed = true),
    });

    await runtime.stop();
    await prisma.$disconnect();

    expect(isClosed).toBe(true);
    expect(runtime.hub?.subscriberCount).toBe(0);
  });
});
