import type { Db } from "@/lib/db/client";
import type { PaymentProvider } from "@/lib/db/generated/enums";

/** Sales and cash figures of a shift: the X report while open, the Z report at close. */
export interface ShiftReport {
  shiftId: string;
  registerId: string;
  currency: string;
  openedAt: string;
  /** Null while the shift is open (an X report). */
  closedAt: string | null;
  orderCount: number;
  /** What the sales came to, discounts and tax included. */
  salesMinor: number;
  /** Money taken per tender, net of refunds. */
  byTender: {
    provider: PaymentProvider;
    label: string;
    count: number;
    amountMinor: number;
  }[];
  cash: {
    openingFloatMinor: number;
    /** Cash kept for sales (tendered minus change). */
    salesMinor: number;
    payInsMinor: number;
    payOutsMinor: number;
    /** What the drawer should hold now. */
    expectedMinor: number;
    countedMinor: number | null;
    /** counted - expected; null until counted. */
    varianceMinor: number | null;
  };
}

const TENDER_LABELS: Record<PaymentProvider, string> = {
  CASH: "Cash",
  TEST_CARD: "Card (TEST MODE)",
  STRIPE: "Card",
  GIFT_CARD: "Gift card",
  STORE_CREDIT: "Store credit",
};

/** Orders that never completed do not count as sales. */
const UNSOLD = ["PENDING_PAYMENT", "PAYMENT_FAILED", "CANCELLED"] as const;

/**
 * Works out a shift's report from its register's orders placed while it
 * was open and the drawer's pay-ins and pay-outs. `closedAt` and the
 * count are passed in at close, before they are stored.
 */
export async function buildShiftReport(
  db: Db,
  options: {
    shiftId: string;
    until?: Date;
    countedCashMinor?: number | null;
  },
): Promise<ShiftReport> {
  const shift = await db.shift.findUniqueOrThrow({
    where: { id: options.shiftId },
    include: { cashMovements: true },
  });
  const until = options.until ?? shift.closedAt ?? null;
  const orders = await db.order.findMany({
    where: {
      registerId: shift.registerId,
      channel: "POS",
      status: { notIn: [...UNSOLD] },
      placedAt: { gte: shift.openedAt, ...(until ? { lte: until } : {}) },
    },
    select: {
      totalMinor: true,
      payments: {
        select: {
          provider: true,
          capturedMinor: true,
          refundedMinor: true,
          status: true,
        },
      },
    },
  });

  const tenders = new Map<PaymentProvider, { count: number; amountMinor: number }>();
  for (const payment of orders.flatMap((o) => o.payments)) {
    if (payment.status === "DECLINED" || payment.status === "FAILED") continue;
    const sum = tenders.get(payment.provider) ?? { count: 0, amountMinor: 0 };
    sum.count += 1;
    sum.amountMinor += payment.capturedMinor - payment.refundedMinor;
    tenders.set(payment.provider, sum);
  }
  const movement = (kind: "PAY_IN" | "PAY_OUT") =>
    shift.cashMovements
      .filter((m) => m.kind === kind)
      .reduce((sum, m) => sum + m.amountMinor, 0);

  const cashSales = tenders.get("CASH")?.amountMinor ?? 0;
  const payIns = movement("PAY_IN");
  const payOuts = movement("PAY_OUT");
  const expected = shift.openingFloatMinor + cashSales + payIns - payOuts;
  const counted = options.countedCashMinor ?? shift.countedCashMinor ?? null;

  return {
    shiftId: shift.id,
    registerId: shift.registerId,
    currency: shift.currency,
    openedAt: shift.openedAt.toISOString(),
    closedAt:
      until && shift.status === "CLOSED"
        ? until.toISOString()
        : (options.until?.toISOString() ?? null),
    orderCount: orders.length,
    salesMinor: orders.reduce((sum, o) => sum + o.totalMinor, 0),
    byTender: [...tenders].map(([provider, sum]) => ({
      provider,
      label: TENDER_LABELS[provider],
      ...sum,
    })),
    cash: {
      openingFloatMinor: shift.openingFloatMinor,
      salesMinor: cashSales,
      payInsMinor: payIns,
      payOutsMinor: payOuts,
      expectedMinor: expected,
      countedMinor: counted,
      varianceMinor: counted === null ? null : counted - expected,
    },
  };
}
