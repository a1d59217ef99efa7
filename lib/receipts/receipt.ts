/**
 * One receipt model for every channel: a web order's confirmation, a till
 * slip and a reprint read the same fields. Built from the order's own
 * snapshot (prices, discounts with promotion names, tax), never from the
 * catalogue as it is now. Pure: the POS builds and prints it in the browser.
 */
import type { PricingResult } from "../pricing/types";

export interface ReceiptLine {
  title: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  /** quantity x unit price, before discounts. */
  subtotalMinor: number;
  discounts: { name: string; amountMinor: number }[];
  /** Set when the till overrode the catalogue price, with the reason given. */
  priceOverride: { listUnitPriceMinor: number; reason: string } | null;
  totalMinor: number;
  /** "Delivery", "Collect at <store>", "Taken today". */
  fulfillmentLabel: string;
}

export interface ReceiptTender {
  label: string;
  /** Cash opens the drawer when the receipt prints. */
  isCash: boolean;
  amountMinor: number;
  tenderedMinor: number | null;
  isTestMode: boolean;
}

export interface Receipt {
  orderNumber: string;
  channel: "WEB" | "POS" | "API";
  placedAt: string;
  currency: string;
  business: { name: string; header: string; footer: string; returnPolicy: string };
  store: { name: string; code: string; address: string[]; phone: string | null } | null;
  register: string | null;
  associate: string | null;
  customer: string | null;
  lines: ReceiptLine[];
  /** Each promotion once, with what it took off the whole order. */
  promotions: { name: string; code: string | null; amountMinor: number }[];
  totals: {
    subtotalMinor: number;
    discountMinor: number;
    shippingMinor: number;
    taxMinor: number;
    totalMinor: number;
    /** true: tax is included in the prices (VAT); false: added to them. */
    pricesIncludeTax: boolean;
  };
  taxes: { label: string; netMinor: number; taxMinor: number }[];
  tenders: ReceiptTender[];
  changeMinor: number;
  /** Paid with a test card: no real money moved. */
  isTestMode: boolean;
  /** Printed as a Code 128 barcode, scanned at any till to start a return. */
  barcode: string;
}

/** The order fields a receipt reads. */
export interface ReceiptOrder {
  number: string;
  channel: "WEB" | "POS" | "API";
  placedAt: Date;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  pricingSnapshot: unknown;
  location: ReceiptLocation | null;
  register: { name: string } | null;
  staff: { name: string } | null;
  customer: { firstName: string; lastName: string } | null;
  lines: {
    id: string;
    title: string;
    sku: string;
    quantity: number;
    unitPriceMinor: number;
    discountMinor: number;
    totalMinor: number;
    fulfillment: "SHIP" | "PICKUP" | "CARRY_OUT";
    locationId: string | null;
  }[];
  fulfillments: { locationId: string; location: { id: string; name: string } }[];
  payments: {
    provider: string;
    status: string;
    amountMinor: number;
    refundedMinor: number;
    tenderedMinor: number | null;
    changeMinor: number | null;
    cardBrand: string | null;
    cardLast4: string | null;
    isTestMode: boolean;
    giftCard?: { last4: string } | null;
  }[];
}

interface ReceiptLocation {
  name: string;
  code: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postalCode: string;
  phone: string | null;
}

const SHOWN_PAYMENTS = new Set([
  "AUTHORIZED",
  "CAPTURED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
]);

