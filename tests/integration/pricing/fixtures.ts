/**
 * A small shop for pricing tests: one UK market, UK VAT, a London store
 * and a warehouse, a few products in a category tree and a collection, a
 * customer, and helpers to create promotions through the real domain code.
 */
import type { StaffActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import type { PromotionInput } from "@/lib/pricing";
import { createPromotion } from "@/lib/promotions";

export const OWNER: StaffActor = {
  kind: "staff",
  id: "00000000-0000-7000-8000-000000000001",
  email: "owner@example.com",
  name: "Olive Owner",
  role: "OWNER",
  locationIds: "all",
};

/** Monday 1 December 2025, noon in London. */
export const NOON = new Date("2025-12-01T12:00:00Z");

export interface Shop {
  store: { id: string };
  otherStore: { id: string };
  warehouse: { id: string };
  home: { id: string };
  fragrance: { id: string };
  kitchen: { id: string };
  giftIdeas: { id: string };
  candle: { productId: string; variantId: string };
  mug: { productId: string; variantId: string };
  draft: { variantId: string };
  customer: { id: string; email: string };
}

/** Creates the shop's rows; prices are tax-inclusive pence. */
export async function createShop(prisma: PrismaClient): Promise<Shop> {
  await prisma.settings.create({
    data: {
      businessName: "Test Shop",
      baseCurrency: "GBP",
      markets: [
        {
          code: "UK",
          name: "United Kingdom",
          currency: "GBP",
          countries: ["GB"],
          isTaxInclusive: true,
        },
      ],
    },
  });
  await prisma.taxRegion.create({
    data: {
      name: "United Kingdom",
      country: "GB",
      rates: {
        create: [
          { category: "STANDARD", ratePpm: 200_000 },
          { category: "REDUCED", ratePpm: 50_000 },
        ],
      },
    },
  });
  const place = (code: string, kind: "STORE" | "WAREHOUSE", postalCode: string) =>
    prisma.location.create({
      data: {
        code,
        name: code,
        kind,
        addressLine1: "1 High Street",
        city: "London",
        postalCode,
        country: "GB",
        latitude: 51.5,
        longitude: -0.12,
        timezone: "Europe/London",
        canSellInStore: kind === "STORE",
        canPickup: kind === "STORE",
        canShip: kind === "WAREHOUSE",
      },
    });
  const store = await place("STR-LDN", "STORE", "WC2E 9DP");
  const otherStore = await place("STR-MAN", "STORE", "M1 1AA");
  const warehouse = await place("WH-MID", "WAREHOUSE", "LE17 4XN");

  const home = await prisma.category.create({ data: { handle: "home", name: "Home" } });
  const fragrance = await prisma.category.create({
    data: { handle: "home-fragrance", name: "Candles", parentId: home.id },
  });
  const kitchen = await prisma.category.create({
    data: { handle: "home-kitchen", name: "Kitchen", parentId: home.id },
  });
  const product = async (
    handle: string,
    categoryId: string,
    priceMinor: number,
    status: "ACTIVE" | "DRAFT" = "ACTIVE",
  ) => {
    const row = await prisma.product.create({
      data: {
        handle,
        title: handle,
        categoryId,
        status,
        variants: { create: [{ sku: handle.toUpperCase(), priceMinor }] },
      },
      include: { variants: true },
    });
    return { productId: row.id, variantId: row.variants[0]?.id ?? "" };
  };
  const candle = await product("candle", fragrance.id, 1800);
  const mug = await product("mug", kitchen.id, 1200);
  const draft = await product("draft-mug", kitchen.id, 900, "DRAFT");

  const giftIdeas = await prisma.collection.create({
    data: {
      handle: "gift-ideas",
      title: "Gift ideas",
      products: { create: [{ productId: candle.productId }] },
    },
  });
  const customer = await prisma.customer.create({
    data: { firstName: "Freya", lastName: "Shopper", email: "freya@example.com" },
  });
  return {
    store,
    otherStore,
    warehouse,
    home,
    fragrance,
    kitchen,
    giftIdeas,
    candle,
    mug,
    draft,
    customer: { id: customer.id, email: "freya@example.com" },
  };
}

type Definition = Omit<PromotionInput, "id">;

/** Creates a promotion through the back-office's own domain function. */
export async function addPromotion(
  prisma: PrismaClient,
  definition: Partial<Definition> & Pick<Definition, "name">,
  options: { isActive?: boolean; code?: string } = {},
) {
  const saved = await createPromotion(prisma, OWNER, {
    isActive: options.isActive ?? true,
    definition: {
      currency: "GBP",
      benefit: {
        type: "order",
        reward: { kind: "percentage", percent: 10 },
      },
      ...definition,
    },
  });
  if (options.code) {
    await prisma.promotionCode.create({
      data: { promotionId: saved.id, code: options.code },
    });
  }
  return saved;
}

/** A percentage off every item. */
export const percentOff = (percent: number) =>
  ({
    type: "items",
    target: { scope: "all" },
    reward: { kind: "percentage", percent },
  }) as const;
