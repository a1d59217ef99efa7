/**
 * Resync: the server's judgement of sales a till made offline.
 *
 * Exactly once. Each sale is handled in its own transaction whose first
 * write inserts the OfflineSale row keyed by the id the device made, with
 * ON CONFLICT DO NOTHING. A replay of the sale (a retried batch, a second
 * tab, a second device holding a copy of the queue) either finds the row
 * already committed, or waits on the unique index until its twin commits
 * and then inserts nothing; either way it changes nothing and answers
 * with what was recorded. If the twin rolled back, the replay is the one
 * that records it. The order's idempotency key (`offline:<sale id>`) is
 * unique as well, a second guard.
 *
 * Judged like a sale at the counter. The server prices the basket again
 * with the same engine, at the till's clock, from its own catalogue and
 * promotions, and records every figure on which the two disagree. The
 * order keeps what the till charged (the money changed hands); the
 * differences are for the store manager. Stock follows the counter rule:
 * the sale is never refused for lack of recorded stock, and a level that
 * goes negative raises a stock exception to recount.
 *
 * Rejected, with a reason, only what cannot be recorded as an order: a
 * register or item the server does not know, a tender the business does
 * not take offline, a gift card or store credit that no longer covers its
 * part. A rejection is recorded too, so the manager sees it.
 */

import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorRef } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/authorize";
import { confirmOrder } from "@/lib/checkout/confirm-order";
import { writeOrder } from "@/lib/checkout/write-order";
import type { Prisma, PrismaClient, Tx } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { emitEvent } from "@/lib/events/emit-event";
import { logger } from "@/lib/log";
import { openTenders } from "@/lib/payments/open-tenders";
import type { SizedTender } from "@/lib/payments/tenders";
import { PricingCartSchema, type PricingResult, priceCart } from "@/lib/pricing";
import { type PricingBundle, pricingContextFromBundle } from "@/lib/pricing-data/bundle";
import { loadVariantFacts, type VariantFacts } from "@/lib/pricing-data/cart-lines";
import { exportPricingBundle } from "@/lib/pricing-data/export-pricing-bundle";
import { loadPricingInputs } from "@/lib/pricing-data/load-pricing-inputs";
import { recordRedemptions } from "@/lib/promotions/record-redemptions";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";
import { offlineTendersFrom } from "./export-pos-bundle";
import {
  type OfflineSale,
  OfflineSaleSchema,
  type SaleDifference,
  type SaleVerdict,
  SyncBatchSchema,
} from "./sale";

export interface SyncResult {
  results: SaleVerdict[];
  /** Sales not looked at because the server failed part-way: send them again. */
  unprocessed: string[];
}

const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 };

const TENDER_NAMES = {
  cash: "Cash",
  gift_card: "Gift cards",
  store_credit: "Store credit",
} as const;

/** Judges a batch of offline sales in the order sent; answers per sale. */
export async function syncOfflineSales(
  db: PrismaClient,
  options: { actor: Actor; input: unknown; now?: Date },
): Promise<SyncResult> {
  const batch = parseInput(SyncBatchSchema, options.input);
  authorize(options.actor, "pos:sell", { locationId: batch.locationId });
  const location = await db.location.findUnique({
    where: { id: batch.locationId },
    select: { id: true, code: true, pickupHoldHours: true },
  });
  if (!location) {
    throw new AppError("invalid_input", "This store is unknown.", {
      fields: { locationId: ["No location has this id."] },
    });
  }
  const settings = await db.settings.findUnique({
    where: { id: "default" },
    select: { offlineTenders: true },
  });
  const parsed = batch.sales.map((raw) => OfflineSaleSchema.safeParse(raw));
  const valid = parsed.flatMap((result) => (result.success ? [result.data] : []));
  const context: SaleContext = {
    db,
    actor: options.actor,
    location,
    allowedTenders: new Set(offlineTendersFrom(settings?.offlineTenders ?? [])),
    now: options.now,
    shared: await loadShared(db, location.id, valid),
    received: new Set(
      (
        await db.offlineSale.findMany({
          where: { id: { in: valid.map((sale) => sale.id) } },
          select: { id: true },
        })
      ).map((row) => row.id),
    ),
    registers: new Map(),
    staff: new Map(),
  };

  const results: SaleVerdict[] = [];
  for (const [index, raw] of batch.sales.entries()) {
    try {
      results.push(await syncSale(context, raw, parsed[index]));
    } catch (error) {
      // The database or the server failed, not the sale: stop here and let
      // the till send this sale and the rest again.
      if (results.length === 0) throw error;
      logger.error({ err: error }, "offline sync stopped part-way");
      return { results, unprocessed: batch.sales.slice(index).map(idOf) };
    }
  }
  return { results, unprocessed: [] };
}