/** Builds the receipt of an order. */
export function buildReceipt(
  order: ReceiptOrder,
  business: Receipt["business"],
): Receipt {
  const snapshot = readSnapshot(order.pricingSnapshot);
  const names = new Map(
    (snapshot?.explanation.applied ?? []).map((a) => [a.promotionId, a.name]),
  );
  // The order keeps the engine's result keyed by order line id.
  const pricedLines = new Map((snapshot?.lines ?? []).map((line) => [line.lineId, line]));
  const locations = new Map(
    order.fulfillments.map((f) => [f.locationId, f.location.name]),
  );
  const payments = order.payments.filter((p) => SHOWN_PAYMENTS.has(p.status));

  return {
    orderNumber: order.number,
    channel: order.channel,
    placedAt: order.placedAt.toISOString(),
    currency: order.currency,
    business,
    store: order.location
      ? {
          name: order.location.name,
          code: order.location.code,
          address: [
            order.location.addressLine1,
            order.location.addressLine2,
            `${order.location.city} ${order.location.postalCode}`,
          ].filter((part): part is string => Boolean(part)),
          phone: order.location.phone,
        }
      : null,
    register: order.register?.name ?? null,
    associate: order.staff?.name ?? null,
    customer: order.customer
      ? `${order.customer.firstName} ${order.customer.lastName}`
      : null,
    lines: order.lines.map((line) => {
      const priced = pricedLines.get(line.id);
      return {
        title: line.title,
        sku: line.sku,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        subtotalMinor: line.unitPriceMinor * line.quantity,
        discounts: [
          ...(priced?.discounts ?? []).map((d) => ({
            name: names.get(d.promotionId) ?? "Discount",
            amountMinor: d.amount,
          })),
          ...manualDiscountsOf(snapshot, line.id),
        ],
        priceOverride: priceOverrideOf(snapshot, line.id),
        totalMinor: line.totalMinor,
        fulfillmentLabel: fulfillmentLabel(line, locations),
      };
    }),
    promotions: (snapshot?.explanation.applied ?? []).map((a) => ({
      name: a.name,
      code: a.code,
      amountMinor: a.amount,
    })),
    totals: {
      subtotalMinor: order.subtotalMinor,
      discountMinor: order.discountMinor,
      shippingMinor: order.shippingMinor,
      taxMinor: order.taxMinor,
      totalMinor: order.totalMinor,
      pricesIncludeTax: snapshot?.pricesIncludeTax ?? true,
    },
    taxes: (snapshot?.taxes ?? [])
      .filter((t) => t.tax > 0)
      .map((t) => ({
        label: `${snapshot?.pricesIncludeTax === false ? "Tax" : "VAT"} ${t.taxRate}%`,
        netMinor: t.net,
        taxMinor: t.tax,
      })),
    tenders: payments.map((p) => ({
      label: tenderLabel(p),
      amountMinor: p.amountMinor,
      isCash: p.provider === "CASH",
      tenderedMinor: p.tenderedMinor,
      isTestMode: p.isTestMode,
    })),
    changeMinor: payments.reduce((sum, p) => sum + (p.changeMinor ?? 0), 0),
    isTestMode: payments.some((p) => p.isTestMode),
    barcode: order.number,
  };
}

function fulfillmentLabel(
  line: { fulfillment: string; locationId: string | null },
  locations: Map<string, string>,
): string {
  if (line.fulfillment === "SHIP") return "Delivery";
  if (line.fulfillment === "CARRY_OUT") return "Taken today";
  return `Collect at ${locations.get(line.locationId ?? "") ?? "the store"}`;
}

function tenderLabel(payment: ReceiptOrder["payments"][number]): string {
  switch (payment.provider) {
    case "CASH":
      return "Cash";
    case "GIFT_CARD":
      return payment.giftCard ? `Gift card ···· ${payment.giftCard.last4}` : "Gift card";
    case "STORE_CREDIT":
      return "Store credit";
    default: {
      const brand = payment.cardBrand
        ? payment.cardBrand[0]?.toUpperCase() + payment.cardBrand.slice(1)
        : "Card";
      const card = payment.cardLast4 ? `${brand} ···· ${payment.cardLast4}` : brand;
      return payment.isTestMode ? `${card} (TEST MODE)` : card;
    }
  }
}

function readSnapshot(value: unknown): PricingResult | null {
  if (!value || typeof value !== "object") return null;
  const snapshot = value as Partial<PricingResult>;
  if (!Array.isArray(snapshot.lines) || !snapshot.explanation) return null;
  return snapshot as PricingResult;
}

/**
 * A line's shares of the till's manual discounts, its own and the sale's.
 * Orders placed before manual discounts existed have none in their snapshot.
 */
function manualDiscountsOf(
  snapshot: PricingResult | null | undefined,
  lineId: string,
): { name: string; amountMinor: number }[] {
  return (snapshot?.explanation.manual ?? []).flatMap((adjustment) => {
    if (adjustment.kind === "price_override") return [];
    const share = adjustment.lines.find((l) => l.lineId === lineId);
    if (!share) return [];
    const label = adjustment.scope === "sale" ? "Sale discount" : "Manager discount";
    const name = adjustment.reason ? `${label}: ${adjustment.reason}` : label;
    return [{ name, amountMinor: share.amount }];
  });
}

function priceOverrideOf(
  snapshot: PricingResult | null | undefined,
  lineId: string,
): ReceiptLine["priceOverride"] {
  const override = (snapshot?.explanation.manual ?? []).find(
    (m) => m.kind === "price_override" && m.lines.some((l) => l.lineId === lineId),
  );
  const priced = snapshot?.lines.find((l) => l.lineId === lineId);
  if (!override || !priced) return null;
  return { listUnitPriceMinor: priced.listUnitPrice, reason: override.reason };
}
