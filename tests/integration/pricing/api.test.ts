import { beforeAll, describe, expect, it } from "vitest";
import { POST as quote } from "@/app/api/v1/pricing/quote/route";
import { GET as getOne, PATCH as patch } from "@/app/api/v1/promotions/[id]/route";
import { POST as create, GET as list } from "@/app/api/v1/promotions/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Permission } from "@/lib/auth/permissions";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { addPromotion, createShop, percentOff, type Shop } from "./fixtures";

type Handler = (
  request: Request,
  segment: { params: Promise<Record<string, string>> },
) => Promise<Response>;

describe("the pricing and promotions API", () => {
  let db: TestDatabase;
  let shop: Shop;
  let fullKey: string;
  let readOnlyKey: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Route handlers use the app's shared client: point it at this file's database.
    (globalThis as { __omnitillPrisma?: unknown }).__omnitillPrisma = db.prisma;
    shop = await createShop(db.prisma);
    const key = async (scopes: Permission[]) =>
      (
        await createApiKey(
          db.prisma,
          { kind: "system", reason: "test" },
          {
            name: scopes.join(" "),
            scopes,
          },
        )
      ).key;
    fullKey = await key(["catalog:read", "promotions:write"]);
    readOnlyKey = await key(["catalog:read"]);
    await addPromotion(
      db.prisma,
      {
        name: "Autumn 10",
        requiresCode: true,
        benefit: { type: "order", reward: { kind: "percentage", percent: 10 } },
      },
      { code: "AUTUMN10" },
    );
  });

  const call = (
    handler: Handler,
    options: {
      method?: string;
      body?: unknown;
      key?: string | null;
      params?: object;
    } = {},
  ) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const key = options.key === undefined ? fullKey : options.key;
    if (key) headers.authorization = `Bearer ${key}`;
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body);
    return handler(
      new Request("http://omnitill.test/api/v1", {
        method: options.method ?? "POST",
        headers,
        body,
      }),
      { params: Promise.resolve({ ...(options.params ?? {}) }) as never },
    );
  };

  const basket = () => ({
    channel: "POS",
    locationId: shop.store.id,
    codes: ["autumn10"],
    lines: [
      { variantId: shop.candle.variantId, quantity: 2, fulfillment: "CARRY_OUT" },
      { variantId: shop.mug.variantId, quantity: 1, fulfillment: "CARRY_OUT" },
    ],
  });

  it("quotes a basket with its promotions, tax and explanation", async () => {
    const response = await call(quote, { body: basket() });
    const { data } = await response.json();

    expect(response.status).toBe(200);
    expect(data.totals).toMatchObject({
      subtotal: 4800,
      discount: 480,
      total: 4320,
      tax: 720,
    });
    expect(data.explanationText.applied).toEqual([
      "Autumn 10 (code AUTUMN10): £4.80 off.",
    ]);
    expect(
      data.lines.reduce((sum: number, l: { total: number }) => sum + l.total, 0),
    ).toBe(4320);
    // Nothing was written: a quote redeems nothing.
    expect(await db.prisma.promotionRedemption.count()).toBe(0);
  });

  it("refuses bad input, naming every field, as problem+json", async () => {
    const response = await call(quote, {
      body: {
        ...basket(),
        surprise: true,
        lines: [{ variantId: shop.mug.variantId, quantity: 0, fulfillment: "TELEPORT" }],
      },
    });
    const problem = await response.json();

    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(problem.code).toBe("invalid_input");
    expect(Object.keys(problem.fields).sort()).toEqual([
      "_",
      "lines.0.fulfillment",
      "lines.0.quantity",
    ]);
  });

  it("refuses an empty basket, a body that is not JSON, and unknown variants", async () => {
    const empty = await call(quote, { body: { ...basket(), lines: [] } });
    const garbled = await call(quote, { body: "{not json" });
    const unknown = await call(quote, {
      body: {
        ...basket(),
        lines: [{ variantId: "nope", quantity: 1, fulfillment: "SHIP" }],
      },
    });

    expect(empty.status).toBe(422);
    expect((await empty.json()).fields).toHaveProperty("lines");
    expect(garbled.status).toBe(422);
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).fields).toEqual({
      "lines.0.variantId": ["No variant has this id."],
    });
  });

  it("refuses callers without a key or without the scope", async () => {
    const anonymous = await call(quote, { body: basket(), key: null });
    const wrongKey = await call(quote, { body: basket(), key: "otk_not-a-key" });
    const readOnly = await call(create, {
      key: readOnlyKey,
      body: { definition: { name: "Nope", benefit: { type: "free_shipping" } } },
    });

    expect(anonymous.status).toBe(401);
    expect(wrongKey.status).toBe(401);
    expect(readOnly.status).toBe(403);
  });

  it("creates, lists, reads, pauses and refuses a stale edit of a promotion", async () => {
    const created = await call(create, {
      body: {
        description: "Winter push",
        definition: {
          name: "Free delivery over £60",
          currency: "GBP",
          conditions: { minSpend: 6000, channels: ["WEB"] },
          benefit: { type: "free_shipping" },
        },
      },
    });
    const saved = (await created.json()).data;
    const listed = (await (await call(list, { method: "GET" })).json()).data;
    const one = await call(getOne, { method: "GET", params: { id: saved.id } });
    const paused = await call(patch, {
      method: "PATCH",
      params: { id: saved.id },
      body: { isActive: false, expectedVersion: 1 },
    });
    const stale = await call(patch, {
      method: "PATCH",
      params: { id: saved.id },
      body: { isActive: true, expectedVersion: 1 },
    });

    expect(created.status).toBe(201);
    expect(saved).toMatchObject({
      name: "Free delivery over £60",
      version: 1,
      isActive: true,
    });
    expect(listed.find((p: { id: string }) => p.id === saved.id)).toMatchObject({
      status: "active",
      benefitType: "free_shipping",
      redemptions: 0,
    });
    expect((await one.json()).data.definition.conditions.minSpend).toBe(6000);
    expect(paused.status).toBe(200);
    expect((await paused.json()).data).toMatchObject({ version: 2, isActive: false });
    expect(stale.status).toBe(409);

    const audit = await db.prisma.auditEntry.findMany({
      where: { entityId: saved.id },
      orderBy: { createdAt: "asc" },
    });
    const events = await db.prisma.outboxEvent.findMany({
      where: { aggregateId: saved.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([
      ["promotion.created", "API_KEY"],
      ["promotion.updated", "API_KEY"],
    ]);
    expect(events.map((e) => e.type)).toEqual([
      "pricing.promotion_changed",
      "pricing.promotion_changed",
    ]);
  });

  it("refuses a definition the engine would not accept, and writes nothing", async () => {
    const before = await db.prisma.promotion.count();
    const response = await call(create, {
      body: {
        definition: {
          name: "Broken",
          conditions: { locationIds: ["no-such-store"] },
          benefit: {
            type: "items",
            target: { scope: "listed" },
            reward: { kind: "percentage", percent: 150 },
          },
        },
      },
    });
    const problem = await response.json();

    expect(response.status).toBe(422);
    expect(Object.keys(problem.fields).sort()).toEqual([
      "definition.benefit.reward.percent",
      "definition.benefit.target.scope",
    ]);
    expect(await db.prisma.promotion.count()).toBe(before);
  });

  it("refuses a definition naming a store that does not exist", async () => {
    const response = await call(create, {
      body: {
        definition: {
          name: "Nowhere",
          conditions: { locationIds: ["no-such-store"] },
          benefit: percentOff(5),
        },
      },
    });

    expect(response.status).toBe(422);
    expect((await response.json()).fields).toEqual({
      "definition.conditions.locationIds": ["Unknown locations: no-such-store."],
    });
  });

  it("answers 404 for a promotion that does not exist", async () => {
    const missing = await call(getOne, { method: "GET", params: { id: "nope" } });
    const patchMissing = await call(patch, {
      method: "PATCH",
      params: { id: "nope" },
      body: { isActive: false },
    });

    expect(missing.status).toBe(404);
    expect(patchMissing.status).toBe(404);
  });
});
