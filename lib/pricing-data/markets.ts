/**
 * Markets as the pricing engine reads them. A market's code, currency,
 * countries and tax-inclusive flag are the business's settings
 * (Settings.markets, edited under Settings); how it rounds and taxes
 * shipping is MarketPricing, edited under Tax.
 */
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type {
  RoundingMode as DbRoundingMode,
  ShippingTaxMode,
  TaxCategory,
  TaxRounding,
} from "@/lib/db/generated/enums";
import { cachedReference } from "@/lib/db/reference-cache";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { Market, ShippingTax } from "@/lib/pricing";

/** One entry of Settings.markets, read leniently: unknown keys are ignored. */
const SettingsMarketSchema = z.object({
  code: z.string().trim().min(1),
  name: z.string().default(""),
  currency: z.string().regex(/^[A-Z]{3}$/),
  countries: z.array(z.string()).default(() => []),
  isTaxInclusive: z.boolean(),
});

/** A market with its pricing rules, as the tax screen lists it. */
export interface MarketWithPricing {
  code: string;
  name: string;
  currency: string;
  countries: string[];
  /** The engine's market: what priceCart reads. */
  market: Market;
  /** false while the market uses the default rules (no MarketPricing row). */
  hasOwnRules: boolean;
}

/**
 * The market a shop with no markets configured yet is priced in: its base
 * currency, prices entered with tax (the demo retailer sells in the UK).
 */
const FALLBACK_CODE = "DEFAULT";

/** Every market of the business with its pricing rules, in settings order. */
export function listMarkets(db: Db): Promise<MarketWithPricing[]> {
  return cachedReference(db, "markets", () => readMarkets(db));
}

async function readMarkets(db: Db): Promise<MarketWithPricing[]> {
  const [settings, rules] = await Promise.all([
    db.settings.findUnique({ where: { id: "default" } }),
    db.marketPricing.findMany(),
  ]);
  const byCode = new Map(rules.map((rule) => [rule.marketCode, rule]));
  const entries = readSettingsMarkets(settings?.markets);
  const configured =
    entries.length > 0
      ? entries
      : [
          {
            code: FALLBACK_CODE,
            name: "Default market",
            currency: settings?.baseCurrency ?? "GBP",
            countries: [],
            isTaxInclusive: true,
          },
        ];

  return configured.map((entry) => {
    const rule = byCode.get(entry.code);
    return {
      code: entry.code,
      name: entry.name || entry.code,
      currency: entry.currency,
      countries: entry.countries,
      hasOwnRules: rule !== undefined,
      market: toEngineMarket(entry.currency, entry.isTaxInclusive, rule ?? null),
    };
  });
}

/**
 * The market a cart in this currency is priced in. When several markets
 * share a currency, the one selling to `country` wins, else the first.
 */
export async function loadMarket(
  db: Db,
  options: { currency: string; country?: string | null },
): Promise<MarketWithPricing> {
  const markets = (await listMarkets(db)).filter((m) => m.currency === options.currency);
  const country = options.country?.toUpperCase();
  const market =
    markets.find((m) => country !== undefined && m.countries.includes(country)) ??
    markets[0];
  if (!market) {
    throw new AppError(
      "conflict",
      `No market sells in ${options.currency}. Set one up under Settings.`,
      { internal: `no market for currency ${options.currency}` },
    );
  }
  return market;
}

/** The currency carts are priced in when they name none: the first market's. */
export async function defaultCurrency(db: Db): Promise<string> {
  const [first] = await listMarkets(db);
  return first?.currency ?? "GBP";
}

interface PricingRule {
  taxRounding: TaxRounding;
  roundingMode: DbRoundingMode;
  shippingTaxMode: ShippingTaxMode;
  shippingTaxCategory: TaxCategory;
}

/** Maps a market's settings and its pricing rule (or the defaults) to the engine's shape. */
export function toEngineMarket(
  currency: string,
  pricesIncludeTax: boolean,
  rule: PricingRule | null,
): Market {
  return {
    currency,
    pricesIncludeTax,
    taxRounding: rule?.taxRounding === "INVOICE" ? "invoice" : "line",
    roundingMode: rule?.roundingMode === "HALF_EVEN" ? "half_even" : "half_up",
    shippingTax: toShippingTax(rule),
  };
}

function toShippingTax(rule: PricingRule | null): ShippingTax {
  if (!rule) return { mode: "category", category: "STANDARD" };
  if (rule.shippingTaxMode === "NONE") return { mode: "none" };
  if (rule.shippingTaxMode === "PROPORTIONAL") return { mode: "proportional" };
  return { mode: "category", category: rule.shippingTaxCategory };
}

function readSettingsMarkets(value: unknown): z.output<typeof SettingsMarketSchema>[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = SettingsMarketSchema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    // A bad entry is the settings screen's to refuse; pricing skips it.
    logger.warn({ entry }, "skipping a market in settings that cannot be read");
    return [];
  });
}
