/**
 * What runs after a commit, on real PostgreSQL: commit callbacks (which
 * announce outbox events) run only once the transaction's rows are
 * visible to other connections, never for a rollback; and the reference
 * cache (pricing, API keys), once the server turns it on, is dropped when a
 * pricing event commits in this process or reaches it through the realtime
 * hub, and a revoked API key is refused by the very next request.
 */

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { afterCommit } from "@/lib/db/after-commit";
import { createPrismaClient } from "@/lib/db/client";
import { clearReferenceCache, enableReferenceCache } from "@/lib/db/reference-cache";
import { connectPostgres } from "@/lib/db/sql";
import { emitEvent } from "@/lib/events/emit-event";
import { OUTBOX_CHANNEL } from "@/lib/events/outbox-listener";
import type { HubSubscriber, RealtimeHub } from "@/lib/events/realtime-hub";
import { loadActivePromotions } from "@/lib/pricing-data/promotions";
import { createTestDatabase } from "../support/database";
import { levelChanged } from "./helpers";

const db = await createTestDatabase();
const subscribers: HubSubscriber[] = [];
const hub = {
  subscribe(subscriber: HubSubscriber) {
    subscribers.push(subscriber);
    return () => undefined;
  },
} as unknown as RealtimeHub;

afterAll(() => {
  // Turns the cache off again for whatever runs next in this worker.
  for (const subscriber of subscribers) subscriber.onClose?.();
  clearReferenceCache();
});

describe("after commit", () => {
  it("runs callbacks once the rows are visible to others, never after a rollback", async () => {
    const other = await connectPostgres(db.url);
    const seen: number[] = [];
    const event = levelChanged();
    try {
      await db.prisma.$transaction(async (tx) => {
        await emitEvent(tx, event);
        afterCommit(tx, () => {
          void other
            .query<{ n: number }>(
              `SELECT count(*)::int AS n FROM "OutboxEvent" WHERE "aggregateId" = $1`,
              [event.aggregateId],
            )
            .then(([row]) => seen.push(row?.n ?? -1));
        });
        // Not yet: the callback waits for the COMMIT.
        expect(seen).toEqual([]);
      });
      await expect.poll(() => seen).toEqual([1]);

      let isCalled = false;
      await expect(
        db.prisma.$transaction(async (tx) => {
          await emitEvent(tx, levelChanged());
          afterCommit(tx, () => {
            isCalled = true;
          });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(isCalled).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe("pricing reference cache", () => {
  it("announces a short-lived client's events before it disconnects", async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(message.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      // A script's client: it commits an event and quits at once.
      const script = createPrismaClient({ kind: "postgres", url: db.url });
      await script.$transaction((tx) => emitEvent(tx, levelChanged()));
      await script.$disconnect();
      await expect.poll(() => heard).toEqual([OUTBOX_CHANNEL]);
    } finally {
      await listener.end();
    }
  });

  it("serves promotions from memory until a pricing event says they changed", async () => {
    const promotion = await db.prisma.promotion.create({
      data: {
        name: "Ten off",
        benefitType: "order",
        definition: {
          name: "Ten off",
          benefit: { type: "order", reward: { kind: "percentage", percent: 10 } },
        },
      },
    });
    const load = () =>
      loadActivePromotions(db.prisma, {
        at: new Date(),
        channel: "WEB",
        locationId: null,
        currency: "GBP",
      });
    enableReferenceCache(hub);
    const first = await load();
    expect(first.map((a) => a.promotion.id)).toContain(promotion.id);

    // A change made behind the cache's back is not seen...
    await db.prisma.promotion.update({
      where: { id: promotion.id },
      data: { isActive: false },
    });
    expect((await load()).map((a) => a.promotion.id)).toContain(promotion.id);

    // ...until its event commits here,
    await db.prisma.$transaction((tx) =>
      emitEvent(tx, {
        type: "pricing.promotion_changed",
        aggregateType: "promotion",
        aggregateId: promotion.id,
        payload: {},
      }),
    );
    expect((await load()).map((a) => a.promotion.id)).not.toContain(promotion.id);

    // ...or reaches this instance from another one through the hub.
    await db.prisma.promotion.update({
      where: { id: promotion.id },
      data: { isActive: true },
    });
    expect((await load()).map((a) => a.promotion.id)).not.toContain(promotion.id);
    for (const subscriber of subscribers) {
      subscriber.onEvent({
        id: "1",
        type: "pricing.promotion_changed",
        aggregateType: "promotion",
        aggregateId: promotion.id,
        locationId: null,
        payload: {},
        createdAt: new Date(),
      });
    }
    expect((await load()).map((a) => a.promotion.id)).toContain(promotion.id);
  });

  it("refuses a revoked API key at once although keys are cached", async () => {
    enableReferenceCache(hub);
    const system = { kind: "system" as const, reason: "test" };
    const { id, key } = await createApiKey(db.prisma, system, {
      name: "cached",
      scopes: ["orders:read"],
    });
    const bearer = `Bearer ${key}`;
    expect((await authenticateApiKey(db.prisma, bearer)).id).toBe(id);

    // A cached key answers without the database: a change made behind
    // the cache's back is not seen...
    await db.prisma.apiKey.update({ where: { id }, data: { name: "renamed" } });
    expect((await authenticateApiKey(db.prisma, bearer)).name).toBe("cached");

    // ...and is refused by the next request once revoked here.
    await revokeApiKey(db.prisma, system, { id });
    await expect(authenticateApiKey(db.prisma, bearer)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});
