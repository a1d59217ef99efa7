import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { TransferStatus } from "@/lib/db/generated/enums";
import { availableQuantity } from "./availability";

/**
 * Read models for the back-office and the API. Every query takes the
 * locations the reader may see (null: all), so a store manager gets
 * nothing of another store by any path.
 */
type Visible = readonly string[] | null;

const locationFilter = (visible: Visible) => (visible ? { in: [...visible] } : undefined);

/** Active locations the reader may see, in code order. */
export function listVisibleLocations(db: Db, visible: Visible) {
  return db.location.findMany({
    where: { isActive: true, id: locationFilter(visible) },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, kind: true, canShip: true },
  });
}

/** Levels filtered by SKU and location (code), for the API, in pages. */
export async function listLevels(
  db: Db,
  options: {
    sku?: string;
    location?: string;
    visible: Visible;
    limit: number;
    cursor?: { variantId: string; locationId: string };
  },
) {
  const rows = await db.inventoryLevel.findMany({
    where: {
      variant: options.sku ? { sku: options.sku.toUpperCase() } : undefined,
      location: options.location ? { code: options.location.toUpperCase() } : undefined,
      locationId: locationFilter(options.visible),
    },
    include: {
      variant: { select: { sku: true } },
      location: { select: { code: true } },
    },
    orderBy: [{ variantId: "asc" }, { locationId: "asc" }],
    take: options.limit + 1,
    ...(options.cursor
      ? { cursor: { variantId_locationId: options.cursor }, skip: 1 }
      : {}),
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    data: page.map((l) => ({
      sku: l.variant.sku,
      variantId: l.variantId,
      location: l.location.code,
      locationId: l.locationId,
      onHand: l.onHand,
      reserved: l.reserved,
      safetyStock: l.safetyStock,
      available: availableQuantity(l),
      reorderPoint: l.reorderPoint,
      bin: l.bin,
      updatedAt: l.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > options.limit && last ? `${last.variantId}:${last.locationId}` : null,
  };
}

/** The stock grid: variants (searched, paged) by the visible locations. */
export async function stockGrid(
  db: Db,
  options: { q: string; visible: Visible; page: number; pageSize: number },
) {
  const q = options.q.trim();
  const where: Prisma.VariantWhereInput = q
    ? {
        OR: [
          { sku: { startsWith: q.toUpperCase() } },
          { barcode: q },
          { product: { title: { contains: q, mode: "insensitive" } } },
        ],
      }
    : {};
  const [total, variants, locations] = await Promise.all([
    db.variant.count({ where }),
    db.variant.findMany({
      where,
      orderBy: { sku: "asc" },
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        sku: true,
        optionValues: true,
        product: { select: { title: true } },
        inventoryLevels: {
          where: { locationId: locationFilter(options.visible) },
          select: {
            locationId: true,
            onHand: true,
            reserved: true,
            safetyStock: true,
            bin: true,
          },
        },
      },
    }),
    listVisibleLocations(db, options.visible),
  ]);
  return {
    total,
    locations,
    rows: variants.map((v) => ({
      variantId: v.id,
      sku: v.sku,
      title: v.product.title,
      options: v.optionValues.join(" / "),
      cells: Object.fromEntries(
        v.inventoryLevels.map((l) => [
          l.locationId,
          {
            onHand: l.onHand,
            reserved: l.reserved,
            available: availableQuantity(l),
            bin: l.bin,
          },
        ]),
      ),
    })),
  };
}

/** A variant's movements, newest first, with who did what and why. */
export async function movementHistory(
  db: Db,
  options: { variantId: string; visible: Visible; locationId?: string; take: number },
) {
  const variant = await db.variant.findUnique({
    where: { id: options.variantId },
    select: {
      id: true,
      sku: true,
      barcode: true,
      optionValues: true,
      product: { select: { title: true } },
    },
  });
  if (!variant) return null;
  const locationId = options.locationId
    ? options.visible && !options.visible.includes(options.locationId)
      ? { in: [] }
      : options.locationId
    : locationFilter(options.visible);
  const [movements, levels] = await Promise.all([
    db.stockMovement.findMany({
      where: { variantId: variant.id, locationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.take,
      include: { location: { select: { code: true } } },
    }),
    db.inventoryLevel.findMany({
      where: { variantId: variant.id, locationId: locationFilter(options.visible) },
      include: { location: { select: { code: true, name: true } } },
      orderBy: { location: { code: "asc" } },
    }),
  ]);
  return {
    variant,
    levels: levels.map((l) => ({ ...l, available: availableQuantity(l) })),
    movements,
  };
}

/** Transfers touching the visible locations, newest first. */
export function listTransfers(
  db: Db,
  options: { visible: Visible; status?: TransferStatus; take: number; skip?: number },
) {
  const ends = options.visible
    ? {
        OR: [
          { fromLocationId: { in: [...options.visible] } },
          { toLocationId: { in: [...options.visible] } },
        ],
      }
    : {};
  return db.transfer.findMany({
    where: { ...ends, status: options.status },
    orderBy: { requestedAt: "desc" },
    take: options.take,
    skip: options.skip ?? 0,
    include: {
      fromLocation: { select: { code: true, name: true } },
      toLocation: { select: { code: true, name: true } },
      _count: { select: { lines: true } },
      lines: { select: { quantityRequested: true, quantityShipped: true } },
    },
  });
}

/** Count sessions at the visible locations, newest first. */
export function listCounts(db: Db, options: { visible: Visible; take: number }) {
  return db.countSession.findMany({
    where: { locationId: locationFilter(options.visible) },
    orderBy: { startedAt: "desc" },
    take: options.take,
    include: {
      location: { select: { code: true, name: true } },
      _count: { select: { lines: true } },
    },
  });
}

/**
 * Levels at or below their reorder point, counting stock on its way in:
 * position = on hand - reserved + inbound in transit.
 */
export async function listLowStock(db: Db, options: { visible: Visible; take: number }) {
  const visibleSql = options.visible
    ? Prisma.sql`AND l."locationId" IN (${Prisma.join(
        options.visible.length ? [...options.visible] : [""],
      )})`
    : Prisma.empty;
  return db.$queryRaw<
    {
      variantId: string;
      sku: string;
      title: string;
      locationId: string;
      locationCode: string;
      onHand: number;
      reserved: number;
      inbound: number;
      reorderPoint: number;
      position: number;
    }[]
  >`
    WITH inbound AS (
      SELECT tl."variantId", t."toLocationId" AS "locationId",
        SUM(tl."quantityShipped")::int AS units
      FROM "TransferLine" AS tl JOIN "Transfer" AS t ON t.id = tl."transferId"
      WHERE t.status = 'SHIPPED'
      GROUP BY 1, 2
    )
    SELECT l."variantId", v.sku, p.title, l."locationId", loc.code AS "locationCode",
      l."onHand", l.reserved, COALESCE(i.units, 0) AS inbound, l."reorderPoint",
      (l."onHand" - l.reserved + COALESCE(i.units, 0))::int AS position
    FROM "InventoryLevel" AS l
    JOIN "Variant" AS v ON v.id = l."variantId"
    JOIN "Product" AS p ON p.id = v."productId"
    JOIN "Location" AS loc ON loc.id = l."locationId"
    LEFT JOIN inbound AS i ON i."variantId" = l."variantId" AND i."locationId" = l."locationId"
    WHERE l."reorderPoint" > 0 AND loc."isActive" ${visibleSql}
      AND l."onHand" - l.reserved + COALESCE(i.units, 0) <= l."reorderPoint"
    ORDER BY loc.code, (l."onHand" - l.reserved + COALESCE(i.units, 0)) - l."reorderPoint", v.sku
    LIMIT ${options.take}`;
}
