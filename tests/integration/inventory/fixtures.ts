/**
 * A small retailer for the inventory tests: a warehouse that ships, two
 * stores, a closed store, one product in a few sizes, and actors to act
 * as. Each test file builds it in its own database.
 */
import type { Actor, StaffActor } from "@/lib/auth/actor";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { MUTATION_TX_OPTIONS } from "@/lib/idempotency";

export const SYSTEM: Actor = { kind: "system", reason: "test" };

export interface World {
  warehouse: { id: string; code: string };
  north: { id: string; code: string };
  london: { id: string; code: string };
  manchester: { id: string; code: string };
  closed: { id: string; code: string };
  variants: { id: string; sku: string; barcode: string }[];
  /** A store manager who works at London only. */
  londonManager: StaffActor;
}

const LOCATION_DEFAULTS = {
  addressLine1: "1 High Street",
  city: "Town",
  postalCode: "AB1 2CD",
  country: "GB",
  latitude: 51.5,
  longitude: -0.1,
  timezone: "Europe/London",
};

/** EAN-13 with its check digit, from 12 digits. */
export function ean13(base12: string): string {
  const sum = [...base12].reduce((n, d, i) => n + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${base12}${(10 - (sum % 10)) % 10}`;
}

/** Creates the locations and the product; variant SKUs are `${prefix}-1`…. */
export async function buildWorld(
  prisma: PrismaClient,
  options: { variants?: number; prefix?: string } = {},
): Promise<World> {
  const prefix = options.prefix ?? "TEE";
  const location = (code: string, extra: Record<string, unknown>) =>
    prisma.location.create({
      data: { ...LOCATION_DEFAULTS, code, name: code, kind: "STORE", ...extra },
      select: { id: true, code: true },
    });
  const warehouse = await location("WH-1", { kind: "WAREHOUSE", canShip: true });
  const north = await location("WH-2", { kind: "WAREHOUSE", canShip: true });
  const london = await location("STR-LDN", { canPickup: true, canSellInStore: true });
  const manchester = await location("STR-MAN", {
    canPickup: true,
    canSellInStore: true,
    canShip: true,
  });
  const closed = await location("STR-OLD", { isActive: false });

  const product = await prisma.product.create({
    data: {
      handle: `${prefix.toLowerCase()}-shirt`,
      title: "Plain tee",
      status: "ACTIVE",
    },
  });
  const count = options.variants ?? 4;
  const variants = [];
  for (let i = 1; i <= count; i++) {
    variants.push(
      await prisma.variant.create({
        data: {
          productId: product.id,
          sku: `${prefix}-${i}`,
          barcode: ean13(`50000000${String(i).padStart(4, "0")}`),
          optionValues: [`Size ${i}`],
          priceMinor: 1500,
          costMinor: 600,
          position: i,
        },
        select: { id: true, sku: true, barcode: true },
      }),
    );
  }

  return {
    warehouse,
    north,
    london,
    manchester,
    closed,
    variants: variants.map((v) => ({ ...v, barcode: v.barcode ?? "" })),
    londonManager: {
      kind: "staff",
      id: "00000000-0000-7000-8000-000000000001",
      email: "manager@example.com",
      name: "London Manager",
      role: "STORE_MANAGER",
      locationIds: [london.id],
    },
  };
}

/** Runs a domain call in its own transaction, as an action or route would. */
export function inTx<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, MUTATION_TX_OPTIONS);
}

/** Row counts of everything an inventory mutation writes, to prove nothing was. */
export async function writtenRows(prisma: PrismaClient) {
  const [movements, levels, layers, receipts, transfers, audits, events, reservations] =
    await Promise.all([
      prisma.stockMovement.count(),
      prisma.inventoryLevel.findMany({
        orderBy: [{ variantId: "asc" }, { locationId: "asc" }],
        select: { variantId: true, locationId: true, onHand: true, reserved: true },
      }),
      prisma.receiptLayer.count(),
      prisma.stockReceipt.count(),
      prisma.transfer.count(),
      prisma.auditEntry.count(),
      prisma.outboxEvent.count(),
      prisma.reservation.count(),
    ]);
  return { movements, levels, layers, receipts, transfers, audits, events, reservations };
}

/** The caught error of a promise that must fail. */
export async function failure(promise: Promise<unknown>): Promise<{
  code?: string;
  fields?: Record<string, string[]>;
  message: string;
  publicMessage?: string;
}> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error("expected the call to fail, and it succeeded");
}
