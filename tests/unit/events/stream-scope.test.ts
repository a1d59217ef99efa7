import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { OutboxRecord } from "@/lib/events/outbox-event";
import {
  authorizeStream,
  parseStreamQuery,
  type StreamScope,
  shapeForStream,
} from "@/lib/events/stream-scope";
import { PUBLIC_TOPICS, topicOf } from "@/lib/events/topics";

const STORE_A = "0190a1b2-0000-7000-8000-00000000000a";
const STORE_B = "0190a1b2-0000-7000-8000-00000000000b";
const VARIANT = "0190a1b2-0000-7000-8000-0000000000f1";

function event(overrides: Partial<OutboxRecord> = {}): OutboxRecord {
  return {
    id: "42",
    type: "inventory.level_changed",
    aggregateType: "inventory_level",
    aggregateId: `${VARIANT}:${STORE_A}`,
    payload: {
      variantId: VARIANT,
      locationId: STORE_A,
      sku: "TEE-M",
      onHand: 5,
      reserved: 2,
      available: 3,
    },
    locationId: STORE_A,
    createdAt: new Date("2026-12-03T10:00:00Z"),
    ...overrides,
  };
}

function scope(overrides: Partial<StreamScope> = {}): StreamScope {
  return {
    audience: "internal",
    topics: new Set(["inventory"]),
    locationIds: null,
    variantIds: null,
    ...overrides,
  };
}

const apiKey = (scopes: Permission[]): Actor => ({
  kind: "api_key",
  id: "key-1",
  name: "ERP",
  scopes,
});

describe("topics", () => {
  it.each([
    ["inventory.level_changed", "inventory"],
    ["orders.placed", "orders"],
    ["catalog.product_updated", "catalog"],
    ["api_key.created", null],
    ["inventory", "inventory"],
  ])("files %s under %s", (type, topic) => {
    expect(topicOf(type)).toBe(topic);
  });

  it("makes only inventory public", () => {
    expect([...PUBLIC_TOPICS]).toEqual(["inventory"]);
  });
});

describe("shapeForStream", () => {
  it("sends staff the whole event", () => {
    expect(shapeForStream(event(), scope())).toEqual({
      id: "42",
      type: "inventory.level_changed",
      topic: "inventory",
      locationId: STORE_A,
      occurredAt: "2026-12-03T10:00:00.000Z",
      payload: event().payload,
    });
  });

  it("sends the public only the variant id", () => {
    expect(shapeForStream(event(), scope({ audience: "public" }))).toMatchObject({
      locationId: null,
      payload: { variantId: VARIANT },
    });
  });

  it.each<[string, Partial<OutboxRecord>, Partial<StreamScope>]>([
    ["another store's event", {}, { locationIds: [STORE_B] }],
    ["a topic not asked for", { type: "orders.placed" }, {}],
    ["a type with no topic", { type: "api_key.created" }, {}],
    ["another variant", {}, { variantIds: new Set(["other"]) }],
    [
      "a public topic's internal type",
      { type: "inventory.count_started" },
      { audience: "public" },
    ],
  ])("leaves out %s", (_case, eventOverrides, scopeOverrides) => {
    expect(shapeForStream(event(eventOverrides), scope(scopeOverrides))).toBeNull();
  });

  it("passes events tied to no location to location-bound streams", () => {
    const catalog = event({ type: "catalog.product_updated", locationId: null });
    const bound = scope({ topics: new Set(["catalog"]), locationIds: [STORE_B] });
    expect(shapeForStream(catalog, bound)?.id).toBe("42");
  });
});

describe("authorizeStream", () => {
  const query = (q: Record<string, string>) => parseStreamQuery(q);

  it("gives an API key with the scope every location", () => {
    const result = authorizeStream(
      apiKey(["inventory:read"]),
      query({ topics: "inventory" }),
    );
    expect(result).toMatchObject({ audience: "internal", locationIds: null });
  });

  it("refuses an API key without the topic's scope", () => {
    expect(() =>
      authorizeStream(apiKey(["catalog:read"]), query({ topics: "inventory" })),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("gives a signed-in shopper the public view", () => {
    const shopper: Actor = { kind: "customer", id: "c1", email: "s@example.test" };
    expect(authorizeStream(shopper, query({ topics: "inventory" })).audience).toBe(
      "public",
    );
  });

  it("gives staff the public view when the storefront asks for it", () => {
    const staff: Actor = {
      kind: "staff",
      id: "s1",
      email: "a@example.test",
      name: "A",
      role: "ASSOCIATE",
      locationIds: [STORE_A],
    };
    const result = authorizeStream(
      staff,
      query({ topics: "inventory", audience: "public" }),
    );
    expect(result).toMatchObject({ audience: "public", locationIds: null });
  });

  it("lets the public narrow to one store", () => {
    const result = authorizeStream(
      null,
      query({ topics: "inventory", location: STORE_B }),
    );
    expect(result.locationIds).toEqual([STORE_B]);
  });
});
