/**
 * The online till's ticket before the server answers: a scanned code found
 * in the till's copy of the catalogue, the line drawn at once and the
 * whole ticket priced by the engine (promotions, overrides, tax) from the
 * copy, the changes still on their way laid over the server's ticket in
 * order, and the server's ticket shown untouched once nothing waits.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { loadBundle, openTillDb, saveBundle } from "@/components/pos/offline/offline-db";
import type { CartLineView, CartView } from "@/lib/checkout/cart-view";
import { type PosBundle, PosBundleSchema, type PosVariant } from "@/lib/pos-sync/bundle";
import {
  findVariantByCode,
  indexCodes,
  showTicket,
  type TicketChange,
  ticketLineKey,
} from "@/lib/pos-sync/local-ticket";
import { priceOfflineCart } from "@/lib/pos-sync/price-offline";
import { type PromotionInput, PromotionSchema } from "@/lib/pricing";

const STORE = "store-ldn";
const AT = new Date("2026-12-01T12:00:00.000Z");

function variant(id: string, priceMinor: number, rest: Partial<PosVariant> = {}) {
  return {
    id,
    productId: `product-${id}`,
    sku: `SKU-${id.toUpperCase()}`,
    barcode: null,
    title: `Item ${id}`,
    options: "M / Navy",
    priceMinor,
    currency: "GBP",
    taxCategory: "STANDARD",
    categoryId: "knitwear",
    isSellable: true,
    onHand: 5,
    ...rest,
  } satisfies PosVariant;
}

function promotion(input: Partial<PromotionInput> & Pick<PromotionInput, "benefit">) {
  return PromotionSchema.parse({ id: "promo", name: "Promotion", ...input });
}

const TEN_OFF_KNITWEAR = promotion({
  id: "knit-10",
  name: "10% off knitwear",
  benefit: {
    type: "items",
    target: { scope: "listed", categoryIds: ["knitwear"] },
    reward: { kind: "percentage", percent: 10 },
  },
});
const TEN_POUNDS_OVER_SIXTY = promotion({
  id: "over-60",
  name: "£10 off over £60",
  currency: "GBP",
  conditions: { minSpend: 6000 },
  benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
});

/** A bundle as the till holds it: through the schema the till parses it with. */
function bundle(overrides: Partial<PosBundle> = {}): PosBundle {
  return PosBundleSchema.parse({
    format: 1,
    cursor: "2026-12-01T10:00:00.000Z",
    isDelta: false,
    location: { id: STORE, code: "STR-LDN", name: "London" },
    registers: [{ id: "till-1", name: "Till 1" }],
    pricing: {
      format: 1,
      generatedAt: "2026-12-01T10:00:00.000Z",
      locationId: STORE,
      market: {
        currency: "GBP",
        pricesIncludeTax: true,
        taxRounding: "line",
        roundingMode: "half_up",
        shippingTax: { mode: "none" },
      },
      promotions: [],
      codes: [],
      usage: {},
      taxRegions: [
        {
          id: "uk",
          name: "United Kingdom",
          country: "GB",
          region: null,
          postalCodePrefixes: [],
          rates: { STANDARD: 20, REDUCED: 5, ZERO: 0, EXEMPT: 0 },
        },
      ],
      locations: [{ id: STORE, address: { country: "GB", postalCode: "WC2E 8RF" } }],
      categoryAncestors: { knitwear: ["knitwear", "women"] },
      productCollections: {},
    },
    variants: [
      variant("a", 4000, { barcode: "5012345678900" }),
      variant("b", 2500, { barcode: "012345678905", categoryId: "socks" }),
      variant("c", 1000, { isSellable: false, barcode: "5000000000001" }),
    ],
    removedVariantIds: [],
    staff: [],
    customers: [],
    offlineTenders: ["cash"],
    lastEventId: null,
    ...overrides,
  });
}

