import type { Prisma } from "../generated/client";
import { buildCatalog } from "./build-catalog";
import {
  buildOrders,
  type SeedCustomer,
  type SeedRegister,
  type SeedStaff,
} from "./build-orders";
import { buildStock, type SeedLocation } from "./build-stock";
import { demoHours, LOCATION_SPECS, locationOpenedAt } from "./locations";
import { CUSTOMER_SPECS, STAFF_SPECS } from "./people";
import { buildPricingData, type PricingDemoData } from "./promotions";
import { seedId } from "./random";
import { daysBefore, SEED_EPOCH } from "./time";

/** Argon2id hashes made before the transaction: they are slow, so once each. */
export interface DemoHashes {
  /** The shared demo password's hash, reused by every account. */
  password: string;
  /** PIN to its hash. */
  pins: ReadonlyMap<string, string>;
}

/** Every row of the demo data, in insertion order per table. */
export interface DemoData extends PricingDemoData {
  locations: Prisma.LocationCreateManyInput[];
  registers: Prisma.RegisterCreateManyInput[];
  staff: Prisma.StaffUserCreateManyInput[];
  staffLocations: Prisma.StaffLocationCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  categories: Prisma.CategoryCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  variants: Prisma.VariantCreateManyInput[];
  inventoryLevels: Prisma.InventoryLevelCreateManyInput[];
  stockMovements: Prisma.StockMovementCreateManyInput[];
  orders: Prisma.OrderCreateManyInput[];
  fulfillments: Prisma.FulfillmentCreateManyInput[];
  orderLines: Prisma.OrderLineCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  auditEntries: Prisma.AuditEntryCreateManyInput[];
}

/** Builds the whole demo data set in memory; a pure function of the seed and hashes. */
export function buildDemoData(seed: number, hashes: DemoHashes): DemoData {
  const locations = LOCATION_SPECS.map((spec) => ({
    spec,
    id: seedId(seed, `location:${spec.code}`, locationOpenedAt(spec)),
  }));
  const locationId = (code: string) =>
    seedId(seed, `location:${code}`, locationOpenedAt(specOf(code)));

  const registers: SeedRegister[] = locations.flatMap((location) =>
    location.spec.registers.map((name) => ({
      id: seedId(
        seed,
        `register:${location.spec.code}:${name}`,
        locationOpenedAt(location.spec),
      ),
      locationCode: location.spec.code,
      name,
    })),
  );

  const staff: SeedStaff[] = STAFF_SPECS.map((spec) => ({
    spec,
    id: seedId(seed, `staff:${spec.email}`, staffJoinedAt(spec.locations)),
  }));
  const customers: SeedCustomer[] = CUSTOMER_SPECS.map((spec) => ({
    spec,
    id: seedId(seed, `customer:${spec.key}`, daysBefore(spec.joinedDaysAgo, 12)),
  }));

  // Deliveries are signed for by the warehouse team or the store manager.
  const receiver = (code: string) => {
    const roles = ["FULFILLMENT", "STORE_MANAGER"];
    const member = staff.find(
      (s) => s.spec.locations.includes(code) && roles.includes(s.spec.role),
    );
    return member ? `staff:${member.id}` : "system";
  };
  const seedLocations: SeedLocation[] = locations.map((location) => ({
    ...location,
    receiverActor: receiver(location.spec.code),
  }));

  const catalog = buildCatalog(seed);
  const book = buildStock(seed, catalog.variants, seedLocations);
  const orders = buildOrders({
    seed,
    variants: catalog.variants,
    locations: seedLocations,
    staff,
    customers,
    registers,
    book,
  });

  return {
    locations: locations.map(({ id, spec }) => ({
      id,
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      addressLine1: spec.addressLine1,
      addressLine2: spec.addressLine2 ?? null,
      city: spec.city,
      region: spec.region,
      postalCode: spec.postalCode,
      country: "GB",
      latitude: spec.latitude,
      longitude: spec.longitude,
      timezone: "Europe/London",
      phone: spec.phone,
      canSellInStore: spec.canSellInStore,
      canShip: spec.canShip,
      canPickup: spec.canPickup,
      dailyCapacity: spec.dailyCapacity,
      ...demoHours(spec),
      isActive: true,
      createdAt: locationOpenedAt(spec),
      updatedAt: locationOpenedAt(spec),
    })),
    registers: registers.map(({ id, locationCode, name }) => ({
      id,
      locationId: locationId(locationCode),
      name,
      isActive: true,
      createdAt: locationOpenedAt(specOf(locationCode)),
    })),
    staff: staff.map(({ id, spec }) => ({
      id,
      email: spec.email,
      name: spec.name,
      passwordHash: hashes.password,
      role: spec.role,
      pinHash: spec.pin ? requireHash(hashes.pins, spec.pin) : null,
      isActive: true,
      createdAt: staffJoinedAt(spec.locations),
      updatedAt: staffJoinedAt(spec.locations),
    })),
    staffLocations: staff.flatMap(({ id, spec }) =>
      spec.locations.map((code) => ({ staffId: id, locationId: locationId(code) })),
    ),
    customers: customers.map(({ id, spec }) => ({
      id,
      email: spec.email,
      firstName: spec.firstName,
      lastName: spec.lastName,
      phone: spec.phone,
      passwordHash: spec.hasAccount ? hashes.password : null,
      isTaxExempt: false,
      groups: [...spec.groups],
      marketingOptIn: spec.marketingOptIn,
      createdAt: daysBefore(spec.joinedDaysAgo, 12),
      updatedAt: daysBefore(spec.joinedDaysAgo, 12),
    })),
    categories: catalog.categories,
    products: catalog.products,
    variants: catalog.variants.map((variant) => variant.row),
    inventoryLevels: [...book.levels.values()],
    stockMovements: book.movements,
    ...orders,
    ...buildPricingData(seed, {
      categories: catalog.categories,
      products: catalog.products,
      orders: orders.orders,
    }),
    auditEntries: [
      {
        id: seedId(seed, "audit:demo-data", SEED_EPOCH),
        actorKind: "SYSTEM",
        actorId: null,
        actorLabel: "Demo data seed",
        action: "demo_data.seeded",
        entityType: "database",
        entityId: "demo",
        after: {
          seed,
          products: catalog.products.length,
          variants: catalog.variants.length,
          orders: orders.orders.length,
        },
        createdAt: SEED_EPOCH,
      },
    ],
  };
}

function staffJoinedAt(locationCodes: readonly string[]): Date {
  const opened = LOCATION_SPECS.filter((spec) => locationCodes.includes(spec.code)).map(
    (spec) => spec.openedDaysAgo,
  );
  // Head-office staff were there from the first day.
  return daysBefore(opened.length ? Math.max(...opened) : 640, 9);
}

function specOf(code: string): (typeof LOCATION_SPECS)[number] {
  const spec = LOCATION_SPECS.find((candidate) => candidate.code === code);
  if (!spec) throw new Error(`Unknown demo location ${code}`);
  return spec;
}

function requireHash(hashes: ReadonlyMap<string, string>, pin: string): string {
  const hash = hashes.get(pin);
  if (!hash) throw new Error("A demo PIN was not hashed");
  return hash;
}
