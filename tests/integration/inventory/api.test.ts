/**
 * The inventory API as an integration calls it: route handlers with a
 * Bearer API key against this file's database, including retries under
 * an Idempotency-Key.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Permission } from "@/lib/auth/permissions";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { buildWorld, SYSTEM, type World, writtenRows } from "./fixtures";

let db: TestDatabase;
let world: World;
let fullKey: string;
let readOnlyKey: string;
type Handler = (
  request: Request,
  segment: { params: Promise<Record<string, string>> },
) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db.prisma);
  // The route handlers use the app's shared client, made from DATABASE_URL on first use.
  process.env.DATABASE_URL = db.url;
  (globalThis as { __omnitillPrisma?: unknown }).__omnitillPrisma = undefined;

  const key = async (scopes: Permission[]) =>
    (await createApiKey(db.prisma, SYSTEM, { name: `test ${scopes.length}`, scopes }))
      .key;
  fullKey = await key([
    "inventory:read",
    "inventory:adjust",
    "inventory:receive",
    "inventory:transfer",
    "inventory:count",
  ]);
  readOnlyKey = await key(["inventory:read"]);

  routes.levels = await import("@/app/api/v1/inventory/route");
  routes.receipts = await import("@/app/api/v1/inventory/receipts/route");
  routes.adjustments = await import("@/app/api/v1/inventory/adjustments/route");
  routes.transfers = await import("@/app/api/v1/inventory/transfers/route");
  routes.ship = await import("@/app/api/v1/inventory/transfers/[id]/ship/route");
  routes.receive = await import("@/app/api/v1/inventory/transfers/[id]/receive/route");
  routes.counts = await import("@/app/api/v1/inventory/counts/route");
  routes.count = await import("@/app/api/v1/inventory/counts/[id]/route");
  routes.scans = await import("@/app/api/v1/inventory/counts/[id]/scans/route");
  routes.approve = await import("@/app/api/v1/inventory/counts/[id]/approve/route");
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
});

async function call(
  route: string,
  method: "GET" | "POST",
  options: {
    body?: unknown;
    key?: string;
    idempotencyKey?: string;
    params?: Record<string, string>;
    query?: string;
  } = {},
) {
  const handler = routes[route]?.[method];
  if (!handler) throw new Error(`no ${method} on ${route}`);
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.key ?? fullKey}`,
    "content-type": "application/json",
  };
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  const request = new Request(
    `http://localhost/api/v1/inventory/${route}${options.query ?? ""}`,
    {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    },
  );
  const response = await handler(request, {
    params: Promise.resolve(options.params ?? {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  };
}

const onHand = async (sku: string, code: string) => {
  const level = await db.prisma.inventoryLevel.findFirst({
    where: { variant: { sku }, location: { code } },
  });
  return level?.onHand ?? 0;
};

describe("idempotent receipts", () => {
  it("applies a retried receipt once and answers the retry with the first response", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const body = { location: "WH-1", reference: "PO-9", lines: [{ sku, quantity: 7 }] };
    const first = await call("receipts", "POST", {
      body,
      idempotencyKey: "receipt-po-9",
    });
    const retry = await call("receipts", "POST", {
      // Same body, keys in another order: still the same request.
      body: { lines: [{ quantity: 7, sku }], reference: "PO-9", location: "WH-1" },
      idempotencyKey: "receipt-po-9",
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await onHand(sku, "WH-1")).toBe(7);
    expect(await db.prisma.stockReceipt.count({ where: { reference: "PO-9" } })).toBe(1);
  });

  it("applies once when the same request is retried five times at once", async () => {
    const sku = world.variants[1]?.sku ?? "";
    const body = { location: "WH-1", lines: [{ sku, quantity: 3 }] };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call("receipts", "POST", { body, idempotencyKey: "burst-1" }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    for (const result of results) expect(result.body).toEqual(results[0]?.body);
    expect(
      results.filter((r) => r.headers.get("idempotent-replayed") === "true"),
    ).toHaveLength(4);
    expect(await onHand(sku, "WH-1")).toBe(3);
  });

  it("refuses the same key with a different body, and changes nothing", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const before = await writtenRows(db.prisma);
    const reused = await call("receipts", "POST", {
      body: { location: "WH-1", reference: "PO-9", lines: [{ sku, quantity: 70 }] },
      idempotencyKey: "receipt-po-9",
    });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      code: "conflict",
      fields: { "Idempotency-Key": [expect.any(String)] },
    });
    expect(await writtenRows(db.prisma)).toEqual(before);
  });

  it("keeps keys apart per route: a receipt's key does not replay an adjustment", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const adjusted = await call("adjustments", "POST", {
      body: { location: "WH-1", reason: "ADJUSTMENT", lines: [{ sku, quantity: 1 }] },
      idempotencyKey: "receipt-po-9",
    });
    expect(adjusted.status).toBe(201);
    expect(await onHand(sku, "WH-1")).toBe(8);
  });

  it("does not store a refused attempt, so the same key is tried afresh", async () => {
    const sku = world.variants[2]?.sku ?? "";
    const bad = await call("receipts", "POST", {
      body: { location: "STR-OLD", lines: [{ sku, quantity: 1 }] },
      idempotencyKey: "closed-store",
    });
    expect(bad.status).toBe(422);
    // The failure was not stored, so the same key and body are tried afresh.
    const again = await call("receipts", "POST", {
      body: { location: "STR-OLD", lines: [{ sku, quantity: 1 }] },
      idempotencyKey: "closed-store",
    });
    expect(again.status).toBe(422);
    expect(await db.prisma.idempotencyKey.count({ where: { key: "closed-store" } })).toBe(
      0,
    );
  });
});

describe("bad requests", () => {
  it("answers problem+json naming each refused field, and writes nothing", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const cases: [string, unknown, string][] = [
      [
        "zero",
        { location: "WH-1", reason: "ADJUSTMENT", lines: [{ sku, quantity: 0 }] },
        "lines.0.quantity",
      ],
      [
        "string quantity",
        { location: "WH-1", reason: "ADJUSTMENT", lines: [{ sku, quantity: "2" }] },
        "lines.0.quantity",
      ],
      [
        "unknown SKU",
        { location: "WH-1", reason: "ADJUSTMENT", lines: [{ sku: "NOPE", quantity: 1 }] },
        "lines.0.sku",
      ],
      [
        "unknown location",
        { location: "XX", reason: "ADJUSTMENT", lines: [{ sku, quantity: 1 }] },
        "location",
      ],
      ["not an object", [1, 2], "_"],
    ];
    for (const [name, body, field] of cases) {
      const before = await writtenRows(db.prisma);
      const response = await call("adjustments", "POST", {
        body,
        idempotencyKey: `bad-${name.replaceAll(" ", "-")}`,
      });
      expect(response.status, name).toBe(422);
      expect(response.headers.get("content-type"), name).toBe("application/problem+json");
      expect(Object.keys(response.body.fields ?? {}), name).toContain(field);
      expect(await writtenRows(db.prisma), name).toEqual(before);
    }
  });

  it("refuses a key without the scope", async () => {
    const response = await call("receipts", "POST", {
      key: readOnlyKey,
      body: { location: "WH-1", lines: [{ sku: world.variants[0]?.sku, quantity: 1 }] },
    });
    expect(response.status).toBe(403);
  });

  it("refuses an idempotency key that is too long", async () => {
    const response = await call("receipts", "POST", {
      body: { location: "WH-1", lines: [{ sku: world.variants[0]?.sku, quantity: 1 }] },
      idempotencyKey: "k".repeat(300),
    });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.fields)).toEqual(["Idempotency-Key"]);
  });
});

describe("reading levels, transfers and counts through the API", () => {
  it("reads a SKU's level at a location with what is available", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const response = await call("levels", "GET", {
      key: readOnlyKey,
      query: `?sku=${sku.toLowerCase()}&location=wh-1`,
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        sku,
        location: "WH-1",
        onHand: 8,
        reserved: 0,
        available: 8,
      }),
    ]);
  });

  it("requests, ships and receives a transfer, retrying the ship safely", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const created = await call("transfers", "POST", {
      body: { from: "WH-1", to: "STR-LDN", lines: [{ sku, quantity: 5 }] },
    });
    expect(created.status).toBe(201);
    const params = { id: created.body.id };
    const shipped = await call("ship", "POST", {
      params,
      body: {},
      idempotencyKey: "ship-1",
    });
    const retried = await call("ship", "POST", {
      params,
      body: {},
      idempotencyKey: "ship-1",
    });
    expect(shipped.body.status).toBe("SHIPPED");
    expect(retried.body).toEqual(shipped.body);
    expect(await onHand(sku, "WH-1")).toBe(3);
    const received = await call("receive", "POST", {
      params,
      body: { lines: [{ sku, quantity: 4 }] },
    });
    expect(received.body.lines[0]).toMatchObject({ quantityReceived: 4, discrepancy: 1 });
    expect(await onHand(sku, "STR-LDN")).toBe(4);
  });

  it("counts blind, reviews and approves once", async () => {
    const sku = world.variants[0]?.sku ?? "";
    const count = await call("counts", "POST", { body: { location: "STR-LDN" } });
    expect(count.status).toBe(201);
    const params = { id: count.body.id };
    const scan = await call("scans", "POST", {
      params,
      body: { code: world.variants[0]?.barcode },
    });
    expect(scan.body).toEqual({ sku, barcode: world.variants[0]?.barcode, counted: 1 });
    const review = await call("count", "GET", { params });
    expect(review.body.lines).toEqual([
      expect.objectContaining({ sku, counted: 1, variance: -3 }),
    ]);
    const approved = await call("approve", "POST", { params, body: {} });
    expect(approved.status).toBe(200);
    const twice = await call("approve", "POST", { params, body: {} });
    expect(twice.status).toBe(409);
    expect(Object.keys(twice.body.fields)).toEqual(["id"]);
    expect(await onHand(sku, "STR-LDN")).toBe(1);
  });
});