interface SaleContext {
  db: PrismaClient;
  actor: Actor;
  location: { id: string; code: string; pickupHoldHours: number };
  allowedTenders: ReadonlySet<string>;
  now?: Date;
  /** Read once for the batch: what pricing its sales again needs. */
  shared: Shared;
  /** Sales of the batch the server had recorded before it arrived. */
  received: ReadonlySet<string>;
  /** Registers and staff of the batch, each read once. */
  registers: Map<string, Promise<{ locationId: string } | null>>;
  staff: Map<string, Promise<StaffRow | null>>;
}

interface Shared {
  /** The store's promotions, codes, usage and tax, as of the batch's earliest sale. */
  pricing: PricingBundle | null;
  facts: Map<string, VariantFacts>;
  skus: Map<string, string>;
}

type StaffRow = Parameters<typeof staffActorFrom>[0] & { isActive: boolean };

/**
 * What every sale of the batch is priced from: the store's pricing bundle
 * (the engine checks each promotion's dates and hours against each sale's
 * own time) and the catalogue facts of every variant sold, in three reads.
 */
async function loadShared(
  db: PrismaClient,
  locationId: string,
  sales: readonly OfflineSale[],
): Promise<Shared> {
  if (sales.length === 0) return { pricing: null, facts: new Map(), skus: new Map() };
  const ids = [...new Set(sales.flatMap((sale) => sale.lines.map((l) => l.variantId)))];
  const earliest = new Date(
    Math.min(...sales.map((sale) => Date.parse(sale.occurredAt))),
  );
  const [pricing, facts, variants] = await Promise.all([
    exportPricingBundle(db, { locationId, at: earliest }),
    loadVariantFacts(db, ids),
    db.variant.findMany({ where: { id: { in: ids } }, select: { id: true, sku: true } }),
  ]);
  return { pricing, facts, skus: new Map(variants.map((v) => [v.id, v.sku])) };
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
  let found = map.get(key);
  if (!found) {
    found = load();
    map.set(key, found);
  }
  return found;
}

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "";
}

async function syncSale(
  context: SaleContext,
  raw: unknown,
  parsed: ReturnType<typeof OfflineSaleSchema.safeParse> | undefined,
): Promise<SaleVerdict> {
  if (!parsed?.success) {
    // Not recordable (it may not even have an id): answered, not stored.
    const reasons = (parsed?.error.issues ?? []).map(
      (issue) => `${issue.path.join(".") || "sale"}: ${issue.message}`,
    );
    return {
      ...emptyVerdict(idOf(raw), 0),
      status: "rejected",
      reason: `The sale is malformed. ${reasons.slice(0, 5).join("; ")}`,
    };
  }
  const sale = parsed.data;
  // Twins racing this batch are caught by the insert's ON CONFLICT below.
  if (context.received.has(sale.id)) return recordedVerdictOrThrow(context.db, sale.id);

  const judged = await judge(context, sale);
  if (judged.kind === "reject") {
    return reject(context, sale, judged.reason, null, judged.people);
  }

  try {
    const verdict = await context.db.$transaction(
      (tx) => record(tx, context, sale, judged),
      TX_OPTIONS,
    );
    return verdict ?? (await recordedVerdictOrThrow(context.db, sale.id));
  } catch (error) {
    if (!isAppError(error) || error.code === "internal") throw error;
    return reject(context, sale, reasonOf(error), judged.serverTotal, judged.people);
  }
}

