import { z } from "zod";

/** The most units one line may move; keeps sums far from integer overflow. */
export const MAX_LINE_QUANTITY = 1_000_000;

const skuSchema = z
  .string({ error: "Enter a SKU." })
  .trim()
  .min(1, { error: "Enter a SKU." })
  .max(64, { error: "A SKU has at most 64 characters." })
  .transform((sku) => sku.toUpperCase());

/** A location by its code ("WH-MID") or its id. */
const locationRefSchema = z
  .string({ error: "Choose a location." })
  .trim()
  .min(1, { error: "Choose a location." })
  .max(64, { error: "Choose a location." });

const noteSchema = z
  .string()
  .trim()
  .max(500, { error: "Keep the note under 500 characters." });

const positiveQuantity = z
  .number({ error: "Enter a quantity." })
  .int({ error: "Enter a whole number of units." })
  .min(1, { error: "Enter at least 1 unit." })
  .max(MAX_LINE_QUANTITY, { error: `At most ${MAX_LINE_QUANTITY} units per line.` });

const countedQuantity = z
  .number({ error: "Enter a quantity." })
  .int({ error: "Enter a whole number of units." })
  .min(0, { error: "A quantity cannot be negative." })
  .max(MAX_LINE_QUANTITY, { error: `At most ${MAX_LINE_QUANTITY} units per line.` });

/** Rejects a second line for a SKU already listed, naming the repeat. */
function uniqueSkus(lines: { sku: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (seen.has(line.sku)) {
      ctx.addIssue({
        code: "custom",
        path: [i, "sku"],
        message: `${line.sku} is listed twice; put it on one line.`,
      });
    }
    seen.add(line.sku);
  });
}

export const receiveStockSchema = z.strictObject({
  location: locationRefSchema,
  /** The supplier's delivery note or purchase order number. */
  reference: z.string().trim().max(80).optional(),
  /** When the goods arrived; default now. Not in the future. */
  receivedAt: z.coerce
    .date({ error: "Enter the date the goods arrived." })
    .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, {
      error: "The receipt date cannot be in the future.",
    })
    .optional(),
  note: noteSchema.optional(),
  lines: z
    .array(
      z.strictObject({
        sku: skuSchema,
        quantity: positiveQuantity,
        /** Landed cost per unit in minor units, for stock valuation. */
        unitCostMinor: z.number().int().min(0).max(100_000_000).optional(),
      }),
      { error: "List the lines received." },
    )
    .min(1, { error: "Receive at least one line." })
    .max(500, { error: "At most 500 lines per receipt." })
    .superRefine(uniqueSkus),
});
export type ReceiveStockInput = z.input<typeof receiveStockSchema>;

export const ADJUSTMENT_REASONS = ["ADJUSTMENT", "DAMAGE"] as const;

export const adjustStockSchema = z
  .strictObject({
    location: locationRefSchema,
    reason: z.enum(ADJUSTMENT_REASONS, { error: "Reason must be ADJUSTMENT or DAMAGE." }),
    note: noteSchema.optional(),
    lines: z
      .array(
        z.strictObject({
          sku: skuSchema,
          /** Signed: positive adds units, negative removes them. */
          quantity: z
            .number({ error: "Enter a quantity." })
            .int({ error: "Enter a whole number of units." })
            .min(-MAX_LINE_QUANTITY, { error: "That is too many units." })
            .max(MAX_LINE_QUANTITY, { error: "That is too many units." })
            .refine((q) => q !== 0, { error: "An adjustment of 0 changes nothing." }),
        }),
        { error: "List the lines to adjust." },
      )
      .min(1, { error: "Adjust at least one line." })
      .max(500, { error: "At most 500 lines per adjustment." })
      .superRefine(uniqueSkus),
  })
  .superRefine((input, ctx) => {
    if (input.reason !== "DAMAGE") return;
    input.lines.forEach((line, i) => {
      if (line.quantity > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", i, "quantity"],
          message: "Damaged stock is written off: use a negative quantity.",
        });
      }
    });
  });
export type AdjustStockInput = z.input<typeof adjustStockSchema>;

export const requestTransferSchema = z
  .strictObject({
    from: locationRefSchema,
    to: locationRefSchema,
    note: noteSchema.optional(),
    lines: z
      .array(z.strictObject({ sku: skuSchema, quantity: positiveQuantity }), {
        error: "List the lines to transfer.",
      })
      .min(1, { error: "Transfer at least one line." })
      .max(500, { error: "At most 500 lines per transfer." })
      .superRefine(uniqueSkus),
  })
  .refine((t) => t.from.toUpperCase() !== t.to.toUpperCase(), {
    path: ["to"],
    error: "Choose a destination other than the source.",
  });
export type RequestTransferInput = z.input<typeof requestTransferSchema>;

export const shipTransferSchema = z.strictObject({
  /** Units actually shipped per SKU; lines left out ship as requested. */
  lines: z
    .array(z.strictObject({ sku: skuSchema, quantity: countedQuantity }))
    .max(500)
    .superRefine(uniqueSkus)
    .optional(),
});
export type ShipTransferInput = z.input<typeof shipTransferSchema>;

export const receiveTransferSchema = z.strictObject({
  /** Units that arrived per SKU; lines left out arrived as shipped. */
  lines: z
    .array(
      z.strictObject({
        sku: skuSchema,
        quantity: countedQuantity,
        note: z.string().trim().max(200).optional(),
      }),
    )
    .max(500)
    .superRefine(uniqueSkus)
    .optional(),
});
export type ReceiveTransferInput = z.input<typeof receiveTransferSchema>;

export const startCountSchema = z.strictObject({
  location: locationRefSchema,
  /** Counts only bins starting with this, e.g. "M-A"; omitted counts everything. */
  binPrefix: z
    .string()
    .trim()
    .max(40, { error: "A zone prefix has at most 40 characters." })
    .transform((p) => (p === "" ? undefined : p))
    .optional(),
  note: noteSchema.optional(),
});
export type StartCountInput = z.input<typeof startCountSchema>;

export const scanCountSchema = z.strictObject({
  /** A scanned barcode or a typed SKU. */
  code: z
    .string({ error: "Scan a barcode or type a SKU." })
    .trim()
    .min(1, { error: "Scan a barcode or type a SKU." })
    .max(64, { error: "That code is too long." }),
  quantity: countedQuantity.default(1),
  /** "add" counts more units (each scan); "set" replaces the line's count. */
  mode: z.enum(["add", "set"], { error: "Mode is add or set." }).default("add"),
});
export type ScanCountInput = z.input<typeof scanCountSchema>;

export const approveCountSchema = z.strictObject({
  /**
   * Stock in the count's scope that nobody scanned was not found: count it
   * as zero (true, the default) or leave it untouched.
   */
  zeroUncounted: z.boolean({ error: "zeroUncounted is true or false." }).default(true),
});
export type ApproveCountInput = z.input<typeof approveCountSchema>;

export const levelSettingsSchema = z.strictObject({
  sku: skuSchema,
  location: locationRefSchema,
  safetyStock: countedQuantity.optional(),
  reorderPoint: countedQuantity.optional(),
  bin: z
    .string()
    .trim()
    .max(40, { error: "A bin has at most 40 characters." })
    .optional(),
});
export type LevelSettingsInput = z.input<typeof levelSettingsSchema>;
