import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/password";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import type { PrismaClient } from "@/lib/db/client";
import { adjustTicket, clearTicketAdjustment } from "@/lib/pos/manual-adjustments";
import {
  recordAssociateSwitch,
  resolveTillOperator,
  signTillOperator,
  verifyTillOperator,
} from "@/lib/pos/till-operator";
import { loadReceipt } from "@/lib/receipts/load-receipt";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";
import { createShop, type Shop, testProviders } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

let testDb: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  testDb = await createTestDatabase();
  prisma = testDb.prisma;
});
afterAll(async () => {
  await testDb?.prisma.$disconnect();
});

const MANAGER_PIN = "4812";
const ASSOCIATE_PIN = "2468";

async function staffAt(
  shop: Shop,
  role: "STORE_MANAGER" | "ASSOCIATE",
  pin: string,
): Promise<StaffActor> {
  const user = await prisma.staffUser.create({
    data: {
      email: `${role.toLowerCase()}-${pin}-${shop.store.id}@shop.test`,
      name: role === "STORE_MANAGER" ? "Mina Manager" : "Ali Colleague",
      passwordHash: "not-used",
      role,
      pinHash: await hashSecret(pin),
      locations: { create: [{ locationId: shop.store.id }] },
    },
    include: { locations: { select: { locationId: true } } },
  });
  return staffActorFrom(user);
}

async function ticketWith(shop: Shop, actor: StaffActor) {
  const cart = await createCart(prisma, {
    actor,
    input: { channel: "POS", locationId: shop.store.id, registerId: shop.register.id },
  });
  const view = await addCartLine(prisma, {
    actor,
    cartId: cart.id,
    input: { variantId: shop.small.id, quantity: 2, fulfillment: "CARRY_OUT" },
  });
  const line = view.lines[0];
  if (!line) throw new Error("no line");
  return { cartId: cart.id, lineId: line.id };
}

