import { beforeAll, describe, expect, it } from "vitest";
import { bulkUpdatePrices } from "@/lib/catalog/bulk-update-prices";
import { createProduct } from "@/lib/catalog/create-product";
import type { CreateProductInput } from "@/lib/catalog/schemas";
import { updateProduct } from "@/lib/catalog/update-product";
import { seedDemoData } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ASSOCIATE, catalogueCounts, MERCHANDISER } from "./support";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

function jumper(overrides: Partial<CreateProductInput> = {}): CreateProductInput {
  return {
    title: "Alpaca Blend Jumper",
    description: "Soft and warm.",
    brand: "Fellside",
    status: "ACTIVE",
    optionNames: ["Size", "Colour"],
    attributes: [{ key: "material", type: "text", value: "60% alpaca, 40% wool" }],
    variants: [
      {
        sku: "ALP-S-OAT",
        optionValues: ["S", "Oat"],
        priceMinor: 8900,
        barcode: "4006381333931",
      },
      { sku: "ALP-M-OAT", optionValues: ["M", "Oat"], priceMinor: 8900 },
    ],
    ...overrides,
  };
}

describe("creating a product", () => {
  it("stores the product and variants, with an audit entry and an outbox event", async () => {
    const product = await createProduct(db.prisma, MERCHANDISER, jumper());

    expect(product.handle).toBe("alpaca-blend-jumper");
    expect(product.variants.map((v) => [v.sku, v.position, v.currency])).toEqual([
      ["ALP-S-OAT", 0, "GBP"],
      ["ALP-M-OAT", 1, "GBP"],
    ]);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({
      where: { entityId: product.id, action: "product.created" },
    });
    expect(audit.actorLabel).toBe("Mia Merchandiser <merch@example.test>");
    expect(audit.after).toMatchObject({
      title: "Alpaca Blend Jumper",
      variants: [{ sku: "ALP-S-OAT" }, {}],
    });
    const event = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { aggregateId: product.id, type: "catalog.product_created" },
    });
    expect(event.payload).toMatchObject({
      handle: "alpaca-blend-jumper",
      variants: [{ priceMinor: 8900 }, {}],
    });
  });

  it("upper-cases SKUs and tidies whitespace before saving", async () => {
    const product = await createProduct(db.prisma, MERCHANDISER, {
      title: "  Linen   Apron ",
      variants: [{ sku: " apr-01 ", priceMinor: 2200, barcode: "4006 3813 3394 8" }],
    });

    expect(product.title).toBe("Linen Apron");
    expect(product.variants[0]).toMatchObject({
      sku: "APR-01",
      barcode: "4006381333948",
    });
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const before = await catalogueCounts(db.prisma);

    const attempt = createProduct(db.prisma, MERCHANDISER, {
      title: "",
      handle: "Not A Handle",
      optionNames: ["Size"],
      variants: [
        { sku: "BAD SKU", optionValues: ["S"], priceMinor: -5, barcode: "4006381333932" },
        { sku: "OK-1", optionValues: [], priceMinor: 100, compareAtMinor: 50 },
      ],
    });

    await expect(attempt).rejects.toMatchObject({
      code: "invalid_input",
      fields: {
        title: ["Enter the title."],
        handle: [expect.stringContaining("lower-case letters")],
        "variants.0.sku": [expect.stringContaining("no spaces")],
        "variants.0.priceMinor": ["Price cannot be negative."],
        "variants.0.barcode": [expect.stringContaining("check digit should be 1")],
        "variants.1.optionValues": ["Give one value for each option (1)."],
        "variants.1.compareAtMinor": [expect.stringContaining("higher than the price")],
      },
    });
    expect(await catalogueCounts(db.prisma)).toEqual(before);
  });

  it("refuses an associate, who may not change the catalogue", async () => {
    await expect(
      createProduct(db.prisma, ASSOCIATE, jumper({ handle: "by-associate" })),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses a SKU or barcode another variant holds, archived products included", async () => {
    const archived = await db.prisma.variant.findFirstOrThrow({
      where: { product: { status: "ARCHIVED" } },
      include: { product: true },
    });

    const attempt = createProduct(db.prisma, MERCHANDISER, {
      title: "Copycat",
      variants: [
        { sku: archived.sku.toLowerCase(), priceMinor: 100, barcode: archived.barcode },
      ],
    });

    await expect(attempt).rejects.toMatchObject({
      code: "conflict",
      fields: {
        "variants.0.sku": [
          `SKU ${archived.sku} is already used by the archived product ` +
            `“${archived.product.title}”.`,
        ],
        "variants.0.barcode": [expect.stringContaining(archived.sku)],
      },
    });
  });

  it("treats a UPC-A and its EAN-13 form as the same barcode", async () => {
    await createProduct(db.prisma, MERCHANDISER, {
      title: "UPC Product",
      variants: [{ sku: "UPC-1", priceMinor: 100, barcode: "036000291452" }],
    });

    await expect(
      createProduct(db.prisma, MERCHANDISER, {
        title: "EAN Product",
        variants: [{ sku: "EAN-1", priceMinor: 100, barcode: "0036000291452" }],
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { "variants.0.barcode": [expect.any(String)] },
    });
  });

  it("creates once when two merchandisers save the same SKU at the same moment", async () => {
    const attempts = await Promise.allSettled([
      createProduct(db.prisma, MERCHANDISER, {
        title: "Race One",
        variants: [{ sku: "RACE-1", priceMinor: 100 }],
      }),
      createProduct(db.prisma, MERCHANDISER, {
        title: "Race Two",
        variants: [{ sku: "RACE-1", priceMinor: 100 }],
      }),
    ]);

    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a) => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "conflict",
      fields: { "variants.0.sku": [expect.any(String)] },
    });
    expect(await db.prisma.variant.count({ where: { sku: "RACE-1" } })).toBe(1);
  });

  it("creates once when two saves race for the same handle", async () => {
    const attempts = await Promise.allSettled([
      createProduct(db.prisma, MERCHANDISER, {
        title: "Same Handle",
        variants: [{ sku: "SH-1", priceMinor: 1 }],
      }),
      createProduct(db.prisma, MERCHANDISER, {
        title: "Same Handle",
        variants: [{ sku: "SH-2", priceMinor: 1 }],
      }),
    ]);

    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const lost = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({
      code: "conflict",
      fields: { handle: [expect.any(String)] },
    });
  });
});

