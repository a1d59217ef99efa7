/**
 * The catalogue API as an integration calls it: route handlers with a
 * Bearer API key against this file's database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { seedDemoData } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { fixture } from "./support";

type Handler = (
  request: Request,
  segment: { params: Promise<Record<string, string>> },
) => Promise<Response>;

let db: TestDatabase;
let writeKey: string;
let readKey: string;
const routes: Record<string, Record<string, Handler>> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  // The route handlers use the app's shared client, made from DATABASE_URL on first use.
  process.env.DATABASE_URL = db.url;
  (globalThis as { __omnitillPrisma?: unknown }).__omnitillPrisma = undefined;

  const system = { kind: "system", reason: "test" } as const;
  writeKey = (
    await createApiKey(db.prisma, system, {
      name: "erp",
      scopes: ["catalog:read", "catalog:write"],
    })
  ).key;
  readKey = (
    await createApiKey(db.prisma, system, { name: "feed", scopes: ["catalog:read"] })
  ).key;

  routes.products = await import("@/app/api/v1/products/route");
  routes.product = await import("@/app/api/v1/products/[id]/route");
  routes.variants = await import("@/app/api/v1/variants/route");
  routes.imports = await import("@/app/api/v1/catalog/imports/route");
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db/client");
  await getDb().$disconnect();
});

async function call(
  route: string,
  method: "GET" | "POST" | "PATCH",
  options: {
    body?: unknown;
    raw?: string;
    key?: string;
    params?: Record<string, string>;
    query?: string;
  } = {},
) {
  const handler = routes[route]?.[method];
  if (!handler) throw new Error(`no ${method} on ${route}`);
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.key ?? writeKey}`,
  };
  let body: string | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
    headers["content-type"] = "text/csv";
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const response = await handler(
    new Request(`http://localhost/api/v1/x${options.query ?? ""}`, {
      method,
      headers,
      body,
    }),
    { params: Promise.resolve(options.params ?? {}) },
  );
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    json: await response.json(),
  };
}

describe("POST and PATCH /api/v1/products", () => {
  it("creates a product with the form's validation and answers it", async () => {
    const created = await call("products", "POST", {
      body: {
        title: "API Beanie",
        status: "ACTIVE",
        optionNames: ["Colour"],
        variants: [
          {
            sku: "api-bn-red",
            optionValues: ["Red"],
            priceMinor: 1800,
            barcode: "96385074",
          },
        ],
      },
    });

    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      handle: "api-beanie",
      variants: [
        { sku: "API-BN-RED", priceMinor: 1800, barcode: "96385074", currency: "GBP" },
      ],
    });
  });

  it("answers problem+json with every refused field", async () => {
    const refused = await call("products", "POST", {
      body: { title: "", variants: [{ sku: "X 1", priceMinor: "ten" }], colour: "red" },
    });

    expect(refused.status).toBe(422);
    expect(refused.type).toBe("application/problem+json");
    expect(Object.keys(refused.json.fields).sort()).toEqual([
      "_",
      "title",
      "variants.0.priceMinor",
      "variants.0.sku",
    ]);
  });

  it("answers 409 naming the field when the SKU is taken", async () => {
    const taken = await call("products", "POST", {
      body: { title: "Dup", variants: [{ sku: "WTS101-WHT-XS", priceMinor: 100 }] },
    });

    expect(taken.status).toBe(409);
    expect(taken.json.fields["variants.0.sku"][0]).toContain("Organic Cotton Crew Tee");
  });

  it("changes only what is sent, and refuses a key without catalog:write", async () => {
    const product = await db.prisma.product.findUniqueOrThrow({
      where: { handle: "api-beanie" },
    });

    const patched = await call("product", "PATCH", {
      params: { id: product.id },
      body: { description: "Ribbed and warm." },
    });
    const forbidden = await call("product", "PATCH", {
      key: readKey,
      params: { id: product.id },
      body: { description: "Nope" },
    });

    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      title: "API Beanie",
      description: "Ribbed and warm.",
    });
    expect(forbidden.status).toBe(403);
  });

  it("answers 404 for an unknown product and 422 for a malformed id", async () => {
    expect(
      (
        await call("product", "GET", {
          params: { id: "0190a0a0-0000-7000-8000-00000000beef" },
        })
      ).status,
    ).toBe(404);
    expect((await call("product", "GET", { params: { id: "nope" } })).status).toBe(422);
  });
});

describe("GET /api/v1/products", () => {
  it("pages through every product once with cursors", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call("products", "GET", {
        key: readKey,
        query: `?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      });
      seen.push(...page.json.data.map((p: { id: string }) => p.id));
      cursor = page.json.nextCursor;
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.prisma.product.count());
  });

  it("returns only products changed since a moment, for syncing", async () => {
    const since = new Date();
    const product = await db.prisma.product.findUniqueOrThrow({
      where: { handle: "api-beanie" },
    });
    await call("product", "PATCH", {
      params: { id: product.id },
      body: { title: "API Beanie Hat" },
    });

    const changed = await call("products", "GET", {
      key: readKey,
      query: `?updatedSince=${encodeURIComponent(since.toISOString())}`,
    });

    expect(changed.json.data.map((p: { handle: string }) => p.handle)).toEqual([
      "api-beanie",
    ]);
  });

  it("searches with query and refuses unknown parameters and foreign cursors", async () => {
    const found = await call("products", "GET", {
      key: readKey,
      query: "?query=merino%20jumpr",
    });
    const unknown = await call("products", "GET", { key: readKey, query: "?colour=red" });
    const badCursor = await call("products", "GET", {
      key: readKey,
      query: "?cursor=abc",
    });

    expect(found.json.data[0].title).toBe("Merino Crew Jumper");
    expect(unknown.status).toBe(422);
    expect(badCursor.json.fields.cursor).toBeDefined();
  });
});

describe("GET /api/v1/variants", () => {
  it("finds a variant by barcode in any GTIN length, and by SKU in any case", async () => {
    const variant = await db.prisma.variant.findFirstOrThrow({
      where: { barcode: { not: null } },
    });

    const byBarcode = await call("variants", "GET", {
      key: readKey,
      query: `?barcode=0${variant.barcode}`,
    });
    const bySku = await call("variants", "GET", {
      key: readKey,
      query: `?sku=${variant.sku.toLowerCase()}`,
    });
    const both = await call("variants", "GET", {
      key: readKey,
      query: "?sku=A&barcode=1",
    });

    expect(byBarcode.json.data.map((v: { id: string }) => v.id)).toEqual([variant.id]);
    expect(bySku.json.data.map((v: { id: string }) => v.id)).toEqual([variant.id]);
    expect(both.status).toBe(422);
  });
});

describe("POST /api/v1/catalog/imports", () => {
  it("reports a dry run without writing, then applies the valid products", async () => {
    const csv = fixture("mixed-valid-invalid.csv");
    const before = await db.prisma.product.count();

    const dry = await call("imports", "POST", { raw: csv, query: "?dryRun=true" });
    expect(dry.status).toBe(200);
    expect(dry.json.report.issues).toEqual([
      expect.objectContaining({
        row: 5,
        column: "price",
        columnLetter: "G",
        code: "negative_number",
      }),
    ]);
    expect(await db.prisma.product.count()).toBe(before);

    const applied = await call("imports", "POST", { raw: csv });
    expect(applied.status).toBe(201);
    expect(applied.json.result).toMatchObject({ productsCreated: 2, variantsCreated: 3 });
    expect(await db.prisma.product.count()).toBe(before + 2);
  });

  it("refuses an empty body and an unclear dryRun", async () => {
    expect((await call("imports", "POST", { raw: "" })).status).toBe(422);
    expect(
      (await call("imports", "POST", { raw: "a", query: "?dryRun=yes" })).json.fields
        .dryRun,
    ).toBeDefined();
  });
});
