import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openEventStream } from "@/lib/events/event-stream";
import { createRealtimeHub } from "@/lib/events/realtime-hub";
import { createEventsRuntime } from "@/lib/events/start-events";
import { authorizeStream, parseStreamQuery } from "@/lib/events/stream-scope";
import { createTestDatabase } from "../support/database";
import { commitEvent, levelChanged, readSse } from "./helpers";

const db = await createTestDatabase();
const runtime = await createEventsRuntime({
  target: { kind: "postgres", url: db.url },
  db: db.prisma,
  hasRealtime: true,
  hasDispatcher: false,
  pollIntervalMs: null,
});
const hub = runtime.hub ?? createRealtimeHub({ db: db.prisma });

afterAll(async () => {
  await runtime.stop();
});

const STORE_A = randomUUID();
const STORE_B = randomUUID();

const associateOfA: Actor = {
  kind: "staff",
  id: randomUUID(),
  email: "ava@example.test",
  name: "Ava",
  role: "ASSOCIATE",
  locationIds: [STORE_A],
};

const owner: Actor = {
  kind: "staff",
  id: randomUUID(),
  email: "olu@example.test",
  name: "Olu",
  role: "OWNER",
  locationIds: "all",
};

/** Opens a stream as the route does, for an actor (null: anonymous). */
function open(actor: Actor | null, query: Record<string, string>, signal?: AbortSignal) {
  const parsed = parseStreamQuery(query);
  const scope = authorizeStream(actor, parsed);
  const stream = openEventStream({
    db: db.prisma,
    hub,
    scope,
    lastEventId: parsed.lastEventId,
    signal,
  });
  return readSse(stream);
}

describe("the events stream", () => {
  it("gives a store associate only the events of their own store", async () => {
    const reader = open(associateOfA, { topics: "inventory" });

    await commitEvent(db.prisma, levelChanged({ locationId: STORE_B }));
    const atA = await commitEvent(db.prisma, levelChanged({ locationId: STORE_A }));
    const [message] = await reader.take(1);
    await reader.cancel();

    expect(message?.id).toBe(atA);
    expect(JSON.parse(message?.data ?? "{}")).toMatchObject({
      id: atA,
      type: "inventory.level_changed",
      topic: "inventory",
      locationId: STORE_A,
      payload: { locationId: STORE_A, onHand: 4, reserved: 1, available: 3 },
    });
  });

  it("refuses an associate who asks for another store's events", () => {
    expect(() => open(associateOfA, { topics: "inventory", location: STORE_B })).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });

  it("narrows an owner's stream to the one location asked for", async () => {
    const reader = open(owner, { topics: "inventory", location: STORE_B });

    await commitEvent(db.prisma, levelChanged({ locationId: STORE_A }));
    const atB = await commitEvent(db.prisma, levelChanged({ locationId: STORE_B }));
    const [message] = await reader.take(1);
    await reader.cancel();

    expect(message?.id).toBe(atB);
  });

  it("tells anonymous shoppers only which variant changed, never the figures", async () => {
    const variantId = randomUUID();
    const reader = open(null, { topics: "inventory", variantIds: variantId });

    await commitEvent(db.prisma, levelChanged());
    const id = await commitEvent(db.prisma, levelChanged({ variantId, available: 2 }));
    const [message] = await reader.take(1);
    await reader.cancel();

    expect(JSON.parse(message?.data ?? "{}")).toEqual({
      id,
      type: "inventory.level_changed",
      topic: "inventory",
      locationId: null,
      occurredAt: expect.any(String),
      payload: { variantId },
    });
  });

  it("refuses anonymous access to topics that are not public", () => {
    expect(() => open(null, { topics: "inventory,orders" })).toThrow(
      expect.objectContaining({ code: "unauthenticated" }),
    );
  });

  it("refuses staff a topic their role cannot read", () => {
    const fulfillment: Actor = { ...owner, role: "FULFILLMENT" };
    expect(() => open(fulfillment, { topics: "customers" })).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });

  it("resumes after Last-Event-ID: the missed events first, then live ones", async () => {
    const location = randomUUID();
    const ids = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(await commitEvent(db.prisma, levelChanged({ locationId: location })));

    const reader = open(owner, {
      topics: "inventory",
      location,
      lastEventId: ids[0] ?? "",
    });
    const replayed = await reader.take(2);
    const live = await commitEvent(db.prisma, levelChanged({ locationId: location }));
    const [next] = await reader.take(1);
    await reader.cancel();

    expect(replayed.map((m) => m.id)).toEqual([ids[1], ids[2]]);
    expect(next?.id).toBe(live);
  });

  it("asks the client to reload when more was missed than a replay carries", async () => {
    const location = randomUUID();
    const first = await commitEvent(db.prisma, levelChanged({ locationId: location }));
    await commitEvent(db.prisma, levelChanged({ locationId: location }));
    await commitEvent(db.prisma, levelChanged({ locationId: location }));
    const scope = authorizeStream(
      owner,
      parseStreamQuery({ topics: "inventory", location }),
    );

    const reader = readSse(
      openEventStream({ db: db.prisma, hub, scope, lastEventId: first, replayLimit: 1 }),
    );
    const [message] = await reader.take(1);
    await reader.cancel();

    expect(message?.event).toBe("reset");
  });

  it("ends and lets go of the hub when the client goes away", async () => {
    const before = hub.subscriberCount;
    const abort = new AbortController();
    const reader = open(owner, { topics: "inventory" }, abort.signal);
    expect(hub.subscriberCount).toBe(before + 1);

    abort.abort();

    expect(await reader.next()).toBeNull();
    expect(hub.subscriberCount).toBe(before);
  });

  it("refuses malformed topics, ids and resume points, naming the field", () => {
    const attempts = [
      { topics: "" },
      { topics: "inventory,weather" },
      { topics: "inventory", location: "store-b" },
      { topics: "inventory", variantIds: "not-a-uuid" },
      { topics: "inventory", lastEventId: "abc" },
      { topics: "inventory", audience: "staff" },
    ];
    const fields = attempts.map((query) => {
      try {
        parseStreamQuery(query);
        return "accepted";
      } catch (error) {
        return Object.keys((error as { fields?: object }).fields ?? {})[0]?.split(".")[0];
      }
    });

    expect(fields).toEqual([
      "topics",
      "topics",
      "location",
      "variantIds",
      "lastEventId",
      "audience",
    ]);
  });
});
