/**
 * The online till's ticket as the associate sees it before the server has
 * answered: the server's last priced ticket with the changes still on
 * their way to it (scans, quantities, removals) laid over it in order,
 * priced in the browser by the one engine from the till's copy of its
 * store's catalogue. The server stays the judge: each answer replaces
 * what was drawn here. Pure: imported in the browser.
 */
import { barcodeKey } from "@/lib/catalog/barcode-forms";
import { normalizeBarcode, normalizeSku } from "@/lib/catalog/text";
import type { CartLineView, CartView } from "@/lib/checkout/cart-view";
import { pricedCartFigures, pricedLineFigures } from "@/lib/checkout/priced-figures";
import {
  type CartLine,
  type CustomerContext,
  ManualDiscountSchema,
  PriceOverrideSchema,
  type PricingResult,
  priceCart,
} from "@/lib/pricing";
import { pricingContextFromBundle } from "@/lib/pricing-data/bundle";
import type { PosBundle, PosVariant } from "./bundle";
import { bundleCartLine } from "./price-offline";

/** A change made on the till and not yet answered by the server. */
export type TicketChange =
  | { kind: "add"; id: string; variantId: string }
  | { kind: "quantity"; id: string; lineId: string; quantity: number }
  | { kind: "remove"; id: string; lineId: string };

export interface ShownTicket {
  /** The server's ticket, or the one drawn here while changes are on their way. */
  view: CartView | null;
  /** Lines whose item or quantity the server has not confirmed yet. */
  provisionalLineIds: ReadonlySet<string>;
  /** Some change is still waiting for the server. */
  isProvisional: boolean;
}

/** The bundle's sellable variants by SKU and by barcode, for scans. */
export interface CodeIndex {
  bundle: PosBundle;
  variants: ReadonlyMap<string, PosVariant>;
  bySku: ReadonlyMap<string, PosVariant>;
  /** By the barcode's 14-digit form, so every written length of a GTIN finds it. */
  byBarcode: ReadonlyMap<string, PosVariant>;
}

const NO_LINES: ReadonlySet<string> = new Set();
const GTIN_DIGITS = /^\d{8,14}$/;

/** Indexes the variants the till can ring up without asking the server. */
export function indexCodes(bundle: PosBundle): CodeIndex {
  const currency = bundle.pricing.market.currency;
  const sellable = bundle.variants.filter(
    (variant) => variant.isSellable && variant.currency === currency,
  );
  const byBarcode = new Map<string, PosVariant>();
  for (const variant of sellable) {
    if (variant.barcode) byBarcode.set(barcodeKey(variant.barcode), variant);
  }
  return {
    bundle,
    variants: new Map(sellable.map((variant) => [variant.id, variant])),
    bySku: new Map(sellable.map((variant) => [normalizeSku(variant.sku), variant])),
    byBarcode,
  };
}

/**
 * The variant a scanned or typed code names, as the server's look-up
 * would find it (the SKU in any case, the barcode in any GTIN length).
 * Null when the copy does not know the code, or when it names two
 * different variants: then the server decides.
 */
export function findVariantByCode(index: CodeIndex, code: string): PosVariant | null {
  const bySku = index.bySku.get(normalizeSku(code)) ?? null;
  const barcode = normalizeBarcode(code);
  const byBarcode = GTIN_DIGITS.test(barcode)
    ? (index.byBarcode.get(barcodeKey(barcode)) ?? null)
    : null;
  if (bySku && byBarcode && bySku.id !== byBarcode.id) return null;
  return bySku ?? byBarcode;
}

/**
 * Where a line sits on screen, kept when the server's line replaces the
 * one drawn here (the server joins scans of one item into one line, so
 * item, method and store name a line).
 */
export function ticketLineKey(line: CartLineView): string {
  return `${line.variantId}:${line.fulfillment}:${line.locationId ?? ""}`;
}

interface WorkingLine {
  id: string;
  variantId: string;
  quantity: number;
  /** The server's view of the line, when it has one. */
  server: CartLineView | null;
  isProvisional: boolean;
}