describe("editing a product", () => {
  it("records before and after of only what changed", async () => {
    const product = await createProduct(
      db.prisma,
      MERCHANDISER,
      jumper({
        handle: "audited-jumper",
        variants: [{ sku: "AUD-S", optionValues: ["S", "Oat"], priceMinor: 5000 }],
      }),
    );

    await updateProduct(db.prisma, MERCHANDISER, product.id, {
      title: "Audited Jumper",
      variants: [
        {
          id: product.variants[0]?.id,
          sku: "AUD-S",
          optionValues: ["S", "Oat"],
          priceMinor: 4500,
        },
      ],
    });

    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { entityId: product.id, action: "product.updated" },
    });
    expect(entry.before).toEqual({
      title: "Alpaca Blend Jumper",
      variants: [{ id: product.variants[0]?.id, sku: "AUD-S", priceMinor: 5000 }],
    });
    expect(entry.after).toEqual({
      title: "Audited Jumper",
      variants: [{ id: product.variants[0]?.id, sku: "AUD-S", priceMinor: 4500 }],
    });
    const event = await db.prisma.outboxEvent.findFirstOrThrow({
      where: { aggregateId: product.id, type: "catalog.product_updated" },
    });
    expect(event.payload).toMatchObject({ changed: ["title", "variants"] });
  });

  it("never changes an order already placed when a price changes", async () => {
    const line = await db.prisma.orderLine.findFirstOrThrow({
      include: { order: true, variant: true },
    });
    const product = await db.prisma.product.findUniqueOrThrow({
      where: { id: line.variant.productId },
    });

    await updateProduct(db.prisma, MERCHANDISER, product.id, {
      variants: [
        {
          id: line.variantId,
          sku: line.variant.sku,
          barcode: line.variant.barcode,
          optionValues: line.variant.optionValues,
          priceMinor: line.variant.priceMinor + 1000,
          compareAtMinor: null,
          costMinor: line.variant.costMinor,
          weightGrams: line.variant.weightGrams,
        },
      ],
    });

    const after = await db.prisma.orderLine.findUniqueOrThrow({
      where: { id: line.id },
      include: { order: true },
    });
    expect(after.unitPriceMinor).toBe(line.unitPriceMinor);
    expect(after.totalMinor).toBe(line.totalMinor);
    expect(after.order.totalMinor).toBe(line.order.totalMinor);
    const variant = await db.prisma.variant.findUniqueOrThrow({
      where: { id: line.variantId },
    });
    expect(variant.priceMinor).toBe(line.variant.priceMinor + 1000);
  });

  it("refuses a variant of another product and option values that no longer fit", async () => {
    const one = await createProduct(
      db.prisma,
      MERCHANDISER,
      jumper({
        handle: "fit-one",
        variants: [{ sku: "FIT-1", optionValues: ["S", "Oat"], priceMinor: 100 }],
      }),
    );
    const other = await db.prisma.variant.findFirstOrThrow({
      where: { productId: { not: one.id } },
    });

    await expect(
      updateProduct(db.prisma, MERCHANDISER, one.id, {
        optionNames: ["Size"],
        variants: [{ id: other.id, sku: other.sku, optionValues: ["S"], priceMinor: 1 }],
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { "variants.0.id": ["This variant is not one of the product's."] },
    });
    await expect(
      updateProduct(db.prisma, MERCHANDISER, one.id, { optionNames: ["Size"] }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { optionNames: [expect.stringContaining("FIT-1 has 2 option values")] },
    });
  });

  it("answers not found for a product that does not exist", async () => {
    await expect(
      updateProduct(db.prisma, MERCHANDISER, "0190a0a0-0000-7000-8000-00000000dead", {
        title: "X",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("bulk price changes", () => {
  it("takes 20% off a selection, rounds to .99 endings, audits each product", async () => {
    const product = await createProduct(
      db.prisma,
      MERCHANDISER,
      jumper({
        handle: "bulk-jumper",
        variants: [
          { sku: "BULK-S", optionValues: ["S", "Oat"], priceMinor: 5000 },
          { sku: "BULK-M", optionValues: ["M", "Oat"], priceMinor: 5500 },
        ],
      }),
    );

    const result = await bulkUpdatePrices(db.prisma, MERCHANDISER, {
      variantIds: product.variants.map((v) => v.id),
      mode: "percent",
      value: -20,
      endingMinor: 99,
    });

    expect(result).toMatchObject({ variantsChanged: 2, productsChanged: 1 });
    const prices = await db.prisma.variant.findMany({
      where: { productId: product.id },
      orderBy: { position: "asc" },
      select: { priceMinor: true },
    });
    expect(prices.map((p) => p.priceMinor)).toEqual([3999, 4399]);
    expect(
      await db.prisma.auditEntry.count({
        where: { entityId: product.id, action: "product.prices_updated" },
      }),
    ).toBe(1);
  });

  it("changes nothing when any result would be negative", async () => {
    const product = await createProduct(db.prisma, MERCHANDISER, {
      title: "Cheap Thing",
      variants: [{ sku: "CHEAP-1", priceMinor: 100 }],
    });

    await expect(
      bulkUpdatePrices(db.prisma, MERCHANDISER, {
        variantIds: product.variants.map((v) => v.id),
        mode: "add",
        value: -500,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const variant = await db.prisma.variant.findUniqueOrThrow({
      where: { sku: "CHEAP-1" },
    });
    expect(variant.priceMinor).toBe(100);
  });
});
