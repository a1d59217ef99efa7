import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { FulfillmentMethod, SalesChannel } from "@/lib/db/generated/enums";
import { jsonParam, oneStatement } from "@/lib/db/one-statement";
import { uuid7 } from "@/lib/db/uuid7";
import { allocateByWeights } from "@/lib/money";
import type { PricingResult } from "@/lib/pricing";
import {
  type CheckoutLine,
  type CheckoutLocation,
  nextCartStamp,
} from "./load-checkout-cart";
import { newOrderNumber } from "./order-number";
import type { ShippingAddress } from "./schemas";

export interface OrderDraft {
  /** The order's id when the caller made it already (to hold stock in its name). */
  orderId?: string;
  idempotencyKey: string;
  /** SHA-256 of the checkout request, so a reused key with another body is refused. */
  idempotencyHash?: string | null;
  channel: SalesChannel;
  /** Null for a sale with no server cart (a till's offline sale). */
  cartId: string | null;
  customerId: string | null;
  email: string | null;
  locationId: string | null;
  registerId: string | null;
  staffId: string | null;
  shippingAddress: ShippingAddress | null;
  isPayAtPickup: boolean;
  priced: PricingResult;
  lines: readonly CheckoutLine[];
  locations: ReadonlyMap<string, CheckoutLocation>;
  now: Date;
}

export interface WrittenFulfillment {
  id: string;
  method: FulfillmentMethod;
  locationId: string;
  amountMinor: number;
}

export interface WrittenLine extends CheckoutLine {
  orderLineId: string;
  fulfillmentId: string;
}

export type WriteOrderResult =
  | {
      status: "written";
      orderId: string;
      number: string;
      fulfillments: WrittenFulfillment[];
      lines: WrittenLine[];
    }
  /** Another request with the same idempotency key got there first. */
  | { status: "duplicate" };

const NUMBER_ATTEMPTS = 8;

/**
 * Writes an order as PENDING_PAYMENT with a snapshot of every price,
 * discount and tax line, its fulfillments (one per location and method,
 * each with the amount to capture when it ships or is handed over) and
 * its lines, in one statement that also makes its cart (when it has one)
 * point at it. A clash of order numbers is retried
 * with a fresh number; a clash of idempotency keys means a twin request
 * already wrote the order, which the caller then returns.
 */
export async function writeOrder(tx: Tx, draft: OrderDraft): Promise<WriteOrderResult> {
  const orderId = draft.orderId ?? uuid7(draft.now.getTime());
  const { totals } = draft.priced;
  const { fulfillments, lines } = planFulfillments(draft);
  const snapshot = snapshotFor(draft.priced, lines);

  const amounts = lineAmounts(draft);
  const children = [
    // Fulfillments and lines are written only with their order (FROM main).
    Prisma.sql`INSERT INTO "Fulfillment" (id, "orderId", "locationId", method, status,
        "amountMinor", "holdUntil", "createdAt", "updatedAt")
      SELECT f.*, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM (VALUES ${Prisma.join(
        fulfillments.map(
          (f) => Prisma.sql`(${f.id}, ${orderId}, ${f.locationId},
            ${f.method}::"FulfillmentMethod", 'ALLOCATED'::"FulfillmentStatus",
            ${f.amountMinor}::int, ${holdUntil(draft, f)}::timestamp)`,
        ),
      )}) AS f, main`,
    Prisma.sql`INSERT INTO "OrderLine" (id, "orderId", "variantId", sku, title, quantity,
        "unitPriceMinor", "discountMinor", "taxMinor", "totalMinor", fulfillment,
        "locationId", "fulfillmentId")
      SELECT l.* FROM (VALUES ${Prisma.join(
        lines.map((line, index) => {
          const priced = amounts[index];
          return Prisma.sql`(${line.orderLineId}, ${orderId}, ${line.variantId},
            ${line.sku}, ${line.title}, ${line.quantity}::int,
            ${priced?.unitPrice ?? 0}::int, ${priced?.discount ?? 0}::int,
            ${priced?.tax ?? 0}::int, ${priced?.total ?? 0}::int,
            ${line.fulfillment}::"FulfillmentMethod", ${line.locationId}::text,
            ${line.fulfillmentId}::text)`;
        }),
      )}) AS l, main`,
  ];

  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt += 1) {
    const number = newOrderNumber();
    // The order, its fulfillments and its lines in one statement. ON
    // CONFLICT DO NOTHING: a clash of numbers or keys must not abort the
    // transaction, and it waits for a twin request's transaction first.
    const inserted = await tx.$queryRaw<{ id: string }[]>(
      oneStatement(
        Prisma.sql`INSERT INTO "Order" (id, number, channel, status, "customerId", email,
            currency, "subtotalMinor", "discountMinor", "shippingMinor", "taxMinor",
            "totalMinor", "idempotencyKey", "idempotencyHash", "locationId", "registerId",
            "staffId", "shippingAddress", "pricingSnapshot", "isPayAtPickup", "cartId",
            "placedAt", "updatedAt")
          VALUES (${orderId}, ${number}, ${draft.channel}::"SalesChannel",
            'PENDING_PAYMENT', ${draft.customerId}, ${draft.email}, ${draft.priced.currency},
            ${totals.subtotal}, ${totals.discount}, ${totals.shipping}, ${totals.tax},
            ${totals.total}, ${draft.idempotencyKey}, ${draft.idempotencyHash ?? null},
            ${draft.locationId}, ${draft.registerId}, ${draft.staffId},
            ${jsonParam(draft.shippingAddress)}, ${jsonParam(snapshot)},
            ${draft.isPayAtPickup}, ${draft.cartId}, ${draft.now}::timestamp,
            now() AT TIME ZONE 'UTC')
          ON CONFLICT DO NOTHING
          RETURNING id`,
        ...(lines.length > 0 ? children : []),
        draft.cartId ? claimCart(draft.cartId) : null,
      ),
    );
    if (inserted.length === 1) {
      return { status: "written", orderId, number, fulfillments, lines };
    }
    const twin = await tx.order.findUnique({
      where: { idempotencyKey: draft.idempotencyKey },
      select: { id: true },
    });
    if (twin) return { status: "duplicate" };
  }
  throw new Error("no free order number after several attempts");
}