/** The server's ticket for some lines, priced as the server would from the same data. */
function serverTicket(
  held: PosBundle,
  lines: { id: string; variantId: string; quantity: number }[],
  rest: Partial<CartView> = {},
): CartView {
  const priced = priceOfflineCart(held, { lines, at: AT });
  const byVariant = new Map(held.variants.map((v) => [v.id, v]));
  return {
    id: "cart-1",
    channel: "POS",
    status: "OPEN",
    currency: "GBP",
    locationId: STORE,
    registerId: "till-1",
    customerId: null,
    customerName: null,
    customerEmail: null,
    email: null,
    shippingAddress: null,
    codes: [],
    lines: lines.map((line, index): CartLineView => {
      const p = priced.lines[index];
      const v = byVariant.get(line.variantId);
      return {
        id: line.id,
        variantId: line.variantId,
        sku: v?.sku ?? "",
        title: `${v?.title} — ${v?.options}`,
        quantity: line.quantity,
        fulfillment: "CARRY_OUT",
        locationId: STORE,
        locationName: "London",
        unitPriceMinor: p?.unitPrice ?? 0,
        listUnitPriceMinor: p?.listUnitPrice ?? 0,
        discountMinor: p?.discount ?? 0,
        manualDiscountMinor: p?.manualDiscount ?? 0,
        taxMinor: p?.tax ?? 0,
        totalMinor: p?.total ?? 0,
        priceOverride: null,
        manualDiscount: null,
        availableQuantity: null,
        isAvailable: true,
      };
    }),
    totals: {
      subtotalMinor: priced.totals.subtotal,
      discountMinor: priced.totals.discount,
      shippingMinor: 0,
      taxMinor: priced.totals.tax,
      totalMinor: priced.totals.total,
    },
    promotions: priced.explanation.applied.map((a) => ({
      name: a.name,
      code: a.code,
      amountMinor: a.amount,
    })),
    manualDiscount: null,
    saleDiscountMinor: 0,
    codeOutcomes: [],
    warnings: [],
    canCheckOut: true,
    ...rest,
  };
}

let serial = 0;
const add = (variantId: string): TicketChange => {
  serial += 1;
  return { kind: "add", id: `c${serial}`, variantId };
};

describe("finding a scanned code in the till's copy", () => {
  const index = indexCodes(bundle());
  it.each([
    ["a barcode as printed", "5012345678900", "a"],
    ["a SKU typed in lower case with spaces", "  sku-a ", "a"],
    ["a UPC-A barcode scanned as its EAN-13 form", "0012345678905", "b"],
    ["the same UPC-A as stored", "012345678905", "b"],
  ])("finds %s", (_label, code, expected) => {
    expect(findVariantByCode(index, code)?.id).toBe(expected);
  });

  it.each([
    ["an unknown code", "0000000000017"],
    ["an item no longer for sale", "5000000000001"],
    ["an empty code", "   "],
  ])("leaves %s to the server", (_label, code) => {
    expect(findVariantByCode(index, code)).toBeNull();
  });

  it("leaves a code naming two different items to the server", () => {
    const clash = indexCodes(
      bundle({
        variants: [
          variant("a", 4000, { sku: "96385074" }),
          variant("d", 500, { barcode: "0000096385074" }),
        ],
      }),
    );
    expect(findVariantByCode(clash, "96385074")).toBeNull();
  });
});

