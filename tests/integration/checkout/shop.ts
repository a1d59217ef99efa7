/**
 * A small shop for checkout tests: a warehouse that ships, two stores
 * (one with tills and collection), a product with variants, stock received
 * through the ledger, a GB VAT region, a customer, an associate and an
 * API key actor. Each test file builds its own in its own database.
 */
import type { Actor, StaffActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { applyMovement } from "@/lib/inventory/apply-movement";
import type { CardProviders } from "@/lib/payments/card-providers";
import { TestCardProvider } from "@/lib/payments/test-card-provider";
import { testCardToken } from "@/lib/payments/test-cards";

let serial = 0;

export const ADDRESS = {
  name: "Ada Shopper",
  line1: "1 Test Street",
  city: "Leeds",
  postalCode: "LS1 1AA",
  country: "GB",
};

export const VISA = testCardToken("4242424242424242") as string;
export const DECLINED = testCardToken("4000000000000002") as string;
export const FAILING = testCardToken("4000000000000119") as string;

export async function createShop(prisma: PrismaClient) {
  serial += 1;
  const n = serial;
  const location = (code: string, extra: object) =>
    prisma.location.create({
      data: {
        code: `${code}-${n}`,
        name: `${code} ${n}`,
        addressLine1: "1 High Street",
        city: "Leeds",
        postalCode: "LS1 1AA",
        country: "GB",
        latitude: 53.8,
        longitude: -1.55,
        timezone: "Europe/London",
        kind: "STORE",
        ...extra,
      },
    });
  const warehouse = await location("WH", { kind: "WAREHOUSE", canShip: true });
  const store = await location("STR", {
    canSellInStore: true,
    canPickup: true,
    canShip: true,
  });
  const otherStore = await location("STO", { canSellInStore: true, canPickup: true });
  const register = await prisma.register.create({
    data: { locationId: store.id, name: `Till ${n}` },
  });

  const region = await prisma.taxRegion.findFirst({ where: { country: "GB" } });
  if (!region) {
    await prisma.taxRegion.create({
      data: {
        name: "United Kingdom",
        country: "GB",
        postalCodePrefixes: [],
        rates: {
          create: [
            { category: "STANDARD", ratePpm: 200_000 },
            { category: "REDUCED", ratePpm: 50_000 },
          ],
        },
      },
    });
  }

  const product = await prisma.product.create({
    data: {
      handle: `tee-${n}`,
      title: "Organic Tee",
      status: "ACTIVE",
      optionNames: ["Size"],
      variants: {
        create: [
          { sku: `TEE-S-${n}`, optionValues: ["S"], priceMinor: 2000 },
          { sku: `TEE-M-${n}`, optionValues: ["M"], priceMinor: 2500 },
          { sku: `MUG-${n}`, optionValues: ["One size"], priceMinor: 1200 },
        ],
      },
    },
    include: { variants: { orderBy: { sku: "asc" } } },
  });
  const [mug, medium, small] = product.variants as [
    (typeof product.variants)[number],
    (typeof product.variants)[number],
    (typeof product.variants)[number],
  ];

  const staffUser = await prisma.staffUser.create({
    data: {
      email: `associate-${n}@shop.test`,
      name: `Associate ${n}`,
      passwordHash: "not-used",
      role: "ASSOCIATE",
      locations: { create: [{ locationId: store.id }] },
    },
  });
  const associate: StaffActor = {
    kind: "staff",
    id: staffUser.id,
    email: staffUser.email,
    name: staffUser.name,
    role: "ASSOCIATE",
    locationIds: [store.id],
  };
  const customerRow = await prisma.customer.create({
    data: { email: `shopper-${n}@shop.test`, firstName: "Ada", lastName: "Shopper" },
  });
  const customer: Actor = {
    kind: "customer",
    id: customerRow.id,
    email: customerRow.email ?? "",
  };
  const apiKey: Actor = {
    kind: "api_key",
    id: `key-${n}`,
    name: "Marketplace",
    scopes: ["checkout:create", "orders:read", "orders:manage"],
  };

  return {
    warehouse,
    store,
    otherStore,
    register,
    product,
    small,
    medium,
    mug,
    associate,
    customer,
    customerId: customerRow.id,
    apiKey,
  };
}

export type Shop = Awaited<ReturnType<typeof createShop>>;

/** Receives units into a location through the ledger. */
export async function receive(
  prisma: PrismaClient,
  variantId: string,
  locationId: string,
  quantity: number,
) {
  await prisma.$transaction((tx) =>
    applyMovement(tx, {
      variantId,
      locationId,
      quantity,
      reason: "RECEIPT",
      sourceType: "test",
      actor: "system",
    }),
  );
}

/** A fresh TEST MODE provider whose journal counts this file's charges. */
export function testProviders(): {
  providers: CardProviders;
  testCard: TestCardProvider;
} {
  const testCard = new TestCardProvider();
  return { providers: { stripe: null, testCard }, testCard };
}

/** A level's on hand and reserved. */
export async function level(prisma: PrismaClient, variantId: string, locationId: string) {
  const row = await prisma.inventoryLevel.findUnique({
    where: { variantId_locationId: { variantId, locationId } },
  });
  return { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0 };
}