/**
 * The cart becomes the order's, only with it (FROM main). Its update
 * stamp moves strictly forward, as every change to a cart's contents does.
 */
function claimCart(cartId: string): Prisma.Sql {
  return Prisma.sql`UPDATE "Cart" AS c SET "orderId" = main.id,
      "updatedAt" = ${nextCartStamp(Prisma.sql`c`)}
    FROM main WHERE c.id = ${cartId}`;
}

/**
 * Groups lines by location and method. Each group's amount is its lines'
 * totals plus, for shipped groups, a share of the shipping charge by the
 * value of their goods; the amounts sum exactly to the order total.
 */
function planFulfillments(draft: OrderDraft) {
  const amounts = lineAmounts(draft);
  const groups = new Map<string, WrittenFulfillment>();
  const lines: WrittenLine[] = [];

  for (const [index, line] of draft.lines.entries()) {
    const key = `${line.locationId}|${line.fulfillment}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        id: uuid7(),
        method: line.fulfillment,
        locationId: line.locationId,
        amountMinor: 0,
      };
      groups.set(key, group);
    }
    group.amountMinor += amounts[index]?.total ?? 0;
    lines.push({
      ...line,
      orderLineId: line.orderLineId ?? uuid7(),
      fulfillmentId: group.id,
    });
  }

  const shipped = [...groups.values()].filter((g) => g.method === "SHIP");
  const shippingTotal = draft.priced.shipping?.total ?? 0;
  if (shipped.length > 0 && shippingTotal > 0) {
    const shares = allocateByWeights(
      shippingTotal,
      shipped.map((g) => g.amountMinor),
    );
    shipped.forEach((group, i) => {
      group.amountMinor += shares[i] ?? 0;
    });
  }
  return { fulfillments: [...groups.values()], lines };
}

interface LineAmounts {
  unitPrice: number;
  discount: number;
  tax: number;
  total: number;
}

/**
 * Each draft line's money, in draft order. A cart line split across
 * locations was priced whole; its discount, tax and total are shared
 * between its parts by quantity (largest remainder), so the parts sum
 * exactly to what the engine priced.
 */
function lineAmounts(draft: OrderDraft): LineAmounts[] {
  const priced = new Map(draft.priced.lines.map((l) => [l.lineId, l]));
  const partsOf = new Map<string, number[]>();
  draft.lines.forEach((line, index) => {
    partsOf.set(line.id, [...(partsOf.get(line.id) ?? []), index]);
  });

  const amounts: LineAmounts[] = draft.lines.map(() => ({
    unitPrice: 0,
    discount: 0,
    tax: 0,
    total: 0,
  }));
  for (const [lineId, indexes] of partsOf) {
    const line = priced.get(lineId);
    if (!line) continue;
    const weights = indexes.map((i) => draft.lines[i]?.quantity ?? 0);
    const share = (amount: number) =>
      indexes.length === 1 ? [amount] : allocateByWeights(amount, weights);
    const discounts = share(line.discount);
    const taxes = share(line.tax);
    const totals = share(line.total);
    indexes.forEach((draftIndex, part) => {
      amounts[draftIndex] = {
        unitPrice: line.unitPrice,
        discount: discounts[part] ?? 0,
        tax: taxes[part] ?? 0,
        total: totals[part] ?? 0,
      };
    });
  }
  return amounts;
}

/**
 * The engine's result as the order keeps it, with each cart line id
 * replaced by its order line's id, so receipts and returns can find every
 * line's discounts and tax by the order line.
 */
function snapshotFor(
  priced: PricingResult,
  lines: readonly WrittenLine[],
): PricingResult {
  // A split line's pricing is kept under its first part's order line.
  const ids = new Map<string, string>();
  for (const line of lines) if (!ids.has(line.id)) ids.set(line.id, line.orderLineId);
  const rename = (id: string) => ids.get(id) ?? id;
  return {
    ...priced,
    lines: priced.lines.map((line) => ({ ...line, lineId: rename(line.lineId) })),
    explanation: {
      ...priced.explanation,
      applied: priced.explanation.applied.map((applied) => ({
        ...applied,
        lines: applied.lines.map((l) => ({ ...l, lineId: rename(l.lineId) })),
      })),
      manual: priced.explanation.manual.map((adjustment) => ({
        ...adjustment,
        lines: adjustment.lines.map((l) => ({ ...l, lineId: rename(l.lineId) })),
      })),
    },
    warnings: priced.warnings.map((w) => ({
      ...w,
      lineId: w.lineId && rename(w.lineId),
    })),
  };
}

function holdUntil(draft: OrderDraft, fulfillment: WrittenFulfillment): Date | null {
  if (!draft.isPayAtPickup || fulfillment.method !== "PICKUP") return null;
  const hours = draft.locations.get(fulfillment.locationId)?.pickupHoldHours ?? 48;
  return new Date(draft.now.getTime() + hours * 3_600_000);
}
