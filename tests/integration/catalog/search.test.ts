import { beforeAll, describe, expect, it } from "vitest";
import { searchVariants } from "@/lib/catalog/queries";
import { searchProducts } from "@/lib/catalog/search-products";
import { seedDemoData } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

async function titles(query: string, limit = 5): Promise<string[]> {
  const matches = await searchProducts(db.prisma, { query, limit });
  const products = await db.prisma.product.findMany({
    where: { id: { in: matches.map((m) => m.productId) } },
    select: { id: true, title: true },
  });
  const byId = new Map(products.map((p) => [p.id, p.title]));
  return matches.map((m) => byId.get(m.productId) ?? "?");
}

describe("catalogue search", () => {
  it.each([
    ["merino jumpr", "Merino Crew Jumper"],
    ["merino jumpers", "Merino Crew Jumper"],
    ["bretton strip", "Breton Stripe Top"],
    ["oxfrd shirt", "Oxford Shirt"],
    ["lamswool scarf", "Lambswool Scarf"],
    ["duvet", "Stonewashed Linen Duvet Cover"],
    ["cashmere glove", "Cashmere Gloves"],
  ])("finds what a shopper means by %j first", async (query, title) => {
    expect((await titles(query))[0]).toBe(title);
  });

  it("finds every active jumper for 'jumper', and candles for a misspelt 'candel'", async () => {
    expect((await titles("jumper")).slice(0, 2).sort()).toEqual([
      "Lambswool Crew Jumper",
      "Merino Crew Jumper",
    ]);
    expect((await titles("candel"))[0]).toBe("Soy Wax Candle");
  });

  it("puts an exact SKU or barcode first, whatever the words would match", async () => {
    const variant = await db.prisma.variant.findFirstOrThrow({
      where: { product: { status: "ACTIVE" }, barcode: { not: null } },
      include: { product: true },
    });

    const bySku = await searchProducts(db.prisma, { query: variant.sku.toLowerCase() });
    const byBarcode = await searchProducts(db.prisma, { query: variant.barcode ?? "" });

    expect(bySku[0]).toMatchObject({
      productId: variant.productId,
      variantId: variant.id,
      matchedBy: "sku",
    });
    expect(byBarcode[0]).toMatchObject({ variantId: variant.id, matchedBy: "barcode" });
  });

  it("finds products by part of a SKU", async () => {
    expect(await titles("WTS101")).toEqual(["Organic Cotton Crew Tee"]);
  });

  it("shows shoppers only active products, and staff any status when asked", async () => {
    const archived = await db.prisma.product.findFirstOrThrow({
      where: { status: "ARCHIVED" },
    });

    const forShoppers = await searchProducts(db.prisma, { query: archived.title });
    const forStaff = await searchProducts(db.prisma, {
      query: archived.title,
      statuses: ["ACTIVE", "DRAFT", "ARCHIVED"],
    });

    expect(forShoppers.map((m) => m.productId)).not.toContain(archived.id);
    expect(forStaff[0]?.productId).toBe(archived.id);
  });

  it("finds nothing for nonsense and for an empty query", async () => {
    expect(await titles("zzqxv")).toEqual([]);
    expect(await titles("   ")).toEqual([]);
  });

  it("gives the POS the scanned variant alone, and a product's variants for words", async () => {
    const variant = await db.prisma.variant.findFirstOrThrow({
      where: { isActive: true, barcode: { not: null } },
    });

    const scanned = await searchVariants(db.prisma, variant.barcode ?? "");
    const typed = await searchVariants(db.prisma, "merino jumpr");

    expect(scanned.map((v) => v.id)).toEqual([variant.id]);
    expect(new Set(typed.map((v) => v.product.title))).toEqual(
      new Set(["Merino Crew Jumper"]),
    );
  });
});

describe("the admin product table", () => {
  const list = (query: Record<string, string>) =>
    import("@/lib/catalog/list-products").then(({ listProducts, listProductsSchema }) =>
      listProducts(db.prisma, listProductsSchema.parse(query)),
    );

  it("filters by status, category subtree and stock state, and counts the total", async () => {
    const women = await db.prisma.category.findUniqueOrThrow({
      where: { handle: "women" },
    });

    const archived = await list({ status: "ARCHIVED" });
    const inWomen = await list({ category: women.id, pageSize: "200" });
    const outOfStock = await list({ stock: "out_of_stock" });

    expect(archived.rows.every((r) => r.status === "ARCHIVED")).toBe(true);
    expect(archived.total).toBe(
      await db.prisma.product.count({ where: { status: "ARCHIVED" } }),
    );
    expect(inWomen.total).toBeGreaterThan(0);
    expect(inWomen.rows.every((r) => r.category?.name && r.categoryId !== women.id)).toBe(
      true,
    );
    expect(outOfStock.rows.every((r) => r.available === 0)).toBe(true);
  });

  it("pages in a stable order and ignores junk in the query string", async () => {
    const first = await list({ pageSize: "10", sort: "-title" });
    const second = await list({ pageSize: "10", page: "2", sort: "-title" });
    const junk = await list({ status: "SHOUTING", page: "-4", stock: "maybe" });

    expect(first.rows.map((r) => r.title)).toEqual(
      [...first.rows.map((r) => r.title)].sort().reverse(),
    );
    expect(
      first.rows.at(-1)?.title.localeCompare(second.rows[0]?.title ?? ""),
    ).toBeGreaterThan(0);
    expect(junk.total).toBe(await db.prisma.product.count());
  });
});
