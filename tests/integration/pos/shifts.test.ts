import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/auth/password";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import type { PrismaClient } from "@/lib/db/client";
import { closeShift } from "@/lib/pos/close-shift";
import { openShift } from "@/lib/pos/open-shift";
import { recordCashMovement } from "@/lib/pos/record-cash-movement";
import { buildShiftReport } from "@/lib/pos/shift-report";
import { approveByPin, switchAssociate } from "@/lib/pos/verify-pin";
import { createShop, testProviders, VISA } from "../checkout/shop";
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

async function sell(
  shop: Awaited<ReturnType<typeof createShop>>,
  tenders: unknown[],
  key: string,
) {
  const cart = await createCart(prisma, {
    actor: shop.associate,
    input: { channel: "POS", locationId: shop.store.id, registerId: shop.register.id },
  });
  await addCartLine(prisma, {
    actor: shop.associate,
    cartId: cart.id,
    input: { variantId: shop.small.id, quantity: 1, fulfillment: "CARRY_OUT" },
  });
  return placeOrder(prisma, {
    actor: shop.associate,
    cartId: cart.id,
    idempotencyKey: key,
    input: { tenders: tenders as never },
    providers: testProviders().providers,
  });
}

describe("shifts", () => {
  it("closes with the expected cash from float, cash sales and pay-outs, and the variance", async () => {
    const shop = await createShop(prisma);
    const shift = await openShift(prisma, {
      actor: shop.associate,
      input: { registerId: shop.register.id, openingFloatMinor: 10_000 },
    });
    const cash = await sell(shop, [{ kind: "cash", tenderedMinor: 5000 }], "cash-1");
    expect(cash.outcome).toBe("placed");
    const total = cash.outcome === "placed" ? cash.order.totalMinor : 0;
    const split = await sell(
      shop,
      [
        { kind: "cash", amountMinor: 500, tenderedMinor: 500 },
        { kind: "card", token: VISA },
      ],
      "split-1",
    );
    expect(split.outcome).toBe("placed");
    await recordCashMovement(prisma, {
      actor: shop.associate,
      input: { shiftId: shift.id, kind: "PAY_OUT", amountMinor: 300, reason: "Milk" },
    });

    const x = await buildShiftReport(prisma, { shiftId: shift.id });
    expect(x.orderCount).toBe(2);
    expect(x.cash.expectedMinor).toBe(10_000 + total + 500 - 300);
    expect(x.byTender.find((t) => t.provider === "TEST_CARD")?.amountMinor).toBe(
      total - 500,
    );

    const z = await closeShift(prisma, {
      actor: shop.associate,
      input: { shiftId: shift.id, countedCashMinor: 10_000 + total + 500 - 300 - 200 },
    });
    expect(z.cash.varianceMinor).toBe(-200);
    expect(z.closedAt).not.toBeNull();
    const stored = await prisma.shift.findUniqueOrThrow({ where: { id: shift.id } });
    expect(stored).toMatchObject({
      status: "CLOSED",
      openRegisterId: null,
      varianceMinor: -200,
    });
    const audit = await prisma.auditEntry.findMany({ where: { entityId: shift.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["shift.cash_moved", "shift.closed", "shift.opened"].sort(),
    );
  });

  it("opens one shift per register when two associates race, and refuses closing twice", async () => {
    const shop = await createShop(prisma);
    const attempts = await Promise.allSettled(
      [1, 2].map(() =>
        openShift(prisma, {
          actor: shop.associate,
          input: { registerId: shop.register.id, openingFloatMinor: 5000 },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const open = attempts.find((a) => a.status === "fulfilled");
    const shiftId = open?.status === "fulfilled" ? open.value.id : "";
    await closeShift(prisma, {
      actor: shop.associate,
      input: { shiftId, countedCashMinor: 5000 },
    });
    await expect(
      closeShift(prisma, {
        actor: shop.associate,
        input: { shiftId, countedCashMinor: 5000 },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a negative float, and an associate of another store", async () => {
    const shop = await createShop(prisma);
    await expect(
      openShift(prisma, {
        actor: shop.associate,
        input: { registerId: shop.register.id, openingFloatMinor: -1 },
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const stranger = {
      ...shop.associate,
      id: "someone",
      locationIds: [shop.otherStore.id],
    };
    await expect(
      openShift(prisma, {
        actor: stranger,
        input: { registerId: shop.register.id, openingFloatMinor: 100 },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.shift.count({ where: { registerId: shop.register.id } })).toBe(0);
  });
});

describe("PINs at the register", () => {
  it("approves a price override only with a manager's PIN, and audits who approved", async () => {
    const shop = await createShop(prisma);
    const manager = await prisma.staffUser.create({
      data: {
        email: `manager-${shop.store.id}@shop.test`,
        name: "Manager",
        passwordHash: "not-used",
        role: "STORE_MANAGER",
        pinHash: await hashSecret("4812"),
        locations: { create: [{ locationId: shop.store.id }] },
      },
    });
    await prisma.staffUser.update({
      where: { id: shop.associate.id },
      data: { pinHash: await hashSecret("2468") },
    });
    const request = (pin: string) =>
      approveByPin(prisma, {
        actor: shop.associate,
        permission: "pos:override_price",
        action: "pos.price_override_approved",
        entityType: "cart",
        entityId: "cart-1",
        detail: { lineId: "line-1", unitPriceMinor: 1500 },
        input: { locationId: shop.store.id, pin },
      });

    await expect(request("2468")).rejects.toMatchObject({ code: "forbidden" });
    await expect(request("9999")).rejects.toMatchObject({ code: "forbidden" });
    await expect(request("12")).rejects.toMatchObject({ code: "invalid_input" });
    const approver = await request("4812");
    expect(approver.id).toBe(manager.id);
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "pos.price_override_approved", entityId: "cart-1" },
    });
    expect(entry.actorId).toBe(manager.id);
    expect(entry.after).toMatchObject({
      requestedBy: shop.associate.id,
      unitPriceMinor: 1500,
    });
  });

  it("switches associate by PIN and refuses a wrong one", async () => {
    const shop = await createShop(prisma);
    await prisma.staffUser.update({
      where: { id: shop.associate.id },
      data: { pinHash: await hashSecret("2468") },
    });
    const who = await switchAssociate(prisma, {
      actor: shop.associate,
      input: { locationId: shop.store.id, pin: "2468" },
    });
    expect(who.id).toBe(shop.associate.id);
    await expect(
      switchAssociate(prisma, {
        actor: shop.associate,
        input: { locationId: shop.store.id, pin: "0000" },
      }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
