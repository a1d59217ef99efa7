import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { loadMarket, loadTaxRegions } from "@/lib/pricing-data";
import { createTaxRegion, saveMarketPricing, updateTaxRegion } from "@/lib/tax";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createShop, OWNER } from "./fixtures";

const MERCHANDISER: StaffActor = {
  ...OWNER,
  id: OWNER.id.replace(/1$/, "2"),
  role: "MERCHANDISER",
};

describe("editing tax regions and market rules", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await createShop(db.prisma);
  });

  it("adds a sales-tax region that pricing reads, with its audit entry and event", async () => {
    const { id } = await createTaxRegion(db.prisma, OWNER, {
      name: "New York City",
      country: "us",
      region: "ny",
      postalCodePrefixes: ["100", "101 ", "102-"],
      rates: { STANDARD: 8.875, REDUCED: 0 },
    });

    const [region] = await loadTaxRegions(db.prisma, { countries: ["US"] });
    expect(region).toEqual({
      id,
      name: "New York City",
      country: "US",
      region: "NY",
      postalCodePrefixes: ["100", "101", "102"],
      rates: { STANDARD: 8.875, REDUCED: 0 },
    });
    expect(await db.prisma.auditEntry.count({ where: { entityId: id } })).toBe(1);
    expect(
      await db.prisma.outboxEvent.count({
        where: { aggregateId: id, type: "pricing.tax_changed" },
      }),
    ).toBe(1);
  });

  it("changes a rate, and leaves a region out of pricing once it is not used", async () => {
    const [uk] = await loadTaxRegions(db.prisma, { countries: ["GB"] });
    if (!uk) throw new Error("the shop has a UK region");

    await updateTaxRegion(db.prisma, OWNER, {
      id: uk.id,
      name: uk.name,
      country: "GB",
      rates: { STANDARD: 17.5, REDUCED: 5 },
    });
    expect(
      (await loadTaxRegions(db.prisma, { countries: ["GB"] }))[0]?.rates.STANDARD,
    ).toBe(17.5);

    await updateTaxRegion(db.prisma, OWNER, {
      id: uk.id,
      name: uk.name,
      country: "GB",
      isActive: false,
      rates: { STANDARD: 20, REDUCED: 5 },
    });
    expect(await loadTaxRegions(db.prisma, { countries: ["GB"] })).toEqual([]);
  });

  it("refuses bad rates and places, naming each field, and writes nothing", async () => {
    const before = await db.prisma.taxRegion.count();

    await expect(
      createTaxRegion(db.prisma, OWNER, {
        name: " ",
        country: "Britain",
        rates: { STANDARD: 120, REDUCED: 5.123456 },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: {
        name: expect.any(Array),
        country: expect.any(Array),
        "rates.STANDARD": expect.any(Array),
        "rates.REDUCED": expect.any(Array),
      },
    });
    expect(await db.prisma.taxRegion.count()).toBe(before);
  });

  it("lets only those who manage settings change tax", async () => {
    await expect(
      createTaxRegion(db.prisma, MERCHANDISER, {
        name: "Anywhere",
        country: "FR",
        rates: { STANDARD: 20, REDUCED: 5.5 },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      saveMarketPricing(db.prisma, MERCHANDISER, {
        marketCode: "UK",
        taxRounding: "INVOICE",
        roundingMode: "HALF_UP",
        shippingTaxMode: "PROPORTIONAL",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("sets a market's rounding and shipping tax, which pricing then uses", async () => {
    await saveMarketPricing(db.prisma, OWNER, {
      marketCode: "UK",
      taxRounding: "INVOICE",
      roundingMode: "HALF_EVEN",
      shippingTaxMode: "PROPORTIONAL",
    });

    const { market } = await loadMarket(db.prisma, { currency: "GBP" });
    expect(market).toEqual({
      currency: "GBP",
      pricesIncludeTax: true,
      taxRounding: "invoice",
      roundingMode: "half_even",
      shippingTax: { mode: "proportional" },
    });
  });

  it("refuses rules for an unknown market, and a currency no market sells in", async () => {
    await expect(
      saveMarketPricing(db.prisma, OWNER, {
        marketCode: "MARS",
        taxRounding: "LINE",
        roundingMode: "HALF_UP",
        shippingTaxMode: "NONE",
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { marketCode: expect.any(Array) },
    });
    await expect(loadMarket(db.prisma, { currency: "JPY" })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