/** The register and associate as the server knows them (null when unknown here). */
interface People {
  registerId: string | null;
  staffId: string | null;
}

type Judgement =
  | { kind: "reject"; reason: string; people: People }
  | {
      kind: "record";
      people: People;
      associate: Actor | null;
      customer: { id: string; email: string | null } | null;
      serverPricing: PricingResult | null;
      serverTotal: number | null;
      differences: SaleDifference[];
      skus: Map<string, string>;
    };

/** Everything decided before writing: who, what it costs here, what differs. */
async function judge(context: SaleContext, sale: OfflineSale): Promise<Judgement> {
  const { db, location } = context;
  const [register, staff, customer] = await Promise.all([
    cached(context.registers, sale.registerId, () =>
      db.register.findUnique({
        where: { id: sale.registerId },
        select: { locationId: true },
      }),
    ),
    cached(context.staff, sale.staffId, () =>
      db.staffUser.findUnique({
        where: { id: sale.staffId },
        include: { locations: { select: { locationId: true } } },
      }),
    ),
    sale.customerId
      ? db.customer.findUnique({
          where: { id: sale.customerId },
          select: { id: true, email: true },
        })
      : null,
  ]);
  const people: People = {
    registerId: register?.locationId === location.id ? sale.registerId : null,
    staffId: staff ? staff.id : null,
  };
  if (!people.registerId) {
    return {
      kind: "reject",
      reason: "The till named a register that is not this store's.",
      people,
    };
  }
  const skus = context.shared.skus;
  const unknown = sale.lines.findIndex((line) => !skus.has(line.variantId));
  if (unknown !== -1) {
    const line = sale.lines[unknown];
    return {
      kind: "reject",
      reason: `Line ${unknown + 1} (${line?.sku}) is no longer in the catalogue.`,
      people,
    };
  }
  const refused = sale.tenders.find((tender) => !context.allowedTenders.has(tender.kind));
  if (refused) {
    return {
      kind: "reject",
      reason: `${TENDER_NAMES[refused.kind]} are not taken offline at this business.`,
      people,
    };
  }

  const staffActor = staff?.isActive ? staffActorFrom(staff) : null;
  const associate =
    staffActor && can(staffActor, "pos:sell", { locationId: location.id })
      ? staffActor
      : null;
  const { pricing, unpriced } = await priceHere(context, sale, customer?.id ?? null);
  const differences = compare(sale, pricing, unpriced, skus);
  return {
    kind: "record",
    people,
    associate,
    customer,
    serverPricing: pricing,
    serverTotal: pricing?.totals.total ?? null,
    differences,
    skus,
  };
}

/** The server's own price of the basket at the till's clock, or which lines it cannot price. */
async function priceHere(
  context: SaleContext,
  sale: OfflineSale,
  customerId: string | null,
): Promise<{ pricing: PricingResult | null; unpriced: Set<number> }> {
  const { pricing: bundle, facts } = context.shared;
  // An anonymous sale prices from the batch's shared inputs; a customer's
  // needs their own groups, history and per-customer usage.
  if (!customerId && bundle && bundle.market.currency === sale.pricing.currency) {
    const unpriced = new Set<number>();
    const lines = sale.lines.flatMap((line, index) => {
      const fact = facts.get(line.variantId);
      if (!fact?.isSellable || fact.currency !== sale.pricing.currency) {
        unpriced.add(index);
        return [];
      }
      return [
        {
          id: sale.pricing.lines[index]?.lineId ?? `line-${index + 1}`,
          variantId: fact.variantId,
          productId: fact.productId,
          categoryIds: fact.categoryIds,
          collectionIds: fact.collectionIds,
          unitPrice: fact.unitPrice,
          quantity: line.quantity,
          taxCategory: fact.taxCategory,
          fulfillment: "CARRY_OUT" as const,
          locationId: context.location.id,
        },
      ];
    });
    if (unpriced.size > 0) return { pricing: null, unpriced };
    const cart = parseInput(PricingCartSchema, {
      currency: sale.pricing.currency,
      lines,
      codes: sale.codes,
    });
    const pricingContext = pricingContextFromBundle(bundle, {
      time: sale.occurredAt,
      customer: null,
    });
    return { pricing: priceCart(cart, pricingContext), unpriced };
  }
  try {
    const inputs = await loadPricingInputs(context.db, {
      channel: "POS",
      locationId: context.location.id,
      customerId,
      codes: sale.codes,
      at: new Date(sale.occurredAt),
      currency: sale.pricing.currency,
      lines: sale.lines.map((line, index) => ({
        id: sale.pricing.lines[index]?.lineId ?? `line-${index + 1}`,
        variantId: line.variantId,
        quantity: line.quantity,
        fulfillment: "CARRY_OUT" as const,
        locationId: context.location.id,
      })),
    });
    return { pricing: priceCart(inputs.cart, inputs.context), unpriced: new Set() };
  } catch (error) {
    if (!isAppError(error) || error.code !== "invalid_input") throw error;
    // Items no longer for sale (or priced in another currency): recorded as
    // sold at the till's price, each named as a line the server could not price.
    const unpriced = new Set<number>();
    for (const key of Object.keys(error.fields ?? {})) {
      const index = Number(/^lines\.(\d+)\./.exec(key)?.[1]);
      if (Number.isInteger(index)) unpriced.add(index);
    }
    if (unpriced.size === 0) throw error;
    return { pricing: null, unpriced };
  }
}

