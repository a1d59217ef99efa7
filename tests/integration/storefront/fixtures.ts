/**
 * A small clothing shop for the storefront's listing tests: a category
 * tree, a warehouse that ships, two stores that offer collection, and
 * products whose variants and stock are chosen so each filter has
 * something to include and something to leave out.
 */

import { refreshProductSearch } from "@/lib/catalog/refresh-product-search";
import type { PrismaClient } from "@/lib/db/client";
import { applyMovement } from "@/lib/inventory/apply-movement";

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

function location(prisma: PrismaClient, code: string, extra: object) {
  return prisma.location.create({
    data: {
      code,
      name: code,
      kind: "STORE",
      addressLine1: "1 High Street",
      city: "Leeds",
      postalCode: "LS1 1AA",
      country: "GB",
      latitude: 53.8,
      longitude: -1.55,
      timezone: "Europe/London",
      ...extra,
    },
  });
}

async function refreshSearch(prisma: PrismaClient) {
  await prisma.$transaction((tx) => refreshProductSearch(tx));
}

export async function createClothingShop(prisma: PrismaClient) {
  const women = await prisma.category.create({
    data: { handle: "women", name: "Women" },
  });
  const knitwear = await prisma.category.create({
    data: { handle: "women-knitwear", name: "Knitwear", parentId: women.id },
  });
  const tops = await prisma.category.create({
    data: { handle: "women-tops", name: "Tops", parentId: women.id },
  });
  const home = await prisma.category.create({ data: { handle: "home", name: "Home" } });

  const warehouse = await location(prisma, "WH", { kind: "WAREHOUSE", canShip: true });
  const leeds = await location(prisma, "STR-LDS", {
    canPickup: true,
    canSellInStore: true,
  });
  const york = await location(prisma, "STR-YRK", {
    canPickup: true,
    canSellInStore: true,
  });

  const product = async (
    handle: string,
    title: string,
    categoryId: string,
    variants: { sku: string; values: string[]; price: number }[],
    extra: object = {},
  ) =>
    prisma.product.create({
      data: {
        handle,
        title,
        categoryId,
        status: "ACTIVE",
        optionNames: ["Size", "Colour"],
        variants: {
          create: variants.map((v, position) => ({
            sku: v.sku,
            optionValues: v.values,
            priceMinor: v.price,
            position,
          })),
        },
        ...extra,
      },
      include: { variants: { orderBy: { position: "asc" } } },
    });

  // M only in Black, Navy only in L: "M in Navy" must not find it.
  const jumper = await product("merino-jumper", "Merino Jumper", knitwear.id, [
    { sku: "JMP-M-BLK", values: ["M", "Black"], price: 6900 },
    { sku: "JMP-L-NVY", values: ["L", "Navy"], price: 6900 },
  ]);
  const cardigan = await product(
    "cashmere-cardigan",
    "Cashmere Cardigan",
    knitwear.id,
    [
      { sku: "CRD-M-NVY", values: ["M", "Navy"], price: 9500 },
      { sku: "CRD-S-NVY", values: ["S", "Navy"], price: 9500 },
    ],
    { isFeatured: true },
  );
  const tee = await product("crew-tee", "Crew Tee", tops.id, [
    { sku: "TEE-S-WHT", values: ["S", "White"], price: 1800 },
    { sku: "TEE-M-WHT", values: ["M", "White"], price: 1800 },
  ]);
  const draft = await product(
    "secret-jumper",
    "Secret Jumper",
    knitwear.id,
    [{ sku: "SEC-M-NVY", values: ["M", "Navy"], price: 5000 }],
    { status: "DRAFT" },
  );
  const candle = await prisma.product.create({
    data: {
      handle: "fig-candle",
      title: "Fig Candle",
      categoryId: home.id,
      status: "ACTIVE",
      optionNames: ["Scent"],
      variants: { create: [{ sku: "CAN-FIG", optionValues: ["Fig"], priceMinor: 2400 }] },
    },
    include: { variants: true },
  });

  const [jumperM, jumperL] = jumper.variants;
  const [cardiganM, cardiganS] = cardigan.variants;
  const [teeS] = tee.variants;
  if (!jumperM || !jumperL || !cardiganM || !cardiganS || !teeS)
    throw new Error("fixture");
  // The jumper ships from the warehouse; the cardigan's M is only in York;
  // the tee's S is in Leeds but all of it is promised as safety stock.
  await receive(prisma, jumperM.id, warehouse.id, 5);
  await receive(prisma, jumperL.id, warehouse.id, 2);
  await receive(prisma, cardiganM.id, york.id, 3);
  await receive(prisma, teeS.id, leeds.id, 2);
  await prisma.inventoryLevel.update({
    where: { variantId_locationId: { variantId: teeS.id, locationId: leeds.id } },
    data: { safetyStock: 2 },
  });

  // What catalogue changes do after every write: the search columns.
  await refreshSearch(prisma);

  return {
    categories: { women, knitwear, tops, home },
    locations: { warehouse, leeds, york },
    products: { jumper, cardigan, tee, draft, candle },
  };
}