/**
 * The ticket to show: the server's, with the changes not yet answered
 * applied in the order they were made and the whole ticket priced by the
 * engine from the bundle at `at`. With no change waiting it is the
 * server's ticket itself, so a confirmation that agrees changes nothing.
 */
export function showTicket(
  index: CodeIndex | null,
  server: CartView | null,
  changes: readonly TicketChange[],
  at: Date,
): ShownTicket {
  if (changes.length === 0 || !index) {
    return { view: server, provisionalLineIds: NO_LINES, isProvisional: false };
  }
  const storeId = server?.locationId ?? index.bundle.location.id;
  const lines = applyChanges(server, changes, storeId);
  const provisionalLineIds = new Set(
    lines.filter((line) => line.isProvisional).map((line) => line.id),
  );
  const view =
    priceWithEngine(index, server, lines, storeId, at) ??
    withCatalogueFigures(index, server, lines, storeId);
  return { view, provisionalLineIds, isProvisional: true };
}

function applyChanges(
  server: CartView | null,
  changes: readonly TicketChange[],
  storeId: string,
): WorkingLine[] {
  let lines: WorkingLine[] = (server?.lines ?? []).map((line) => ({
    id: line.id,
    variantId: line.variantId,
    quantity: line.quantity,
    server: line,
    isProvisional: false,
  }));
  for (const change of changes) {
    if (change.kind === "add") {
      // The server joins the same item carried out at the same store.
      const twin = lines.find(
        (line) =>
          line.variantId === change.variantId &&
          (line.server === null ||
            (line.server.fulfillment === "CARRY_OUT" &&
              line.server.locationId === storeId)),
      );
      lines = twin
        ? lines.map((line) =>
            line === twin
              ? { ...line, quantity: line.quantity + 1, isProvisional: true }
              : line,
          )
        : [
            ...lines,
            {
              id: `pending-${change.id}`,
              variantId: change.variantId,
              quantity: 1,
              server: null,
              isProvisional: true,
            },
          ];
    } else if (change.kind === "quantity") {
      lines = lines.map((line) =>
        line.id === change.lineId
          ? { ...line, quantity: change.quantity, isProvisional: true }
          : line,
      );
    } else {
      lines = lines.filter((line) => line.id !== change.lineId);
    }
  }
  return lines;
}

/** A stored adjustment as the engine reads it, as the server's pricing does. */
function readStored<T>(
  schema: { safeParse: (value: unknown) => { data?: T } },
  value: unknown,
): T | null {
  return value == null ? null : (schema.safeParse(value).data ?? null);
}

/**
 * The whole ticket priced by the engine from the bundle: promotions, codes,
 * the customer's groups, approved overrides and discounts, tax. Null when
 * the bundle cannot price it as the server would (an item or customer it
 * does not hold, a line not carried out here, another currency).
 */
function priceWithEngine(
  index: CodeIndex,
  server: CartView | null,
  lines: readonly WorkingLine[],
  storeId: string,
  at: Date,
): CartView | null {
  const { bundle } = index;
  const currency = bundle.pricing.market.currency;
  if (server && server.currency !== currency) return null;
  if (storeId !== bundle.location.id) return null;

  const cartLines: CartLine[] = [];
  for (const line of lines) {
    const variant = index.variants.get(line.variantId);
    if (!variant) return null;
    if (line.server && line.server.fulfillment !== "CARRY_OUT") return null;
    cartLines.push({
      ...bundleCartLine(bundle, variant, { id: line.id, quantity: line.quantity }),
      priceOverride: readStored(PriceOverrideSchema, line.server?.priceOverride),
      manualDiscount: readStored(ManualDiscountSchema, line.server?.manualDiscount),
    });
  }

  let customer: CustomerContext | null = null;
  if (server?.customerId) {
    const known = bundle.customers.find((c) => c.id === server.customerId);
    if (!known) return null;
    // Orders before this one are not known here; the server judges first-order deals.
    customer = {
      id: known.id,
      groups: known.groups,
      isTaxExempt: known.isTaxExempt,
      orderCount: 1,
    };
  }

  let result: PricingResult;
  try {
    result = priceCart(
      {
        currency,
        lines: cartLines,
        codes: [...(server?.codes ?? [])],
        shippingAmount: 0,
        shippingAddress: null,
        manualDiscount: readStored(ManualDiscountSchema, server?.manualDiscount),
      },
      pricingContextFromBundle(bundle.pricing, { time: at.toISOString(), customer }),
    );
  } catch {
    return null;
  }
  const priced = new Map(result.lines.map((line) => [line.lineId, line]));

  return {
    ...baseView(server, currency, storeId),
    lines: lines.map((line) => ({
      ...lineShell(index, line, storeId),
      ...pricedLineFigures(priced.get(line.id)),
    })),
    ...pricedCartFigures(result),
  };
}

