/**
 * A sale as a till queues it while offline and sends it to
 * POST /api/v1/pos/sync. Pure: the POS imports this file in the browser to
 * build the very object the server validates.
 */
import { z } from "zod";

const Id = z.string().trim().min(1).max(200);
const Minor = z.int().min(0).max(100_000_000);
const SignedMinor = z.int().min(-100_000_000).max(100_000_000);

/** Tenders a till can take without the network; the server settles them on sync. */
export const OFFLINE_TENDER_KINDS = ["cash", "gift_card", "store_credit"] as const;
export type OfflineTenderKind = (typeof OFFLINE_TENDER_KINDS)[number];

export const OfflineTenderSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("cash"),
    amountMinor: z.int().min(1).max(100_000_000),
    /** What the shopper handed over; the change was what is left. */
    tenderedMinor: z.int().min(1).max(100_000_000),
  }),
  z.strictObject({
    kind: z.literal("gift_card"),
    amountMinor: z.int().min(1).max(100_000_000),
    code: z.string().trim().min(8).max(40),
  }),
  z.strictObject({
    kind: z.literal("store_credit"),
    amountMinor: z.int().min(1).max(100_000_000),
  }),
]);
export type OfflineTender = z.output<typeof OfflineTenderSchema>;

/** One line as the till sold it, with the snapshot printed on the receipt. */
export const OfflineSaleLineSchema = z.strictObject({
  variantId: Id,
  sku: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  quantity: z.int().min(1).max(10_000),
  /** The engine's figures on the till, in minor units. */
  unitPriceMinor: Minor,
  discountMinor: Minor,
  taxMinor: Minor,
  totalMinor: Minor,
});
export type OfflineSaleLine = z.output<typeof OfflineSaleLineSchema>;

/**
 * The engine's result on the till, kept as the order's pricing snapshot
 * (receipts and returns read it). Only the parts the server relies on are
 * checked; the rest is kept as sent.
 */
export const DevicePricingSchema = z.looseObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  pricesIncludeTax: z.boolean(),
  lines: z
    .array(
      z.looseObject({
        lineId: Id,
        variantId: Id,
        quantity: z.int().min(1),
        unitPrice: Minor,
        subtotal: Minor,
        discount: Minor,
        tax: Minor,
        total: Minor,
      }),
    )
    .min(1)
    .max(500),
  shipping: z.null(),
  totals: z.looseObject({
    subtotal: Minor,
    discount: Minor,
    shipping: z.literal(0),
    tax: Minor,
    total: Minor,
  }),
  taxes: z.array(z.looseObject({})),
  explanation: z.looseObject({
    applied: z.array(
      z.looseObject({
        promotionId: Id,
        code: z.string().nullable(),
        amount: SignedMinor,
        lines: z.array(z.looseObject({ lineId: Id, amount: SignedMinor })),
      }),
    ),
  }),
  warnings: z.array(z.looseObject({})),
});

export const OfflineSaleSchema = z
  .strictObject({
    /** Made on the device before the receipt printed; the sale's identity. */
    id: z.uuid({ error: "Send the sale id made on the device (a UUID)." }),
    /** The browser install that queued it, and its place in that queue. */
    deviceId: z.string().trim().min(8).max(100),
    sequence: z.int().min(0).max(2_000_000_000),
    registerId: Id,
    /** The associate who made the sale. */
    staffId: Id,
    /** The till's clock at the sale. */
    occurredAt: z.iso.datetime({ offset: true }),
    customerId: Id.nullable().default(null),
    codes: z
      .array(z.string().trim().min(1).max(64))
      .max(20)
      .default(() => []),
    lines: z
      .array(OfflineSaleLineSchema)
      .min(1, "A sale needs at least one line.")
      .max(500),
    pricing: DevicePricingSchema,
    tenders: z.array(OfflineTenderSchema).max(10),
  })
  .superRefine((sale, context) => {
    const { pricing } = sale;
    const issue = (path: (string | number)[], message: string) =>
      context.addIssue({ code: "custom", path, message });
    if (pricing.lines.length !== sale.lines.length) {
      issue(["pricing", "lines"], "The pricing must have one line per sale line.");
      return;
    }
    sale.lines.forEach((line, i) => {
      const priced = pricing.lines[i];
      if (!priced) return;
      if (
        priced.variantId !== line.variantId ||
        priced.quantity !== line.quantity ||
        priced.total !== line.totalMinor ||
        priced.unitPrice !== line.unitPriceMinor ||
        priced.discount !== line.discountMinor ||
        priced.tax !== line.taxMinor
      ) {
        issue(["lines", i], "This line does not match the till's pricing.");
      }
    });
    const linesTotal = pricing.lines.reduce((sum, line) => sum + line.total, 0);
    if (linesTotal !== pricing.totals.total) {
      issue(["pricing", "totals", "total"], "The lines do not add up to the total.");
    }
    const paid = sale.tenders.reduce((sum, tender) => sum + tender.amountMinor, 0);
    if (paid !== pricing.totals.total) {
      issue(["tenders"], "The tenders must add up to the sale's total.");
    }
    sale.tenders.forEach((tender, i) => {
      if (tender.kind === "cash" && tender.tenderedMinor < tender.amountMinor) {
        issue(["tenders", i, "tenderedMinor"], "Less cash was handed over than it pays.");
      }
    });
  });

export type OfflineSaleInput = z.input<typeof OfflineSaleSchema>;
export type OfflineSale = z.output<typeof OfflineSaleSchema>;

export const SyncBatchSchema = z.strictObject({
  locationId: Id,
  sales: z
    .array(z.unknown())
    .min(1, "Send at least one sale.")
    .max(200, "Send at most 200 sales a batch."),
});

export const SALE_STATUSES = [
  "accepted",
  "accepted_with_differences",
  "rejected",
] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export interface SaleDifference {
  /** Position of the line in the sale; null for the sale as a whole. */
  lineIndex: number | null;
  variantId: string | null;
  sku: string | null;
  kind: "UNIT_PRICE" | "DISCOUNT" | "TAX" | "LINE_TOTAL" | "UNPRICED_LINE" | "SALE_TOTAL";
  deviceMinor: number;
  serverMinor: number;
}

/** The server's answer for one sale of a batch. */
export interface SaleVerdict {
  id: string;
  status: SaleStatus;
  /** True when the sale had been received before: nothing was changed now. */
  isReplay: boolean;
  reason: string | null;
  orderId: string | null;
  orderNumber: string | null;
  deviceTotalMinor: number;
  serverTotalMinor: number | null;
  differences: SaleDifference[];
  /** Levels this sale left below zero (or short of reservations): recount them. */
  stockExceptions: { variantId: string; sku: string | null; onHand: number }[];
}
