/**
 * The cart and checkout API, called through its route handlers with real
 * requests (Bearer API keys, JSON bodies, problem+json answers) on this
 * file's own database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postCheckout } from "@/app/api/v1/carts/[id]/checkout/route";
import { POST as postCode } from "@/app/api/v1/carts/[id]/codes/route";
import {
  DELETE as deleteLine,
  PATCH as patchLine,
} from "@/app/api/v1/carts/[id]/lines/[lineId]/route";
import { POST as postLine } from "@/app/api/v1/carts/[id]/lines/route";
import { GET as getCart } from "@/app/api/v1/carts/[id]/route";
import { POST as postCart } from "@/app/api/v1/carts/route";
import { POST as postCancel } from "@/app/api/v1/orders/[id]/cancel/route";
import { GET as getOrder } from "@/app/api/v1/orders/[id]/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ADDRESS, createShop, DECLINED, level, receive, type Shop, VISA } from "./shop";

let db: TestDatabase;
let shop: Shop;
let key: string;
let readOnlyKey: string;

const OWNER = { kind: "system" as const, reason: "test setup" };

beforeAll(async () => {
  db = await createTestDatabase();
  // The route handlers use the app's shared client, which reads this.
  process.env.DATABASE_URL = db.url;
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 3);
  key = (
    await createApiKey(db.prisma, OWNER, {
      name: "Marketplace",
      scopes: ["checkout:create", "orders:read", "orders:manage"],
    })
  ).key;
  readOnlyKey = (
    await createApiKey(db.prisma, OWNER, { name: "BI", scopes: ["orders:read"] })
  ).key;
});

function call(
  handler: (
    request: Request,
    segment: { params: Promise<Record<string, string>> },
  ) => Promise<Response>,
  options: {
    method?: string;
    body?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
    apiKey?: string;
  } = {},
) {
  const request = new Request("http://localhost/api/v1/test", {
    method: options.method ?? "POST",
    headers: {
      authorization: `Bearer ${options.apiKey ?? key}`,
      "content-type": "application/json",
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

async function cartWithLine(quantity = 1) {
  const created = await call(postCart, {
    body: { shippingAddress: ADDRESS, email: "a@b.test" },
  });
  expect(created.status).toBe(201);
  const cart = (await created.json()).data;
  const added = await call(postLine, {
    params: { id: cart.id },
    body: { variantId: shop.small.id, quantity, fulfillment: "SHIP" },
  });
  expect(added.status).toBe(201);
  return (await added.json()).data;
}

describe("cart and checkout API", () => {
  it("builds a cart, changes its lines, and checks it out once per key", async () => {
    const cart = await cartWithLine();
    expect(cart.channel).toBe("API");
    expect(cart.lines[0]).toMatchObject({
      quantity: 1,
      unitPriceMinor: 2000,
      isAvailable: true,
    });
    expect(cart.totals.shippingMinor).toBe(495);

    const lineId = cart.lines[0].id;
    const patched = await call(patchLine, {
      method: "PATCH",
      params: { id: cart.id, lineId },
      body: { quantity: 2 },
    });
    expect((await patched.json()).data.totals.subtotalMinor).toBe(4000);
    const coded = await call(postCode, {
      params: { id: cart.id },
      body: { code: "nope" },
    });
    expect((await coded.json()).data.codeOutcomes).toEqual([
      expect.objectContaining({ code: "NOPE", status: "unknown" }),
    ]);
    const fetched = await call(getCart, { method: "GET", params: { id: cart.id } });
    expect(fetched.status).toBe(200);

    const body = { tenders: [{ kind: "card", token: VISA }] };
    const headers = { "idempotency-key": "api-once" };
    const first = await call(postCheckout, { params: { id: cart.id }, body, headers });
    const second = await call(postCheckout, { params: { id: cart.id }, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const order = (await first.json()).data;
    expect((await second.json()).data.id).toBe(order.id);

    const read = await call(getOrder, { method: "GET", params: { id: order.id } });
    expect((await read.json()).data).toMatchObject({
      number: order.number,
      status: "AUTHORIZED",
      payments: [expect.objectContaining({ cardLast4: "4242", isTestMode: true })],
    });
    const cancelled = await call(postCancel, {
      params: { id: order.id },
      body: { reason: "customer asked" },
    });
    expect((await cancelled.json()).data.status).toBe("CANCELLED");
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual({
      onHand: 3,
      reserved: 0,
    });
  });

  it("refuses with 422 the same Idempotency-Key sent with a different request", async () => {
    const cart = await cartWithLine();
    const headers = { "idempotency-key": "api-reused" };
    const first = await call(postCheckout, {
      params: { id: cart.id },
      body: { tenders: [{ kind: "card", token: VISA }] },
      headers,
    });
    expect(first.status).toBe(201);
    const order = (await first.json()).data;

    const reused = await call(postCheckout, {
      params: { id: cart.id },
      body: { tenders: [{ kind: "card", token: VISA }], email: "other@b.test" },
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.headers.get("content-type")).toContain("application/problem+json");
    const problem = await reused.json();
    expect(problem.detail ?? problem.title).toMatch(/different request/);
    expect(JSON.stringify(problem)).toContain("Idempotency-Key");

    // The same body again still answers with the first order.
    const again = await call(postCheckout, {
      params: { id: cart.id },
      body: { tenders: [{ kind: "card", token: VISA }] },
      headers,
    });
    expect(again.status).toBe(200);
    expect((await again.json()).data.id).toBe(order.id);
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(1);
    expect(await db.prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
    await call(postCancel, { params: { id: order.id }, body: { reason: "test done" } });
  });

  it("answers a decline with 402 problem+json naming the tender and the lines", async () => {
    const cart = await cartWithLine();
    const response = await call(postCheckout, {
      params: { id: cart.id },
      body: { tenders: [{ kind: "card", token: DECLINED }] },
      headers: { "idempotency-key": "api-declined" },
    });
    expect(response.status).toBe(402);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({
      code: "payment_declined",
      title: "The card was declined.",
    });
    expect(Object.keys(problem.fields)).toEqual([
      "tenders.0",
      `lines.${cart.lines[0].id}`,
    ]);
  });

  it("answers out of stock with 409 naming the line", async () => {
    const cart = await cartWithLine(3);
    const other = await cartWithLine(3);
    const ok = await call(postCheckout, {
      params: { id: other.id },
      body: { tenders: [{ kind: "card", token: VISA }] },
      headers: { "idempotency-key": "grab-all" },
    });
    expect(ok.status).toBe(201);
    const response = await call(postCheckout, {
      params: { id: cart.id },
      body: { tenders: [{ kind: "card", token: VISA }] },
      headers: { "idempotency-key": "too-late" },
    });
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem.code).toBe("insufficient_stock");
    expect(Object.keys(problem.fields)).toEqual([`lines.${cart.lines[0].id}`]);
  });

  it("refuses bad input, a missing key, a wrong scope and strangers' carts", async () => {
    await receive(db.prisma, shop.small.id, shop.warehouse.id, 1);
    const bad = await call(postCart, { body: { channel: "POS", surprise: true } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toHaveProperty("_");
    const cart = await cartWithLine();
    const badLine = await call(postLine, {
      params: { id: cart.id },
      body: { variantId: shop.small.id, quantity: 0, fulfillment: "TELEPORT" },
    });
    expect(Object.keys((await badLine.json()).fields).sort()).toEqual([
      "fulfillment",
      "quantity",
    ]);
    const noKey = await call(postCheckout, {
      params: { id: cart.id },
      body: { tenders: [{ kind: "card", token: VISA }] },
    });
    expect(noKey.status).toBe(422);
    const wrongScope = await call(getCart, {
      method: "GET",
      params: { id: cart.id },
      apiKey: readOnlyKey,
    });
    expect(wrongScope.status).toBe(403);
    const missing = await call(getCart, {
      method: "GET",
      params: { id: "no-such-cart" },
    });
    expect(missing.status).toBe(404);
    const removed = await call(deleteLine, {
      method: "DELETE",
      params: { id: cart.id, lineId: cart.lines[0].id },
    });
    expect((await removed.json()).data.lines).toEqual([]);
    const storefrontCart = await db.prisma.cart.create({ data: { channel: "WEB" } });
    const foreign = await call(getCart, {
      method: "GET",
      params: { id: storefrontCart.id },
    });
    expect(foreign.status).toBe(404);
  });
});
