import type { Actor } from "@/lib/auth/actor";
import { authorize, visibleLocationIds } from "@/lib/auth/authorize";
import type { Db } from "@/lib/db/client";

export interface OfflineReportOptions {
  /** One store; every store the manager may see when left out. */
  locationId?: string | null;
  /** How far back, by when the server received the sales. */
  days?: number;
  now?: Date;
}

export interface RegisterSummary {
  registerId: string | null;
  registerName: string;
  locationName: string;
  sales: number;
  accepted: number;
  withDifferences: number;
  rejected: number;
  deviceTotalMinor: number;
  currency: string;
  firstSaleAt: Date;
  lastSaleAt: Date;
  lastReceivedAt: Date;
}

export interface SaleToReview {
  id: string;
  status: "ACCEPTED_WITH_DIFFERENCES" | "REJECTED";
  reason: string | null;
  registerName: string;
  locationName: string;
  staffName: string | null;
  occurredAt: Date;
  receivedAt: Date;
  orderNumber: string | null;
  currency: string;
  deviceTotalMinor: number;
  serverTotalMinor: number | null;
  differences: {
    lineIndex: number | null;
    sku: string | null;
    kind: string;
    deviceMinor: number;
    serverMinor: number;
  }[];
}

export interface ExceptionToRecount {
  id: string;
  locationName: string;
  sku: string;
  title: string;
  kind: string;
  onHand: number;
  raisedAt: Date;
  /** The sale that raised it, when it was a till sale. */
  orderNumber: string | null;
  staffName: string | null;
  isOfflineSale: boolean;
}

export interface OfflineReport {
  since: Date;
  registers: RegisterSummary[];
  /** Priced differently or rejected, and not yet marked reviewed by a manager. */
  toReview: SaleToReview[];
  exceptions: ExceptionToRecount[];
}

/**
 * What a store manager looks at after an outage: the sales each register
 * made offline, those the server priced differently or rejected (who,
 * when, what, line by line), and the stock exceptions still waiting for
 * a recount, with the sale that raised each. Limited to the stores the
 * manager works at.
 */
export async function offlineSalesReport(
  db: Db,
  actor: Actor,
  options: OfflineReportOptions = {},
): Promise<OfflineReport> {
  authorize(actor, "reports:read", { locationId: options.locationId ?? undefined });
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days ?? 14) * 24 * 3_600_000);
  const scope = visibleLocationIds(actor);
  const locationFilter = options.locationId
    ? { locationId: options.locationId }
    : scope
      ? { locationId: { in: scope } }
      : {};

  const [sales, exceptions] = await Promise.all([
    db.offlineSale.findMany({
      where: { ...locationFilter, receivedAt: { gte: since } },
      select: {
        id: true,
        status: true,
        reason: true,
        registerId: true,
        occurredAt: true,
        receivedAt: true,
        currency: true,
        deviceTotalMinor: true,
        serverTotalMinor: true,
        reviewedAt: true,
        register: { select: { name: true } },
        location: { select: { name: true } },
        staff: { select: { name: true } },
        order: { select: { number: true } },
        differences: {
          select: {
            lineIndex: true,
            sku: true,
            kind: true,
            deviceMinor: true,
            serverMinor: true,
          },
          orderBy: [{ lineIndex: "asc" }, { kind: "asc" }],
        },
      },
      orderBy: { occurredAt: "desc" },
      take: 5_000,
    }),
    db.stockException.findMany({
      where: { ...locationFilter, resolvedAt: null },
      select: {
        id: true,
        kind: true,
        onHand: true,
        createdAt: true,
        sourceType: true,
        sourceId: true,
        location: { select: { name: true } },
        variant: { select: { sku: true, product: { select: { title: true } } } },
      },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
  ]);

  const orderIds = exceptions.flatMap((e) =>
    e.sourceType === "order" && e.sourceId ? [e.sourceId] : [],
  );
  const orders = orderIds.length
    ? await db.order.findMany({
        where: { id: { in: orderIds } },
        select: {
          id: true,
          number: true,
          staff: { select: { name: true } },
          offlineSale: { select: { id: true } },
        },
      })
    : [];
  const orderById = new Map(orders.map((o) => [o.id, o]));

  const registers = new Map<string, RegisterSummary>();
  for (const sale of sales) {
    const key = `${sale.location.name}|${sale.registerId ?? ""}`;
    const summary = registers.get(key) ?? {
      registerId: sale.registerId,
      registerName: sale.register?.name ?? "Unknown register",
      locationName: sale.location.name,
      sales: 0,
      accepted: 0,
      withDifferences: 0,
      rejected: 0,
      deviceTotalMinor: 0,
      currency: sale.currency,
      firstSaleAt: sale.occurredAt,
      lastSaleAt: sale.occurredAt,
      lastReceivedAt: sale.receivedAt,
    };
    summary.sales += 1;
    if (sale.status === "ACCEPTED") summary.accepted += 1;
    if (sale.status === "ACCEPTED_WITH_DIFFERENCES") summary.withDifferences += 1;
    if (sale.status === "REJECTED") summary.rejected += 1;
    else summary.deviceTotalMinor += sale.deviceTotalMinor;
    if (sale.occurredAt < summary.firstSaleAt) summary.firstSaleAt = sale.occurredAt;
    if (sale.occurredAt > summary.lastSaleAt) summary.lastSaleAt = sale.occurredAt;
    if (sale.receivedAt > summary.lastReceivedAt)
      summary.lastReceivedAt = sale.receivedAt;
    registers.set(key, summary);
  }

  return {
    since,
    registers: [...registers.values()].sort(
      (a, b) =>
        a.locationName.localeCompare(b.locationName) ||
        a.registerName.localeCompare(b.registerName),
    ),
    toReview: sales.flatMap((sale) =>
      sale.status === "ACCEPTED" || sale.reviewedAt
        ? []
        : [
            {
              id: sale.id,
              status: sale.status,
              reason: sale.reason,
              registerName: sale.register?.name ?? "Unknown register",
              locationName: sale.location.name,
              staffName: sale.staff?.name ?? null,
              occurredAt: sale.occurredAt,
              receivedAt: sale.receivedAt,
              orderNumber: sale.order?.number ?? null,
              currency: sale.currency,
              deviceTotalMinor: sale.deviceTotalMinor,
              serverTotalMinor: sale.serverTotalMinor,
              differences: sale.differences,
            },
          ],
    ),
    exceptions: exceptions.map((e) => {
      const order =
        e.sourceType === "order" && e.sourceId ? orderById.get(e.sourceId) : null;
      return {
        id: e.id,
        locationName: e.location.name,
        sku: e.variant.sku,
        title: e.variant.product.title,
        kind: e.kind,
        onHand: e.onHand,
        raisedAt: e.createdAt,
        orderNumber: order?.number ?? null,
        staffName: order?.staff?.name ?? null,
        isOfflineSale: !!order?.offlineSale,
      };
    }),
  };
}
