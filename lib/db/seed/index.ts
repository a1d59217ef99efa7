import { hashSecret } from "../../auth/password";
import { refreshProductSearch } from "../../catalog/refresh-product-search";
import { AppError } from "../../errors";
import type { PrismaClient, Tx } from "../client";
import type {
  LocationKind,
  ProductStatus,
  SalesChannel,
  StaffRole,
} from "../generated/enums";
import { buildDemoData, type DemoData, type DemoHashes } from "./build";
import { LOCATION_SPECS } from "./locations";
import { CUSTOMER_SPECS, DEMO_PASSWORD, STAFF_SPECS } from "./people";
import { truncateAppTables, writeDemoData } from "./write";

export { buildDemoData, type DemoData } from "./build";
export { DEMO_PASSWORD } from "./people";
export { SEED_EPOCH } from "./time";

/** The seed used unless one is given: the same number always gives the same data. */
export const DEMO_SEED = 20261101;

/** A staff sign-in for the demo, as the start-up log prints it. */
export interface DemoSignIn {
  email: string;
  password: string;
  name: string;
  role: StaffRole;
  /** Location codes the person works at; empty for head office. */
  locationCodes: readonly string[];
  /** Location names for people, e.g. "London Covent Garden". */
  location: string;
  /** POS PIN for switching associate, for those who use a register. */
  pin: string | null;
}

/** Every demo staff account, one per line of the start-up log. */
export const DEMO_SIGN_INS: readonly DemoSignIn[] = STAFF_SPECS.map((spec) => ({
  email: spec.email,
  password: DEMO_PASSWORD,
  name: spec.name,
  role: spec.role,
  locationCodes: spec.locations,
  location: spec.locations.length
    ? spec.locations
        .map((code) => LOCATION_SPECS.find((l) => l.code === code)?.name ?? code)
        .join(", ")
    : "All locations",
  pin: spec.pin ?? null,
}));

/** Storefront accounts of demo customers (the same shared password). */
export const DEMO_CUSTOMER_SIGN_INS: readonly {
  email: string;
  password: string;
  name: string;
}[] = CUSTOMER_SPECS.filter((spec) => spec.hasAccount && spec.email).map((spec) => ({
  email: spec.email as string,
  password: DEMO_PASSWORD,
  name: `${spec.firstName} ${spec.lastName}`,
}));

export interface SeedOptions {
  /** Empty every app table first instead of refusing a database with data. */
  reset?: boolean;
  /** A different seed gives different (but equally consistent) data. */
  seed?: number;
}

export interface SeedSummary {
  seed: number;
  locations: number;
  locationsByKind: Record<LocationKind, number>;
  registers: number;
  staff: number;
  customers: number;
  categories: number;
  products: number;
  productsByStatus: Record<ProductStatus, number>;
  variants: number;
  inventoryLevels: number;
  unitsOnHand: number;
  stockMovements: number;
  orders: number;
  ordersByChannel: Record<SalesChannel, number>;
  durationMs: number;
}

/** Serialises concurrent seeds of one database; any constant key works. */
const SEED_LOCK_KEY = 7_243_101;

/**
 * Fills an empty database with the demo retailer: locations, catalogue,
 * stock (every unit received through the ledger), staff, customers and
 * a few weeks of orders. Refuses a database that has data unless `reset`.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? DEMO_SEED;

  // Fail fast before the slow hashing; checked again under the lock below.
  if (!options.reset) await refuseIfSeeded(prisma);
  const data = buildDemoData(seed, await hashDemoSecrets());

  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if (options.reset) await truncateAppTables(tx);
      else await refuseIfSeeded(tx);
      await writeDemoData(tx, data);
      // Search columns are derived; fill them as every catalogue write does.
      await refreshProductSearch(tx);
    },
    { maxWait: 30_000, timeout: 300_000 },
  );

  return summarise(data, seed, performance.now() - started);
}

async function refuseIfSeeded(db: PrismaClient | Tx): Promise<void> {
  const [products, locations] = await Promise.all([
    db.product.count(),
    db.location.count(),
  ]);
  if (products > 0 || locations > 0) {
    throw new AppError(
      "conflict",
      "The database already has data; demo data goes only into an empty one.",
      { internal: `seed refused: ${products} products, ${locations} locations present` },
    );
  }
}

/**
 * Argon2id hashes, as sign-in checks them: the shared password once and
 * each distinct PIN once, in parallel on libuv's thread pool.
 */
async function hashDemoSecrets(): Promise<DemoHashes> {
  const pins = [...new Set(STAFF_SPECS.flatMap((spec) => (spec.pin ? [spec.pin] : [])))];
  const [password, ...pinHashes] = await Promise.all([
    hashSecret(DEMO_PASSWORD),
    ...pins.map((pin) => hashSecret(pin)),
  ]);
  return {
    password: password as string,
    pins: new Map(pins.map((pin, i) => [pin, pinHashes[i] as string])),
  };
}

function countBy<K extends string>(
  keys: readonly K[],
  values: readonly K[],
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

function summarise(data: DemoData, seed: number, durationMs: number): SeedSummary {
  return {
    seed,
    locations: data.locations.length,
    locationsByKind: countBy(
      ["WAREHOUSE", "STORE", "DARK_STORE", "POPUP"],
      data.locations.map((l) => l.kind),
    ),
    registers: data.registers.length,
    staff: data.staff.length,
    customers: data.customers.length,
    categories: data.categories.length,
    products: data.products.length,
    productsByStatus: countBy(
      ["ACTIVE", "DRAFT", "ARCHIVED"],
      data.products.map((p) => p.status ?? "DRAFT"),
    ),
    variants: data.variants.length,
    inventoryLevels: data.inventoryLevels.length,
    unitsOnHand: data.inventoryLevels.reduce(
      (sum, level) => sum + (level.onHand ?? 0),
      0,
    ),
    stockMovements: data.stockMovements.length,
    orders: data.orders.length,
    ordersByChannel: countBy(
      ["WEB", "POS", "API"],
      data.orders.map((o) => o.channel),
    ),
    durationMs: Math.round(durationMs),
  };
}
