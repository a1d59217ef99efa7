import { beforeAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { barcodeSvg } from "@/lib/receipts/barcode-svg";
import { encodeReceiptEscPos } from "@/lib/receipts/encode-escpos";
import { loadReceipt } from "@/lib/receipts/load-receipt";
import { renderReceiptHtml } from "@/lib/receipts/render-receipt-html";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createShop, DECLINED, receive, type Shop, testProviders, VISA } from "./shop";

let db: TestDatabase;
let shop: Shop;
const { providers } = testProviders();

beforeAll(async () => {
  db = await createTestDatabase();
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.medium.id, shop.store.id, 10);
  await db.prisma.settings.upsert({
    where: { id: "default" },
    create: {
      id: "default",
      businessName: "Northwind Goods",
      receiptFooter: "Thank you!",
    },
    update: { businessName: "Northwind Goods", receiptFooter: "Thank you!" },
  });
  await db.prisma.promotion.create({
    data: {
      name: "Tenner off over £40",
      benefitType: "order",
      channels: [],
      locationIds: [],
      currency: "GBP",
      definition: {
        name: "Tenner off over £40",
        currency: "GBP",
        conditions: { minSpend: 4000 },
        benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
      },
    },
  });
  const single = await db.prisma.promotion.create({
    data: {
      name: "Welcome code",
      benefitType: "order",
      channels: [],
      locationIds: [],
      requiresCode: true,
      definition: {
        name: "Welcome code",
        requiresCode: true,
        benefit: { type: "order", reward: { kind: "percentage", percent: 5 } },
      },
    },
  });
  await db.prisma.promotionCode.create({
    data: { promotionId: single.id, code: "WELCOME5", usageLimit: 1 },
  });
});

async function tillSale(quantity: number, codes: string[] = []) {
  const cart = await createCart(db.prisma, {
    actor: shop.associate,
    input: { locationId: shop.store.id, registerId: shop.register.id },
  });
  await addCartLine(db.prisma, {
    actor: shop.associate,
    cartId: cart.id,
    input: { variantId: shop.medium.id, quantity, fulfillment: "CARRY_OUT" },
  });
  await db.prisma.cart.update({ where: { id: cart.id }, data: { codes } });
  return cart;
}

describe("receipts", () => {
  it("shows lines, the promotion by name, VAT, tenders, change, till and barcode", async () => {
    const cart = await tillSale(2);
    const result = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "receipt-1",
      input: {
        tenders: [
          { kind: "card", token: VISA, amountMinor: 2000 },
          { kind: "cash", tenderedMinor: 5000 },
        ],
      },
      providers,
    });
    if (result.outcome !== "placed") throw new Error("not placed");

    const receipt = await loadReceipt(db.prisma, {
      actor: shop.associate,
      number: result.order.number,
    });
    expect(receipt).toMatchObject({
      orderNumber: result.order.number,
      business: { name: "Northwind Goods", footer: "Thank you!" },
      store: { name: shop.store.name },
      register: shop.register.name,
      associate: expect.stringContaining("Associate"),
      totals: {
        subtotalMinor: 5000,
        discountMinor: 1000,
        totalMinor: 4000,
        taxMinor: 667,
      },
      taxes: [{ label: "VAT 20%", taxMinor: 667 }],
      changeMinor: 3000,
      isTestMode: true,
      barcode: result.order.number,
    });
    expect(receipt.lines[0]?.discounts).toEqual([
      { name: "Tenner off over £40", amountMinor: 1000 },
    ]);
    expect(receipt.tenders.map((t) => t.label)).toEqual([
      "Visa ···· 4242 (TEST MODE)",
      "Cash",
    ]);

    const html = renderReceiptHtml(receipt, { barcodeSvg: barcodeSvg(receipt.barcode) });
    expect(html).toContain("Tenner off over £40");
    expect(html).toContain("TEST MODE");
    expect(html).toContain("<svg");

    const bytes = encodeReceiptEscPos(receipt);
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith("\x1b@")).toBe(true);
    for (const expected of [
      "Northwind Goods",
      `Order ${result.order.number}`,
      "Tenner off over",
      "VAT 20%",
      "Change",
      "TEST MODE",
    ]) {
      expect(text).toContain(expected);
    }
    // Code 128 barcode of the order number: GS k, then the data.
    expect(text).toContain("\x1dk");
    expect(text).toContain(result.order.number.slice(3));
    // A sale that took cash kicks the drawer (ESC p 0) before printing.
    expect(text.indexOf("\x1bp\x00")).toBeGreaterThan(0);
    const withoutDrawer = encodeReceiptEscPos(receipt, { openDrawer: false });
    expect(Buffer.from(withoutDrawer).toString("latin1")).not.toContain("\x1bp");
  });

  it("gives a single-use code back when the card is declined", async () => {
    const cart = await tillSale(1, ["WELCOME5"]);
    const declined = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "code-declined",
      input: { tenders: [{ kind: "card", token: DECLINED }] },
      providers,
    });
    expect(declined.outcome).toBe("payment_declined");
    const code = await db.prisma.promotionCode.findFirstOrThrow({
      where: { code: "WELCOME5" },
    });
    expect(code.timesUsed).toBe(0);
    const retry = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "code-approved",
      input: { tenders: [{ kind: "card", token: VISA }] },
      providers,
    });
    expect(retry.outcome).toBe("placed");
    expect(
      (await db.prisma.promotionCode.findFirstOrThrow({ where: { code: "WELCOME5" } }))
        .timesUsed,
    ).toBe(1);
  });

  it("has no receipt for a failed checkout or for a stranger", async () => {
    const order = await db.prisma.order.findFirstOrThrow({
      where: { status: "PAYMENT_FAILED" },
    });
    await expect(
      loadReceipt(db.prisma, { actor: shop.associate, number: order.number }),
    ).rejects.toMatchObject({ code: "not_found" });
    const placed = await db.prisma.order.findFirstOrThrow({
      where: { status: "COMPLETED" },
    });
    await expect(
      loadReceipt(db.prisma, { actor: shop.customer, number: placed.number }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