describe("the ticket shown before the server answers", () => {
  it("is the server's own ticket when nothing is waiting", () => {
    const held = bundle();
    const server = serverTicket(held, [{ id: "l1", variantId: "a", quantity: 1 }]);
    const shown = showTicket(indexCodes(held), server, [], AT);
    expect(shown.view).toBe(server);
    expect(shown.isProvisional).toBe(false);
  });

  it("draws a scanned line at once, priced with its promotion, marked as waiting", () => {
    const held = bundle({
      pricing: { ...bundle().pricing, promotions: [TEN_OFF_KNITWEAR] },
    });
    const shown = showTicket(indexCodes(held), null, [add("a")], AT);
    const [line] = shown.view?.lines ?? [];

    expect(line).toMatchObject({
      variantId: "a",
      sku: "SKU-A",
      title: "Item a — M / Navy",
      quantity: 1,
      unitPriceMinor: 4000,
      discountMinor: 400,
      taxMinor: 600,
      totalMinor: 3600,
    });
    expect(shown.isProvisional).toBe(true);
    expect(shown.provisionalLineIds.has(line?.id ?? "")).toBe(true);
    expect(shown.view?.totals.totalMinor).toBe(3600);
    expect(shown.view?.promotions).toEqual([
      { name: "10% off knitwear", code: null, amountMinor: 400 },
    ]);
  });

  it("prices the whole ticket again: a threshold crossed by the new line discounts every line", () => {
    const held = bundle({
      pricing: { ...bundle().pricing, promotions: [TEN_POUNDS_OVER_SIXTY] },
    });
    const server = serverTicket(held, [{ id: "l1", variantId: "a", quantity: 1 }]);
    expect(server.totals.totalMinor).toBe(4000);

    const shown = showTicket(indexCodes(held), server, [add("b")], AT);
    // £65 of goods, £10 shared by value: £6.15 and £3.85.
    expect(shown.view?.totals.totalMinor).toBe(5500);
    expect(shown.view?.lines.map((l) => [l.id, l.discountMinor, l.totalMinor])).toEqual([
      ["l1", 615, 3385],
      [expect.stringMatching(/^pending-/), 385, 2115],
    ]);
    expect([...shown.provisionalLineIds]).toEqual([shown.view?.lines[1]?.id]);
  });

  it("matches what the server answers for the same ticket", () => {
    const held = bundle({
      pricing: {
        ...bundle().pricing,
        promotions: [TEN_OFF_KNITWEAR, TEN_POUNDS_OVER_SIXTY],
      },
    });
    const index = indexCodes(held);
    const shown = showTicket(index, null, [add("a"), add("b"), add("a")], AT);
    const answered = serverTicket(held, [
      { id: "l1", variantId: "a", quantity: 2 },
      { id: "l2", variantId: "b", quantity: 1 },
    ]);

    const figures = (view: CartView | null) =>
      view?.lines.map((l) => [
        ticketLineKey(l),
        l.quantity,
        l.unitPriceMinor,
        l.discountMinor,
        l.taxMinor,
        l.totalMinor,
      ]);
    expect(figures(shown.view)).toEqual(figures(answered));
    expect(shown.view?.totals).toEqual(answered.totals);
    expect(shown.view?.promotions).toEqual(answered.promotions);
  });

  it("joins a second scan of an item into its line instead of adding another", () => {
    const held = bundle();
    const server = serverTicket(held, [{ id: "l1", variantId: "a", quantity: 1 }]);
    const shown = showTicket(indexCodes(held), server, [add("a"), add("a")], AT);
    expect(shown.view?.lines.map((l) => [l.id, l.quantity, l.totalMinor])).toEqual([
      ["l1", 3, 12_000],
    ]);
    expect(shown.provisionalLineIds.has("l1")).toBe(true);
  });

  it("lays changes over the server's ticket in the order they were made", () => {
    const held = bundle();
    const server = serverTicket(held, [
      { id: "l1", variantId: "a", quantity: 1 },
      { id: "l2", variantId: "b", quantity: 1 },
    ]);
    const shown = showTicket(
      indexCodes(held),
      server,
      [
        { kind: "quantity", id: "q1", lineId: "l1", quantity: 3 },
        { kind: "remove", id: "r1", lineId: "l2" },
        add("b"),
      ],
      AT,
    );
    expect(shown.view?.lines.map((l) => [l.variantId, l.quantity])).toEqual([
      ["a", 3],
      ["b", 1],
    ]);
    expect(shown.view?.totals.totalMinor).toBe(14_500);
  });

  it("keeps a line's place on screen when the server's line replaces the drawn one", () => {
    const held = bundle();
    const drawn = showTicket(indexCodes(held), null, [add("b")], AT).view;
    const answered = serverTicket(held, [{ id: "srv-9", variantId: "b", quantity: 1 }]);
    expect(drawn?.lines[0]?.id).not.toBe("srv-9");
    expect(ticketLineKey(drawn?.lines[0] as CartLineView)).toBe(
      ticketLineKey(answered.lines[0] as CartLineView),
    );
  });

  it("applies a manager's price override held on the server's line", () => {
    const held = bundle();
    const server = serverTicket(held, [{ id: "l1", variantId: "a", quantity: 1 }]);
    const overridden: CartView = {
      ...server,
      lines: server.lines.map((l) => ({
        ...l,
        priceOverride: { id: "o1", unitPrice: 3000, reason: "damaged" },
      })),
    };
    const shown = showTicket(indexCodes(held), overridden, [add("b")], AT);
    expect(shown.view?.lines.map((l) => [l.listUnitPriceMinor, l.totalMinor])).toEqual([
      [4000, 3000],
      [2500, 2500],
    ]);
  });

  it("falls back to the catalogue's price when the copy cannot price the ticket", () => {
    const held = bundle();
    const server = serverTicket(held, [{ id: "l1", variantId: "a", quantity: 1 }]);
    // An item the server added that this copy does not hold yet.
    const unknownToCopy: CartView = {
      ...server,
      lines: server.lines.map((l) => ({ ...l, variantId: "new-item" })),
    };
    const shown = showTicket(indexCodes(held), unknownToCopy, [add("b")], AT);
    expect(shown.view?.lines.map((l) => [l.id, l.totalMinor])).toEqual([
      ["l1", 4000],
      [expect.stringMatching(/^pending-/), 2500],
    ]);
    expect(shown.view?.totals.totalMinor).toBe(6500);
    expect(shown.isProvisional).toBe(true);
  });
});

describe("the copy kept in the browser's IndexedDB", () => {
  it("prices a scanned line from the bundle as stored and read back", async () => {
    const db = await openTillDb("local-ticket-test");
    await saveBundle(
      db,
      bundle({ pricing: { ...bundle().pricing, promotions: [TEN_OFF_KNITWEAR] } }),
    );
    const stored = await loadBundle(db, STORE);
    expect(stored).not.toBeNull();

    const index = indexCodes(stored as PosBundle);
    const scanned = findVariantByCode(index, "5012345678900");
    const shown = showTicket(index, null, [add(scanned?.id ?? "")], AT);
    expect(shown.view?.lines[0]?.totalMinor).toBe(3600);
    db.close();
  });
});
