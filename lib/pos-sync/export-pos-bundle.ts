import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { exportPricingBundle } from "@/lib/pricing-data/export-pricing-bundle";
import { POS_BUNDLE_FORMAT, type PosBundle, PosBundleSchema } from "./bundle";
import { OFFLINE_TENDER_KINDS, type OfflineTenderKind } from "./sale";

/**
 * A change committed a little before the clock read for the cursor can
 * carry an earlier updatedAt than the cursor while it is still in flight;
 * deltas look this far back, so a till sees such a change twice rather
 * than never.
 */
const CURSOR_OVERLAP_MS = 60_000;
/** Customers kept on the till: those who bought here most recently. */
const RECENT_CUSTOMERS = 500;

/**
 * The bundle a till downloads for its store. With `since` (the cursor of
 * a bundle the till holds) only variants and customers changed after it
 * are listed; prices, promotions, tax, staff and tenders always come whole.
 */
export async function exportPosBundle(
  db: Db,
  options: { locationId: string; since?: Date | null; at?: Date },
): Promise<PosBundle> {
  const at = options.at ?? new Date();
  const since = options.since ?? null;
  const location = await db.location.findUnique({
    where: { id: options.locationId },
    select: { id: true, code: true, name: true },
  });
  if (!location) throw notFound("The location");

  const [pricing, registers, variants, staff, customers, settings, lastEvent] =
    await Promise.all([
      exportPricingBundle(db, { locationId: location.id, at }),
      db.register.findMany({
        where: { locationId: location.id, isActive: true },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      }),
      loadVariants(db, location.id, since),
      db.staffUser.findMany({
        where: {
          isActive: true,
          OR: [{ role: "OWNER" }, { locations: { some: { locationId: location.id } } }],
        },
        select: { id: true, name: true, role: true, pinHash: true },
        orderBy: { name: "asc" },
      }),
      loadCustomers(db, location.id, since),
      db.settings.findUnique({
        where: { id: "default" },
        select: { offlineTenders: true },
      }),
      db.outboxEvent.findFirst({ select: { id: true }, orderBy: { id: "desc" } }),
    ]);

  const sellable = variants.filter((v) => v.isSellable);
  return PosBundleSchema.parse({
    format: POS_BUNDLE_FORMAT,
    cursor: at.toISOString(),
    isDelta: since !== null,
    location,
    registers,
    pricing,
    variants: sellable,
    removedVariantIds: since
      ? variants.filter((v) => !v.isSellable).map((v) => v.id)
      : [],
    staff,
    customers,
    offlineTenders: offlineTendersFrom(settings?.offlineTenders ?? []),
    lastEventId: lastEvent ? lastEvent.id.toString() : null,
  });
}

/** Cash always; others only when the business has enabled them. */
export function offlineTendersFrom(enabled: readonly string[]): OfflineTenderKind[] {
  return OFFLINE_TENDER_KINDS.filter((kind) => kind === "cash" || enabled.includes(kind));
}

async function loadVariants(db: Db, locationId: string, since: Date | null) {
  const after = since ? new Date(since.getTime() - CURSOR_OVERLAP_MS) : null;
  const rows = await db.variant.findMany({
    where: after
      ? { OR: [{ updatedAt: { gt: after } }, { product: { updatedAt: { gt: after } } }] }
      : { isActive: true, product: { status: "ACTIVE" } },
    select: {
      id: true,
      productId: true,
      sku: true,
      barcode: true,
      optionValues: true,
      priceMinor: true,
      currency: true,
      isActive: true,
      product: {
        select: { title: true, status: true, taxCategory: true, categoryId: true },
      },
      inventoryLevels: { where: { locationId }, select: { onHand: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    productId: row.productId,
    sku: row.sku,
    barcode: row.barcode,
    title: row.product.title,
    options: row.optionValues.join(" / "),
    priceMinor: row.priceMinor,
    currency: row.currency,
    taxCategory: row.product.taxCategory,
    categoryId: row.product.categoryId,
    isSellable: row.isActive && row.product.status === "ACTIVE",
    onHand: row.inventoryLevels[0]?.onHand ?? 0,
  }));
}

async function loadCustomers(db: Db, locationId: string, since: Date | null) {
  const after = since ? new Date(since.getTime() - CURSOR_OVERLAP_MS) : null;
  const recentIds = async (placedAfter: Date | null) => {
    const rows = await db.order.findMany({
      where: {
        locationId,
        customerId: { not: null },
        ...(placedAfter ? { placedAt: { gt: placedAfter } } : {}),
      },
      select: { customerId: true },
      orderBy: { placedAt: "desc" },
      distinct: ["customerId"],
      take: RECENT_CUSTOMERS,
    });
    return rows.flatMap((row) => (row.customerId ? [row.customerId] : []));
  };
  // A delta: customers who bought here since, and known ones who changed.
  const [all, newcomers] = await Promise.all([
    recentIds(null),
    after ? recentIds(after) : Promise.resolve([]),
  ]);
  if (all.length === 0) return [];
  const rows = await db.customer.findMany({
    where: after
      ? {
          OR: [{ id: { in: newcomers } }, { id: { in: all }, updatedAt: { gt: after } }],
        }
      : { id: { in: all } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      groups: true,
      isTaxExempt: true,
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: `${row.firstName} ${row.lastName}`.trim(),
    email: row.email,
    phone: row.phone,
    groups: [...row.groups].sort(),
    isTaxExempt: row.isTaxExempt,
  }));
}
