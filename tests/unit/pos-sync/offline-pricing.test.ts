/**
 * What the till computes offline: a bundle's delta folded into the copy
 * it holds, and a sale built from the engine's result that the server's
 * schema accepts (or refuses when the money does not add up).
 */
import { describe, expect, it } from "vitest";
import type { PosBundle, PosVariant } from "@/lib/pos-sync/bundle";
import { mergeBundle } from "@/lib/pos-sync/merge-bundle";
import {
  indexVariants,
  offlineSaleFrom,
  priceOfflineCart,
} from "@/lib/pos-sync/price-offline";
import { OfflineSaleSchema } from "@/lib/pos-sync/sale";

function variant(id: string, priceMinor: number): PosVariant {
  return {
    id,
    productId: `product-${id}`,
    sku: `SKU-${id}`,
    barcode: null,
    title: `Item ${id}`,
    options: "",
    priceMinor,
    currency: "GBP",
    taxCategory: "STANDARD",
    categoryId: null,
    isSellable: true,
    onHand: 5,
  };
}

function bundle(overrides: Partial<PosBundle> = {}): PosBundle {
  return {
    format: 1,
    cursor: "2026-12-01T10:00:00.000Z",
    isDelta: false,
    location: { id: "store-1", code: "STR", name: "Store" },
    registers: [{ id: "register-1", name: "Till 1" }],
    pricing: {
      format: 1,
      generatedAt: "2026-12-01T10:00:00.000Z",
      locationId: "store-1",
      market: {
        currency: "GBP",
        pricesIncludeTax: true,
        taxRounding: "line",
        roundingMode: "half_even",
        shippingTax: { mode: "none" },
      },
      promotions: [],
      codes: [],
      usage: {},
      taxRegions: [],
      locations: [],
      categoryAncestors: {},
      productCollections: {},
    },
    variants: [variant("a", 1000), variant("b", 2000)],
    removedVariantIds: [],
    staff: [],
    customers: [],
    offlineTenders: ["cash"],
    lastEventId: null,
    ...overrides,
  };
}

describe("mergeBundle", () => {
  it("folds a delta into the copy held: changed, added and removed variants", () => {
    const held = bundle();
    const delta = bundle({
      isDelta: true,
      cursor: "2026-12-01T11:00:00.000Z",
      variants: [variant("b", 2500), variant("c", 300)],
      removedVariantIds: ["a"],
    });
    const merged = mergeBundle(held, delta);
    expect(merged.isDelta).toBe(false);
    expect(merged.cursor).toBe("2026-12-01T11:00:00.000Z");
    expect(merged.variants.map((v) => [v.id, v.priceMinor])).toEqual([
      ["b", 2500],
      ["c", 300],
    ]);
  });

  it("takes a full bundle as it is", () => {
    const full = bundle({ variants: [variant("z", 1)] });
    expect(mergeBundle(bundle(), full).variants.map((v) => v.id)).toEqual(["z"]);
  });
});

describe("an offline sale", () => {
  it("is priced by the engine from the bundle and passes the server's schema", () => {
    const held = bundle();
    const variants = indexVariants(held);
    const at = new Date("2026-12-01T12:00:00.000Z");
    const pricing = priceOfflineCart(held, {
      lines: [
        { variantId: "a", quantity: 2 },
        { variantId: "b", quantity: 1 },
      ],
      at,
      variants,
    });
    expect(pricing.totals.total).toBe(4000);
    const sale = offlineSaleFrom({
      id: crypto.randomUUID(),
      deviceId: "device-test-1",
      sequence: 1,
      registerId: "register-1",
      staffId: "staff-1",
      at,
      customerId: null,
      codes: [],
      variants,
      pricing,
      tenders: [{ kind: "cash", amountMinor: 4000, tenderedMinor: 5000 }],
    });
    const parsed = OfflineSaleSchema.safeParse(sale);
    expect(parsed.success).toBe(true);
    expect(sale.lines.map((l) => l.totalMinor)).toEqual([2000, 2000]);

    const short = OfflineSaleSchema.safeParse({
      ...sale,
      tenders: [{ kind: "cash", amountMinor: 3999, tenderedMinor: 5000 }],
    });
    expect(short.success).toBe(false);
    const tampered = OfflineSaleSchema.safeParse({
      ...sale,
      lines: sale.lines.map((l) => ({ ...l, totalMinor: 1 })),
    });
    expect(tampered.success).toBe(false);
  });
});