describe("price overrides and manual discounts at the till", () => {
  it("overrides a price with a manager's PIN, audits both people and the figures, and prints it", async () => {
    const shop = await createShop(prisma);
    const manager = await staffAt(shop, "STORE_MANAGER", MANAGER_PIN);
    await prisma.staffUser.update({
      where: { id: shop.associate.id },
      data: { pinHash: await hashSecret(ASSOCIATE_PIN) },
    });
    const { cartId, lineId } = await ticketWith(shop, shop.associate);

    const view = await adjustTicket(prisma, {
      actor: shop.associate,
      input: {
        cartId,
        lineId,
        change: { kind: "price_override", unitPriceMinor: 1500 },
        reason: "Damaged box",
        approverPin: MANAGER_PIN,
      },
    });

    expect(view.lines[0]).toMatchObject({
      unitPriceMinor: 1500,
      listUnitPriceMinor: 2000,
      totalMinor: 3000,
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "pos.price_overridden", entityId: cartId },
    });
    expect(entry.actorId).toBe(shop.associate.id);
    expect(entry.before).toMatchObject({
      totalMinor: 4000,
      line: { unitPriceMinor: 2000, totalMinor: 4000 },
    });
    expect(entry.after).toMatchObject({
      totalMinor: 3000,
      line: { unitPriceMinor: 1500, listUnitPriceMinor: 2000 },
      requestedBy: { id: shop.associate.id },
      approvedBy: { id: manager.id, name: "Mina Manager" },
      adjustment: { kind: "price_override", unitPriceMinor: 1500, reason: "Damaged box" },
    });
    expect(
      await prisma.outboxEvent.count({
        where: { type: "pos.price_overridden", aggregateId: cartId },
      }),
    ).toBe(1);

    const placed = await placeOrder(prisma, {
      actor: shop.associate,
      cartId,
      idempotencyKey: `override-${cartId}`,
      input: { tenders: [{ kind: "cash", tenderedMinor: 3000 }] },
      providers: testProviders().providers,
    });
    expect(placed.outcome).toBe("placed");
    if (placed.outcome !== "placed") return;
    expect(placed.order.totalMinor).toBe(3000);
    const receipt = await loadReceipt(prisma, {
      actor: shop.associate,
      orderId: placed.order.id,
    });
    expect(receipt.lines[0]).toMatchObject({
      unitPriceMinor: 1500,
      priceOverride: { listUnitPriceMinor: 2000, reason: "Damaged box" },
    });
  });

  it("refuses a PIN that cannot approve, and changes nothing", async () => {
    const shop = await createShop(prisma);
    await staffAt(shop, "STORE_MANAGER", MANAGER_PIN);
    await prisma.staffUser.update({
      where: { id: shop.associate.id },
      data: { pinHash: await hashSecret(ASSOCIATE_PIN) },
    });
    const { cartId, lineId } = await ticketWith(shop, shop.associate);
    const ask = (approverPin: string) =>
      adjustTicket(prisma, {
        actor: shop.associate,
        input: {
          cartId,
          lineId,
          change: { kind: "percent_off", percent: 50 },
          reason: "Friend",
          approverPin,
        },
      });

    await expect(ask(ASSOCIATE_PIN)).rejects.toMatchObject({
      code: "forbidden",
      fields: { approverPin: ["Ask a manager to enter their PIN."] },
    });
    await expect(ask("9999")).rejects.toMatchObject({ code: "forbidden" });
    await expect(ask("12")).rejects.toMatchObject({ code: "invalid_input" });
    const line = await prisma.cartLine.findUniqueOrThrow({ where: { id: lineId } });
    expect(line.manualDiscount).toBeNull();
    expect(
      await prisma.auditEntry.count({
        where: { action: "pos.discount_applied", entityId: cartId },
      }),
    ).toBe(0);
  });

  it("names the field for bad input: a sale-wide override, no reason, 120 %", async () => {
    const shop = await createShop(prisma);
    const { cartId, lineId } = await ticketWith(shop, shop.associate);
    const base = { cartId, reason: "x", approverPin: MANAGER_PIN };

    await expect(
      adjustTicket(prisma, {
        actor: shop.associate,
        input: { ...base, change: { kind: "price_override", unitPriceMinor: 1 } },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { lineId: expect.anything() },
    });
    await expect(
      adjustTicket(prisma, {
        actor: shop.associate,
        input: {
          ...base,
          lineId,
          reason: " ",
          change: { kind: "amount_off", amountMinor: 1 },
        },
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { reason: expect.anything() },
    });
    await expect(
      adjustTicket(prisma, {
        actor: shop.associate,
        input: { ...base, lineId, change: { kind: "percent_off", percent: 120 } },
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("takes a sale discount and a line discount together, and removes one with an audit entry", async () => {
    const shop = await createShop(prisma);
    await staffAt(shop, "STORE_MANAGER", MANAGER_PIN);
    const { cartId, lineId } = await ticketWith(shop, shop.associate);
    await adjustTicket(prisma, {
      actor: shop.associate,
      input: {
        cartId,
        lineId,
        change: { kind: "amount_off", amountMinor: 500 },
        reason: "Pulled thread",
        approverPin: MANAGER_PIN,
      },
    });
    const view = await adjustTicket(prisma, {
      actor: shop.associate,
      input: {
        cartId,
        change: { kind: "percent_off", percent: 10 },
        reason: "Loyal customer",
        approverPin: MANAGER_PIN,
      },
    });

    // 4000 - 500 = 3500, then 10 % of the sale: 350.
    expect(view.totals.totalMinor).toBe(3150);
    expect(view.saleDiscountMinor).toBe(350);
    expect(view.lines[0]?.manualDiscountMinor).toBe(850);

    const cleared = await clearTicketAdjustment(prisma, {
      actor: shop.associate,
      input: { cartId, lineId, kind: "discount" },
    });
    expect(cleared.totals.totalMinor).toBe(3600);
    const removal = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "pos.adjustment_removed", entityId: cartId },
    });
    expect(removal.before).toMatchObject({ totalMinor: 3150 });
    expect(removal.after).toMatchObject({ totalMinor: 3600 });
  });

  it("refuses a storefront cart and a till of another store", async () => {
    const shop = await createShop(prisma);
    const web = await prisma.cart.create({ data: { channel: "WEB", currency: "GBP" } });
    await expect(
      adjustTicket(prisma, {
        actor: shop.associate,
        input: {
          cartId: web.id,
          change: { kind: "amount_off", amountMinor: 100 },
          reason: "x",
          approverPin: MANAGER_PIN,
        },
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });

    const { cartId } = await ticketWith(shop, shop.associate);
    const stranger = {
      ...shop.associate,
      id: "stranger",
      locationIds: [shop.otherStore.id],
    };
    await expect(
      adjustTicket(prisma, {
        actor: stranger,
        input: {
          cartId,
          change: { kind: "amount_off", amountMinor: 100 },
          reason: "x",
          approverPin: MANAGER_PIN,
        },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("switching associate at a shared till", () => {
  it("records the colleague, not the device's sign-in, on the sale and in the audit", async () => {
    const shop = await createShop(prisma);
    const colleague = await staffAt(shop, "ASSOCIATE", "1357");
    const secret = "test-secret";
    const token = signTillOperator(
      {
        device: shop.associate.id,
        operator: colleague.id,
        locationId: shop.store.id,
        exp: Date.now() + 60_000,
      },
      secret,
    );
    const claim = verifyTillOperator(token, { deviceStaffId: shop.associate.id, secret });
    const operator = await resolveTillOperator(prisma, { device: shop.associate, claim });
    expect(operator.id).toBe(colleague.id);
    await recordAssociateSwitch(prisma, {
      device: shop.associate,
      colleague,
      locationId: shop.store.id,
    });

    const { cartId } = await ticketWith(shop, operator);
    const placed = await placeOrder(prisma, {
      actor: operator,
      cartId,
      idempotencyKey: `switch-${cartId}`,
      input: { tenders: [{ kind: "cash", tenderedMinor: 4000 }] },
      providers: testProviders().providers,
    });
    expect(placed.outcome).toBe("placed");
    if (placed.outcome !== "placed") return;
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.order.id },
    });
    expect(order.staffId).toBe(colleague.id);
    const added = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "cart.line_added", entityId: cartId },
    });
    expect(added.actorId).toBe(colleague.id);
    expect(
      await prisma.auditEntry.count({
        where: { action: "pos.associate_switched", actorId: colleague.id },
      }),
    ).toBe(1);
  });

  it("ignores a token for another sign-in, an expired one and a forged one", async () => {
    const shop = await createShop(prisma);
    const colleague = await staffAt(shop, "ASSOCIATE", "1357");
    const secret = "test-secret";
    const claim = {
      device: shop.associate.id,
      operator: colleague.id,
      locationId: shop.store.id,
      exp: Date.now() + 60_000,
    };
    const token = signTillOperator(claim, secret);

    expect(verifyTillOperator(token, { deviceStaffId: "other", secret })).toBeNull();
    expect(
      verifyTillOperator(signTillOperator({ ...claim, exp: Date.now() - 1 }, secret), {
        deviceStaffId: shop.associate.id,
        secret,
      }),
    ).toBeNull();
    const [payload] = token.split(".");
    expect(
      verifyTillOperator(`${payload}.forged`, {
        deviceStaffId: shop.associate.id,
        secret,
      }),
    ).toBeNull();
    expect(
      verifyTillOperator(token, { deviceStaffId: shop.associate.id, secret: "other" }),
    ).toBeNull();

    await prisma.staffUser.update({
      where: { id: colleague.id },
      data: { isActive: false },
    });
    const operator = await resolveTillOperator(prisma, {
      device: shop.associate,
      claim: verifyTillOperator(token, { deviceStaffId: shop.associate.id, secret }),
    });
    expect(operator.id).toBe(shop.associate.id);
  });
});