/**
 * When the engine cannot price the ticket here: the server's figures for
 * the lines it has priced, and the catalogue's price for what changed,
 * with the totals moved by the difference. Rough, and replaced as soon
 * as the server answers.
 */
function withCatalogueFigures(
  index: CodeIndex,
  server: CartView | null,
  lines: readonly WorkingLine[],
  storeId: string,
): CartView {
  const currency = server?.currency ?? index.bundle.pricing.market.currency;
  let moved = 0;
  const shown = lines.map((line): CartLineView => {
    const held = line.server;
    if (held && held.quantity === line.quantity) return held;
    const unit =
      held?.unitPriceMinor ?? index.variants.get(line.variantId)?.priceMinor ?? 0;
    const total = unit * line.quantity;
    moved += total - (held?.totalMinor ?? 0);
    return {
      ...lineShell(index, line, storeId),
      unitPriceMinor: unit,
      listUnitPriceMinor: held?.listUnitPriceMinor ?? unit,
      discountMinor: 0,
      manualDiscountMinor: 0,
      taxMinor: 0,
      totalMinor: total,
    };
  });
  const kept = new Set(lines.map((line) => line.id));
  for (const line of server?.lines ?? []) {
    if (!kept.has(line.id)) moved -= line.totalMinor;
  }
  const base = baseView(server, currency, storeId);
  return {
    ...base,
    lines: shown,
    totals: {
      ...base.totals,
      subtotalMinor: Math.max(0, base.totals.subtotalMinor + moved),
      totalMinor: Math.max(0, base.totals.totalMinor + moved),
    },
  };
}

/** The ticket's own fields: the server's, or those of the ticket about to start. */
function baseView(server: CartView | null, currency: string, storeId: string): CartView {
  return (
    server ?? {
      id: "pending",
      channel: "POS",
      status: "OPEN",
      currency,
      locationId: storeId,
      registerId: null,
      customerId: null,
      customerName: null,
      customerEmail: null,
      email: null,
      shippingAddress: null,
      codes: [],
      lines: [],
      totals: {
        subtotalMinor: 0,
        discountMinor: 0,
        shippingMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
      },
      promotions: [],
      manualDiscount: null,
      saleDiscountMinor: 0,
      codeOutcomes: [],
      warnings: [],
      canCheckOut: false,
    }
  );
}

/** A line's names and shape, from the server's line or the catalogue copy. */
function lineShell(index: CodeIndex, line: WorkingLine, storeId: string): CartLineView {
  const held = line.server;
  const variant = index.variants.get(line.variantId);
  const title = variant
    ? variant.options
      ? `${variant.title} — ${variant.options}`
      : variant.title
    : "Item";
  return {
    id: line.id,
    variantId: line.variantId,
    sku: held?.sku ?? variant?.sku ?? "",
    title: held?.title ?? title,
    quantity: line.quantity,
    fulfillment: held?.fulfillment ?? "CARRY_OUT",
    locationId: held?.locationId ?? storeId,
    locationName: held?.locationName ?? null,
    unitPriceMinor: 0,
    listUnitPriceMinor: 0,
    discountMinor: 0,
    manualDiscountMinor: 0,
    taxMinor: 0,
    totalMinor: 0,
    priceOverride: held?.priceOverride ?? null,
    manualDiscount: held?.manualDiscount ?? null,
    availableQuantity: held?.availableQuantity ?? null,
    isAvailable: held?.isAvailable ?? true,
  };
}
