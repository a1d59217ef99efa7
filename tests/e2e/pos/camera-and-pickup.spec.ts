import { expect, type Page, test } from "@playwright/test";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { createPrismaClient } from "@/lib/db/client";
import { advanceFulfillment } from "@/lib/orders/advance-fulfillment";
import {
  associatePhone,
  ean13Png,
  launchWithCamera,
  qrPng,
  writeY4m,
} from "../support/fake-camera";

function database() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run with npm run test:e2e");
  return createPrismaClient({ kind: "postgres", url });
}

async function openTill(page: Page, register: string) {
  await page.goto("/pos");
  await page.getByRole("button", { name: register, exact: true }).click();
  const shiftButton = page.getByRole("button", { name: /^(Open shift|Shift)$/ }).first();
  await expect(shiftButton).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("scanning an EAN-13 with the phone's camera adds the item once", async ({
  baseURL,
}) => {
  const prisma = database();
  const items = await prisma.variant.findMany({
    where: {
      isActive: true,
      barcode: { not: null },
      product: { status: "ACTIVE" },
      inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
    },
    select: { barcode: true, sku: true },
    orderBy: { sku: "asc" },
    take: 50,
  });
  await prisma.$disconnect();
  const item = items.find((v) => /^\d{13}$/.test(v.barcode ?? ""));
  if (!item?.barcode) throw new Error("the demo data has no EAN-13 on London's shelf");

  const video = await writeY4m(await ean13Png(item.barcode), "ean13");
  const browser = await launchWithCamera(video);
  try {
    const context = await associatePhone(browser, String(baseURL));
    const page = await context.newPage();
    await openTill(page, "Till 1");
    await page.getByRole("button", { name: "Camera", exact: true }).click();

    const line = page.getByTestId("ticket-line");
    await expect(line).toHaveCount(1, { timeout: 20_000 });
    await expect(line).toContainText(item.sku);
    // One steady aim at the same code adds it once, however many frames see it.
    await page.waitForTimeout(1500);
    await expect(line).toHaveCount(1);
    await expect(line.getByLabel("Quantity")).toHaveText("1");
  } finally {
    await browser.close();
  }
});

test("a pickup is handed over from the shopper's QR code: checked, paid and picked up", async ({
  baseURL,
}) => {
  const prisma = database();
  let orderNumber = "";
  let fulfillmentId = "";
  try {
    const london = await prisma.location.findUniqueOrThrow({
      where: { code: "STR-LDN" },
    });
    const customer = await prisma.customer.findFirstOrThrow({
      where: { email: { not: null } },
      orderBy: { email: "asc" },
    });
    const variant = await prisma.variant.findFirstOrThrow({
      where: {
        isActive: true,
        product: { status: "ACTIVE" },
        inventoryLevels: { some: { locationId: london.id, onHand: { gt: 10 } } },
      },
      orderBy: { sku: "desc" },
    });
    const actor = {
      kind: "customer" as const,
      id: customer.id,
      email: customer.email ?? "",
    };
    const cart = await createCart(prisma, { actor, input: {} });
    await addCartLine(prisma, {
      actor,
      cartId: cart.id,
      input: {
        variantId: variant.id,
        quantity: 1,
        fulfillment: "PICKUP",
        locationId: london.id,
      },
    });
    const placed = await placeOrder(prisma, {
      actor,
      cartId: cart.id,
      idempotencyKey: `e2e-pickup-${cart.id}`,
      input: { tenders: [], isPayAtPickup: true },
    });
    if (placed.outcome !== "placed") throw new Error(`not placed: ${placed.outcome}`);
    orderNumber = placed.order.number;
    const system = { kind: "system" as const, reason: "store staff prepare the order" };
    const fulfillment = await prisma.fulfillment.findFirstOrThrow({
      where: { orderId: placed.order.id, method: "PICKUP" },
    });
    fulfillmentId = fulfillment.id;
    for (const to of ["PICKING", "PACKED", "READY_FOR_PICKUP"] as const) {
      await advanceFulfillment(prisma, { actor: system, fulfillmentId, to });
    }
  } finally {
    await prisma.$disconnect();
  }

  const video = await writeY4m(await qrPng(orderNumber), "pickup-qr");
  const browser = await launchWithCamera(video);
  try {
    const context = await associatePhone(browser, String(baseURL));
    const page = await context.newPage();
    await openTill(page, "Till 1");
    await page.getByRole("button", { name: "Pickups", exact: true }).click();
    await expect(
      page.getByRole("list", { name: "Pickup queue" }).getByText(orderNumber),
    ).toBeVisible();

    await page.getByRole("button", { name: "Camera", exact: true }).click();
    const order = page.getByRole("region", { name: `Order ${orderNumber}` });
    await expect(order).toBeVisible({ timeout: 20_000 });
    await expect(
      order.getByRole("button", { name: "Take payment first" }),
    ).toBeDisabled();

    for (const box of await order.getByRole("checkbox").all()) await box.check();
    await order.getByLabel("Cash handed over").fill("500.00");
    await order.getByRole("button", { name: /^Take £/ }).click();
    await expect(order.getByText(/Change due: £/)).toBeVisible();
    await order.getByRole("button", { name: "Hand over" }).click();
    await expect(page.getByText(`Order ${orderNumber} picked up.`)).toBeVisible();
    await expect(
      page.getByRole("list", { name: "Pickup queue" }).getByText(orderNumber),
    ).toHaveCount(0);
  } finally {
    await browser.close();
  }

  const check = database();
  try {
    const done = await check.fulfillment.findUniqueOrThrow({
      where: { id: fulfillmentId },
    });
    expect(done.status).toBe("PICKED_UP");
    const order = await check.order.findUniqueOrThrow({
      where: { number: orderNumber },
      include: { payments: true },
    });
    expect(order.payments.every((p) => p.capturedMinor === p.amountMinor)).toBe(true);
    expect(order.payments.reduce((sum, p) => sum + p.capturedMinor, 0)).toBe(
      order.totalMinor,
    );
  } finally {
    await check.$disconnect();
  }
});