/** Every figure on which the till and the server disagree, line by line, then the total. */
export function compare(
  sale: OfflineSale,
  server: PricingResult | null,
  unpriced: ReadonlySet<number>,
  skus: ReadonlyMap<string, string>,
): SaleDifference[] {
  const differences: SaleDifference[] = [];
  sale.lines.forEach((line, index) => {
    const base = {
      lineIndex: index,
      variantId: line.variantId,
      sku: skus.get(line.variantId) ?? line.sku,
    };
    if (unpriced.has(index) || !server) {
      if (unpriced.has(index)) {
        differences.push({
          ...base,
          kind: "UNPRICED_LINE",
          deviceMinor: line.totalMinor,
          serverMinor: 0,
        });
      }
      return;
    }
    const priced = server.lines[index];
    if (!priced) return;
    const pairs = [
      ["UNIT_PRICE", line.unitPriceMinor, priced.unitPrice],
      ["DISCOUNT", line.discountMinor, priced.discount],
      ["TAX", line.taxMinor, priced.tax],
      ["LINE_TOTAL", line.totalMinor, priced.total],
    ] as const;
    for (const [kind, device, here] of pairs) {
      if (device !== here) {
        differences.push({ ...base, kind, deviceMinor: device, serverMinor: here });
      }
    }
  });
  const deviceTotal = sale.pricing.totals.total;
  if (server && server.totals.total !== deviceTotal) {
    differences.push({
      lineIndex: null,
      variantId: null,
      sku: null,
      kind: "SALE_TOTAL",
      deviceMinor: deviceTotal,
      serverMinor: server.totals.total,
    });
  }
  return differences;
}

