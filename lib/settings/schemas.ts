import { z } from "zod";

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: "Use a three-letter currency code, e.g. GBP." })
  .refine(isKnownCurrency, { error: "This is not a currency code we know." });

/** Whether Intl knows the ISO 4217 code, so amounts in it can be formatted. */
export function isKnownCurrency(code: string): boolean {
  return Intl.supportedValuesOf("currency").includes(code);
}

/** Where the business sells: a currency, the countries, and how prices read. */
export const marketSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,12}$/, { error: "2 to 12 letters, digits or dashes, e.g. UK." }),
  name: z.string().trim().min(1, { error: "Name the market." }).max(80),
  currency,
  countries: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, { error: "Use two-letter country codes, e.g. GB." }),
    )
    .min(1, { error: "Give at least one country." })
    .max(60),
  /** Shelf prices include tax (as in the UK and EU) rather than adding it at checkout. */
  isTaxInclusive: z.boolean(),
});

export type Market = z.output<typeof marketSchema>;

const plainText = (max: number) =>
  z
    .string()
    .max(max, { error: `Use at most ${max} characters.` })
    .transform((text) => text.replace(/\r\n/g, "\n").trim());

export const settingsSchema = z
  .object({
    businessName: z
      .string()
      .trim()
      .min(1, { error: "Enter the business name." })
      .max(80, { error: "Use at most 80 characters." }),
    baseCurrency: currency,
    markets: z.array(marketSchema).min(1, { error: "Add at least one market." }).max(30),
    receiptHeader: plainText(500),
    receiptFooter: plainText(500),
    returnPolicy: plainText(5000),
    /**
     * Tenders a till may take while offline besides cash, settled when the
     * sale syncs: a balance that no longer covers it is reported, not taken.
     */
    offlineTenders: z
      .array(
        z.enum(["gift_card", "store_credit"], { error: "Not a tender a till takes." }),
      )
      .max(2)
      .default(() => [])
      .transform((kinds) => [...new Set(kinds)].sort()),
  })
  .superRefine((settings, context) => {
    const seenCodes = new Set<string>();
    const seenCountries = new Map<string, string>();
    settings.markets.forEach((market, index) => {
      if (seenCodes.has(market.code)) {
        context.addIssue({
          code: "custom",
          path: ["markets", index, "code"],
          message: "Another market has this code.",
        });
      }
      seenCodes.add(market.code);
      for (const country of market.countries) {
        const other = seenCountries.get(country);
        if (other) {
          context.addIssue({
            code: "custom",
            path: ["markets", index, "countries"],
            message: `${country} is already in the ${other} market.`,
          });
        }
        seenCountries.set(country, market.code);
      }
    });
    if (!settings.markets.some((market) => market.currency === settings.baseCurrency)) {
      context.addIssue({
        code: "custom",
        path: ["baseCurrency"],
        message: "The base currency must be the currency of one of the markets.",
      });
    }
  });

export type SettingsInput = z.input<typeof settingsSchema>;
export type BusinessSettings = z.output<typeof settingsSchema>;
