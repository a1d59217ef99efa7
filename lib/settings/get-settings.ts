import type { Db } from "@/lib/db/client";
import { type BusinessSettings, type Market, marketSchema } from "./schemas";

export const SETTINGS_ID = "default";

/** What a new business starts with, until the owner saves the settings. */
export const DEFAULT_SETTINGS: BusinessSettings = {
  businessName: "Omnitill",
  baseCurrency: "GBP",
  markets: [
    {
      code: "UK",
      name: "United Kingdom",
      currency: "GBP",
      countries: ["GB"],
      isTaxInclusive: true,
    },
  ],
  receiptHeader: "",
  receiptFooter: "Thank you for shopping with us.",
  returnPolicy: "",
  offlineTenders: [],
};

/** Reads markets stored as JSON, skipping any entry that no longer parses. */
function readMarkets(value: unknown): Market[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = marketSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The business's settings, or the defaults before the first save. */
export async function getSettings(db: Db): Promise<BusinessSettings> {
  const row = await db.settings.findUnique({ where: { id: SETTINGS_ID } });
  if (!row) return DEFAULT_SETTINGS;
  const markets = readMarkets(row.markets);
  return {
    businessName: row.businessName,
    baseCurrency: row.baseCurrency,
    markets: markets.length > 0 ? markets : DEFAULT_SETTINGS.markets,
    receiptHeader: row.receiptHeader,
    receiptFooter: row.receiptFooter,
    returnPolicy: row.returnPolicy,
    offlineTenders: row.offlineTenders.flatMap((kind) =>
      kind === "gift_card" || kind === "store_credit" ? [kind] : [],
    ),
  };
}

/** The market a country belongs to, for prices and tax; null when not sold to. */
export function marketForCountry(
  settings: BusinessSettings,
  country: string,
): Market | null {
  const code = country.toUpperCase();
  return settings.markets.find((market) => market.countries.includes(code)) ?? null;
}