/** The transaction of one accepted sale; null when a twin recorded it first. */
async function record(
  tx: Tx,
  context: SaleContext,
  sale: OfflineSale,
  judged: Extract<Judgement, { kind: "record" }>,
): Promise<SaleVerdict | null> {
  const { location } = context;
  const occurredAt = new Date(sale.occurredAt);
  const status = judged.differences.length > 0 ? "ACCEPTED_WITH_DIFFERENCES" : "ACCEPTED";
  const inserted = await tx.offlineSale.createMany({
    data: [saleRow(context, sale, judged.people, status, null, judged.serverTotal)],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return null;

  const pricing = sale.pricing as unknown as PricingResult;
  const written = await writeOrder(tx, {
    idempotencyKey: `offline:${sale.id}`,
    channel: "POS",
    cartId: null,
    customerId: judged.customer?.id ?? null,
    email: judged.customer?.email ?? null,
    locationId: location.id,
    registerId: sale.registerId,
    staffId: judged.associate?.kind === "staff" ? judged.associate.id : null,
    shippingAddress: null,
    isPayAtPickup: false,
    priced: pricing,
    lines: sale.lines.map((line, index) => ({
      id: pricing.lines[index]?.lineId ?? `line-${index + 1}`,
      variantId: line.variantId,
      quantity: line.quantity,
      fulfillment: "CARRY_OUT" as const,
      locationId: location.id,
      sku: judged.skus.get(line.variantId) ?? line.sku,
      title: line.title,
    })),
    locations: new Map([[location.id, location]]),
    now: occurredAt,
  });
  if (written.status === "duplicate") {
    throw new AppError("internal", "The sale's order exists without its record.", {
      internal: `order offline:${sale.id} exists but OfflineSale ${sale.id} was new`,
    });
  }
  await countRedemptions(tx, sale, written.orderId, judged.customer?.id ?? null);

  const actor = judged.associate ?? context.actor;
  await openTenders(tx, {
    orderId: written.orderId,
    currency: pricing.currency,
    customerId: judged.customer?.id ?? null,
    tenders: sale.tenders.map((tender, index) => ({ ...tender, index })) as SizedTender[],
    cardProviders: new Map(),
    isTestMode: () => false,
    actor: actorRef(actor),
    now: occurredAt,
  });
  await confirmOrder(tx, { orderId: written.orderId, actor, authorizations: [] });

  await tx.offlineSale.update({
    where: { id: sale.id },
    data: { orderId: written.orderId },
  });
  if (judged.differences.length > 0) {
    await tx.offlineSaleDifference.createMany({
      data: judged.differences.map((d) => ({ ...d, saleId: sale.id })),
    });
  }
  const exceptions = await exceptionsOf(tx, written.orderId);
  await announce(tx, context, sale, {
    status,
    reason: null,
    orderId: written.orderId,
    differences: judged.differences.length,
    exceptions: exceptions.length,
  });
  return {
    id: sale.id,
    status: status === "ACCEPTED" ? "accepted" : "accepted_with_differences",
    isReplay: false,
    reason: null,
    orderId: written.orderId,
    orderNumber: written.number,
    deviceTotalMinor: sale.pricing.totals.total,
    serverTotalMinor: judged.serverTotal,
    differences: judged.differences,
    stockExceptions: exceptions,
  };
}

/**
 * Counts the till's promotions against their limits, but never refuses the
 * sale for it: it is done. A limit already reached (two tills spending one
 * single-use code offline) is left uncounted; the server's price of the
 * sale shows the discount it would not give, as a difference.
 */
async function countRedemptions(
  tx: Tx,
  sale: OfflineSale,
  orderId: string,
  customerId: string | null,
): Promise<void> {
  const applied = sale.pricing.explanation.applied;
  if (applied.length === 0) return;
  await tx.$executeRaw`SAVEPOINT offline_redemptions`;
  try {
    await recordRedemptions(tx, {
      orderId,
      currency: sale.pricing.currency,
      customerId,
      applied: applied.map((a) => ({
        promotionId: a.promotionId,
        code: a.code,
        amount: a.amount,
      })),
    });
    await tx.$executeRaw`RELEASE SAVEPOINT offline_redemptions`;
  } catch (error) {
    if (!isAppError(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT offline_redemptions`;
  }
}

async function reject(
  context: SaleContext,
  sale: OfflineSale,
  reason: string,
  serverTotal: number | null,
  people: People,
): Promise<SaleVerdict> {
  const verdict = await context.db.$transaction(async (tx) => {
    const inserted = await tx.offlineSale.createMany({
      data: [saleRow(context, sale, people, "REJECTED", reason, serverTotal)],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return null;
    await announce(tx, context, sale, {
      status: "REJECTED",
      reason,
      orderId: null,
      differences: 0,
      exceptions: 0,
    });
    return {
      ...emptyVerdict(sale.id, sale.pricing.totals.total),
      status: "rejected" as const,
      reason,
      serverTotalMinor: serverTotal,
    };
  }, TX_OPTIONS);
  return verdict ?? recordedVerdictOrThrow(context.db, sale.id);
}

function saleRow(
  context: SaleContext,
  sale: OfflineSale,
  people: People,
  status: "ACCEPTED" | "ACCEPTED_WITH_DIFFERENCES" | "REJECTED",
  reason: string | null,
  serverTotal: number | null,
) {
  return {
    id: sale.id,
    locationId: context.location.id,
    registerId: people.registerId,
    staffId: people.staffId,
    deviceId: sale.deviceId,
    sequence: sale.sequence,
    occurredAt: new Date(sale.occurredAt),
    receivedAt: context.now ?? new Date(),
    syncedBy: actorRef(context.actor),
    status,
    reason,
    currency: sale.pricing.currency,
    deviceTotalMinor: sale.pricing.totals.total,
    serverTotalMinor: serverTotal,
    payload: sale as unknown as Prisma.InputJsonValue,
  };
}

async function announce(
  tx: Tx,
  context: SaleContext,
  sale: OfflineSale,
  outcome: {
    status: string;
    reason: string | null;
    orderId: string | null;
    differences: number;
    exceptions: number;
  },
): Promise<void> {
  const payload = {
    saleId: sale.id,
    registerId: sale.registerId,
    staffId: sale.staffId,
    occurredAt: sale.occurredAt,
    deviceTotalMinor: sale.pricing.totals.total,
    ...outcome,
  };
  await emitEvent(tx, {
    type: "orders.offline_sale_synced",
    aggregateType: "offline_sale",
    aggregateId: sale.id,
    locationId: context.location.id,
    payload,
  });
  if (context.actor.kind === "staff" || context.actor.kind === "api_key") {
    await recordAudit(tx, {
      actor: context.actor,
      action: "pos.offline_sale_synced",
      entityType: "offline_sale",
      entityId: sale.id,
      after: payload,
      locationId: context.location.id,
    });
  }
}

async function exceptionsOf(db: Tx | PrismaClient, orderId: string) {
  const rows = await db.stockException.findMany({
    where: { sourceType: "order", sourceId: orderId },
    select: { variantId: true, onHand: true, variant: { select: { sku: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({
    variantId: row.variantId,
    sku: row.variant.sku,
    onHand: row.onHand,
  }));
}

/** The answer recorded for a sale received before, or null for a new sale. */
async function recordedVerdict(
  db: PrismaClient,
  id: string,
): Promise<SaleVerdict | null> {
  const row = await db.offlineSale.findUnique({
    where: { id },
    include: {
      differences: { orderBy: [{ lineIndex: "asc" }, { kind: "asc" }] },
      order: { select: { number: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    status:
      row.status === "ACCEPTED"
        ? "accepted"
        : row.status === "ACCEPTED_WITH_DIFFERENCES"
          ? "accepted_with_differences"
          : "rejected",
    isReplay: true,
    reason: row.reason,
    orderId: row.orderId,
    orderNumber: row.order?.number ?? null,
    deviceTotalMinor: row.deviceTotalMinor,
    serverTotalMinor: row.serverTotalMinor,
    differences: row.differences.map((d) => ({
      lineIndex: d.lineIndex,
      variantId: d.variantId,
      sku: d.sku,
      kind: d.kind,
      deviceMinor: d.deviceMinor,
      serverMinor: d.serverMinor,
    })),
    stockExceptions: row.orderId ? await exceptionsOf(db, row.orderId) : [],
  };
}

async function recordedVerdictOrThrow(
  db: PrismaClient,
  id: string,
): Promise<SaleVerdict> {
  const verdict = await recordedVerdict(db, id);
  if (!verdict) throw new Error(`offline sale ${id} vanished after its twin recorded it`);
  return verdict;
}

function emptyVerdict(id: string, deviceTotal: number): SaleVerdict {
  return {
    id,
    status: "accepted",
    isReplay: false,
    reason: null,
    orderId: null,
    orderNumber: null,
    deviceTotalMinor: deviceTotal,
    serverTotalMinor: null,
    differences: [],
    stockExceptions: [],
  };
}

function reasonOf(error: AppError): string {
  const fields = Object.values(error.fields ?? {}).flat();
  return [error.publicMessage, ...fields].join(" ");
}
