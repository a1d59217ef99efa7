import { beforeAll, describe, expect, it } from "vitest";
import {
  LISTING_PAGE_SIZE,
  listCategoryFacets,
  listCategoryProducts,
} from "@/lib/catalog/list-category-products";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createClothingShop } from "./fixtures";

let db: TestDatabase;
let shop: Awaited<ReturnType<typeof createClothingShop>>;

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createClothingShop(db.prisma);
});

async function titles(categoryId: string, filters: object = {}) {
  const result = await listCategoryProducts(db.prisma, { categoryId, filters });
  return result.products.map((p) => p.title);
}

describe("category listing", () => {
  it("lists the active products of a category and all its subcategories", async () => {
    const women = await titles(shop.categories.women.id);
    expect(women.sort()).toEqual(["Cashmere Cardigan", "Crew Tee", "Merino Jumper"]);
    expect(await titles(shop.categories.tops.id)).toEqual(["Crew Tee"]);
  });

  it("never shows a draft product", async () => {
    expect(await titles(shop.categories.knitwear.id)).not.toContain("Secret Jumper");
  });

  it("matches size and colour on the same variant, as a shopper means it", async () => {
    const mNavy = await titles(shop.categories.women.id, {
      sizes: ["M"],
      colours: ["Navy"],
    });
    expect(mNavy).toEqual(["Cashmere Cardigan"]);
    const m = await titles(shop.categories.women.id, { sizes: ["M"] });
    expect(m.sort()).toEqual(["Cashmere Cardigan", "Crew Tee", "Merino Jumper"]);
  });

  it("takes any of several sizes or colours", async () => {
    const found = await titles(shop.categories.women.id, { colours: ["White", "Black"] });
    expect(found.sort()).toEqual(["Crew Tee", "Merino Jumper"]);
  });

  it("filters by price range in minor units, inclusive", async () => {
    expect(
      await titles(shop.categories.women.id, {
        minPriceMinor: 1800,
        maxPriceMinor: 6900,
      }),
    ).toEqual(expect.arrayContaining(["Crew Tee", "Merino Jumper"]));
    expect(await titles(shop.categories.women.id, { minPriceMinor: 7000 })).toEqual([
      "Cashmere Cardigan",
    ]);
    expect(await titles(shop.categories.women.id, { maxPriceMinor: 1799 })).toEqual([]);
  });

  it("shows only what can ship when asked for delivery", async () => {
    expect(await titles(shop.categories.women.id, { isForDelivery: true })).toEqual([
      "Merino Jumper",
    ]);
  });

  it("shows what one store can hand over, after safety stock", async () => {
    const york = await titles(shop.categories.women.id, {
      pickupLocationId: shop.locations.york.id,
    });
    expect(york).toEqual(["Cashmere Cardigan"]);
    // Leeds holds two tees, both kept back as safety stock: nothing to collect.
    const leeds = await titles(shop.categories.women.id, {
      pickupLocationId: shop.locations.leeds.id,
    });
    expect(leeds).toEqual([]);
  });

  it("combines the store filter with size: the store must hold that size", async () => {
    const yorkS = await titles(shop.categories.women.id, {
      sizes: ["S"],
      pickupLocationId: shop.locations.york.id,
    });
    expect(yorkS).toEqual([]);
  });

  it("sorts by price both ways and puts featured products first by default", async () => {
    const ascending = await titles(shop.categories.women.id, { sort: "price-asc" });
    expect(ascending).toEqual(["Crew Tee", "Merino Jumper", "Cashmere Cardigan"]);
    const descending = await titles(shop.categories.women.id, { sort: "price-desc" });
    expect(descending).toEqual(["Cashmere Cardigan", "Merino Jumper", "Crew Tee"]);
    const featured = await titles(shop.categories.women.id);
    expect(featured[0]).toBe("Cashmere Cardigan");
  });

  it("counts every match and pages through them", async () => {
    const first = await listCategoryProducts(db.prisma, {
      categoryId: shop.categories.women.id,
      filters: {},
    });
    expect(first.total).toBe(3);
    expect(first.pageCount).toBe(1);
    const beyond = await listCategoryProducts(db.prisma, {
      categoryId: shop.categories.women.id,
      filters: { page: 2 },
    });
    expect(beyond.products).toEqual([]);
    expect(LISTING_PAGE_SIZE).toBeGreaterThan(3);
  });

  it("answers an unknown category with an empty page, not an error", async () => {
    const result = await listCategoryProducts(db.prisma, {
      categoryId: "00000000-0000-0000-0000-000000000000",
      filters: {},
    });
    expect(result).toMatchObject({ products: [], total: 0 });
  });

  it("refuses nonsense filters with the field named", async () => {
    await expect(
      listCategoryProducts(db.prisma, {
        categoryId: shop.categories.women.id,
        filters: { page: 0, sort: "cheapest" as never },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { page: expect.any(Array), sort: expect.any(Array) },
    });
  });

  it("treats text in a filter as data, never as SQL", async () => {
    const found = await titles(shop.categories.women.id, {
      sizes: ['M\'); DROP TABLE "Product"; --'],
    });
    expect(found).toEqual([]);
    expect(await db.prisma.product.count()).toBeGreaterThan(0);
  });
});

describe("category facets", () => {
  it("offers the sizes in size order and the colours of active products only", async () => {
    const facets = await listCategoryFacets(db.prisma, {
      categoryId: shop.categories.women.id,
    });
    expect(facets.sizes.map((s) => s.value)).toEqual(["S", "M", "L"]);
    expect(facets.colours.map((c) => c.value)).toEqual(["Black", "Navy", "White"]);
    expect(facets.sizes.find((s) => s.value === "M")?.productCount).toBe(3);
    expect(facets).toMatchObject({ minPriceMinor: 1800, maxPriceMinor: 9500 });
  });

  it("reads a scent as the colour-like option of homeware", async () => {
    const facets = await listCategoryFacets(db.prisma, {
      categoryId: shop.categories.home.id,
    });
    expect(facets.colours.map((c) => c.value)).toEqual(["Fig"]);
    expect(facets.sizes).toEqual([]);
  });
});
