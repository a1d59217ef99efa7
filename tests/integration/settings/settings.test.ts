import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { seedDemoData } from "@/lib/db/seed";
import {
  DEFAULT_SETTINGS,
  getSettings,
  marketForCountry,
} from "@/lib/settings/get-settings";
import { updateSettings } from "@/lib/settings/update-settings";
import { staffActor } from "../support/actors";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let owner: StaffActor;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  owner = await staffActor(db.prisma, "owner@omnitill.test");
});

const SETTINGS = {
  businessName: "  Marsh & Daughters ",
  baseCurrency: "gbp",
  markets: [
    {
      code: "uk",
      name: "United Kingdom",
      currency: "GBP",
      countries: ["gb"],
      isTaxInclusive: true,
    },
    {
      code: "EU",
      name: "Eurozone",
      currency: "EUR",
      countries: ["IE", "FR"],
      isTaxInclusive: true,
    },
    {
      code: "US",
      name: "United States",
      currency: "USD",
      countries: ["US"],
      isTaxInclusive: false,
    },
  ],
  receiptHeader: "Marsh & Daughters\r\n27 Floral Street",
  receiptFooter: "Thank you!",
  returnPolicy: "<b>30 days</b> to return unworn items.",
};

describe("business settings", () => {
  it("start from defaults before the first save", async () => {
    expect(await getSettings(db.prisma)).toEqual(DEFAULT_SETTINGS);
  });

  it("save name, markets and texts, audited with before and after", async () => {
    await updateSettings(db.prisma, owner, SETTINGS);

    const saved = await getSettings(db.prisma);
    expect(saved).toMatchObject({
      businessName: "Marsh & Daughters",
      baseCurrency: "GBP",
      receiptHeader: "Marsh & Daughters\n27 Floral Street",
      // Kept as text: the pages render it as text, never as HTML.
      returnPolicy: "<b>30 days</b> to return unworn items.",
    });
    expect(marketForCountry(saved, "fr")).toMatchObject({ code: "EU", currency: "EUR" });
    expect(marketForCountry(saved, "US")?.isTaxInclusive).toBe(false);
    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "settings.updated" },
    });
    expect(entry).toMatchObject({
      before: expect.objectContaining({ businessName: "Omnitill" }),
      after: expect.objectContaining({ businessName: "Marsh & Daughters" }),
    });
  });

  it("refuse a base currency no market uses, duplicate markets and unknown codes", async () => {
    const attempt = updateSettings(db.prisma, owner, {
      ...SETTINGS,
      baseCurrency: "JPY",
      markets: [
        ...SETTINGS.markets,
        {
          code: "UK",
          name: "Again",
          currency: "XYZ",
          countries: ["GB"],
          isTaxInclusive: true,
        },
      ],
    });

    await expect(attempt).rejects.toMatchObject({
      code: "invalid_input",
      fields: expect.objectContaining({
        "markets.3.currency": expect.any(Array),
      }),
    });
    const second = updateSettings(db.prisma, owner, {
      ...SETTINGS,
      baseCurrency: "JPY",
      markets: [...SETTINGS.markets, { ...SETTINGS.markets[0], name: "Again" }],
    });
    await expect(second).rejects.toMatchObject({
      fields: expect.objectContaining({
        baseCurrency: ["The base currency must be the currency of one of the markets."],
        "markets.3.code": ["Another market has this code."],
        "markets.3.countries": ["GB is already in the UK market."],
      }),
    });
    expect((await getSettings(db.prisma)).businessName).toBe("Marsh & Daughters");
  });

  it("are the owner's alone", async () => {
    const manager = await staffActor(db.prisma, "manager.london@omnitill.test");
    await expect(updateSettings(db.prisma, manager, SETTINGS)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
