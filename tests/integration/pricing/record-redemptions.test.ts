import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { type RedeemedPromotion, recordRedemptions } from "@/lib/promotions";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { addPromotion, createShop, percentOff, type Shop } from "./fixtures";

/** Resolves once `size` callers are waiting, so their transactions truly overlap. */
function barrier(size: number) {
  let waiting = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return async () => {
    waiting += 1;
    if (waiting === size) open();
    await opened;
  };
}

let orderSeq = 0;

/**
 * Places an order and counts its promotions in one transaction, as
 * checkout does; resolves to whether the order went through.
 */
async function checkout(
  prisma: PrismaClient,
  options: {
    customerId?: string | null;
    customerKey?: string | null;
    applied: RedeemedPromotion[];
    beforeCounting?: () => Promise<void>;
    orderId?: string;
  },
): Promise<"placed" | "refused"> {
  try {
    await prisma.$transaction(
      async (tx) => {
        orderSeq += 1;
        const order = options.orderId
          ? { id: options.orderId }
          : await tx.order.create({
              data: {
                number: `OT-T${String(orderSeq).padStart(5, "0")}`,
                channel: "WEB",
                currency: "GBP",
                customerId: options.customerId ?? null,
                subtotalMinor: 5000,
                totalMinor: 4500,
              },
            });
        await options.beforeCounting?.();
        await recordRedemptions(tx, {
          orderId: order.id,
          currency: "GBP",
          customerId: options.customerId ?? null,
          customerKey: options.customerKey ?? options.customerId ?? null,
          applied: options.applied,
        });
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
    return "placed";
  } catch (error) {
    if ((error as { code?: string }).code === "conflict") return "refused";
    throw error;
  }
}

const count = (outcomes: string[], what: string) =>
  outcomes.filter((o) => o === what).length;

describe("counting redemptions at order placement", () => {
  let db: TestDatabase;
  let shop: Shop;

  beforeAll(async () => {
    db = await createTestDatabase();
    shop = await createShop(db.prisma);
  });

  it("lets exactly the limit of eight racing checkouts redeem a promotion", async () => {
    const limited = await addPromotion(db.prisma, {
      name: "First three orders",
      usageLimit: 3,
      benefit: percentOff(10),
    });
    const ready = barrier(8);

    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        checkout(db.prisma, {
          applied: [{ promotionId: limited.id, code: null, amount: 500 }],
          beforeCounting: ready,
        }),
      ),
    );

    expect(count(outcomes, "placed")).toBe(3);
    expect(count(outcomes, "refused")).toBe(5);
    const row = await db.prisma.promotion.findUniqueOrThrow({
      where: { id: limited.id },
    });
    expect(row.timesRedeemed).toBe(3);
    expect(
      await db.prisma.promotionRedemption.count({ where: { promotionId: limited.id } }),
    ).toBe(3);
  });

  it("redeems a single-use code once when five registers race with it", async () => {
    const vip = await addPromotion(
      db.prisma,
      { name: "VIP code", requiresCode: true, benefit: percentOff(20) },
      { code: "VIP-ONCE" },
    );
    await db.prisma.promotionCode.update({
      where: { code: "VIP-ONCE" },
      data: { usageLimit: 1 },
    });
    const ready = barrier(5);

    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        checkout(db.prisma, {
          applied: [{ promotionId: vip.id, code: "vip-once", amount: 1000 }],
          beforeCounting: ready,
        }),
      ),
    );

    expect(count(outcomes, "placed")).toBe(1);
    const code = await db.prisma.promotionCode.findUniqueOrThrow({
      where: { code: "VIP-ONCE" },
      include: { redemptions: true },
    });
    expect(code.timesUsed).toBe(1);
    expect(code.redemptions).toHaveLength(1);
    // A refused order leaves nothing behind, not even its promotion count.
    const promotion = await db.prisma.promotion.findUniqueOrThrow({
      where: { id: vip.id },
    });
    expect(promotion.timesRedeemed).toBe(1);
  });

  it("holds the per-customer limit when one customer checks out on four devices", async () => {
    const welcome = await addPromotion(db.prisma, {
      name: "Welcome gift",
      usageLimitPerCustomer: 1,
      benefit: percentOff(15),
    });
    const other = await db.prisma.customer.create({
      data: { firstName: "Arjun", lastName: "Other", email: "arjun@example.com" },
    });
    const ready = barrier(4);

    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        checkout(db.prisma, {
          customerId: shop.customer.id,
          applied: [{ promotionId: welcome.id, code: null, amount: 750 }],
          beforeCounting: ready,
        }),
      ),
    );
    const someoneElse = await checkout(db.prisma, {
      customerId: other.id,
      applied: [{ promotionId: welcome.id, code: null, amount: 750 }],
    });

    expect(count(outcomes, "placed")).toBe(1);
    expect(someoneElse).toBe("placed");
    const usage = await db.prisma.promotionCustomerUsage.findMany({
      where: { promotionId: welcome.id },
      orderBy: { customerKey: "asc" },
    });
    expect(usage.map((u) => u.timesRedeemed)).toEqual([1, 1]);
  });

  it("counts nothing twice when an order placement is retried", async () => {
    const sale = await addPromotion(db.prisma, {
      name: "Retry-safe",
      benefit: percentOff(5),
    });
    const order = await db.prisma.order.create({
      data: {
        number: "OT-RETRY1",
        channel: "POS",
        currency: "GBP",
        subtotalMinor: 2000,
        totalMinor: 1900,
      },
    });
    const applied = [{ promotionId: sale.id, code: null, amount: 100 }];

    const first = await db.prisma.$transaction((tx) =>
      recordRedemptions(tx, { orderId: order.id, currency: "GBP", applied }),
    );
    const again = await db.prisma.$transaction((tx) =>
      recordRedemptions(tx, { orderId: order.id, currency: "GBP", applied }),
    );

    expect(first.recorded).toEqual([sale.id]);
    expect(again.recorded).toEqual([]);
    const row = await db.prisma.promotion.findUniqueOrThrow({ where: { id: sale.id } });
    expect(row.timesRedeemed).toBe(1);
  });

  it("refuses a per-customer promotion for an anonymous sale", async () => {
    const members = await addPromotion(db.prisma, {
      name: "Members once",
      usageLimitPerCustomer: 2,
      benefit: percentOff(5),
    });

    const outcome = await checkout(db.prisma, {
      applied: [{ promotionId: members.id, code: null, amount: 100 }],
    });

    expect(outcome).toBe("refused");
    expect(
      await db.prisma.promotionRedemption.count({ where: { promotionId: members.id } }),
    ).toBe(0);
  });

  it("does not deadlock when two orders count the same promotions", async () => {
    const a = await addPromotion(db.prisma, { name: "Stack A", benefit: percentOff(5) });
    const b = await addPromotion(db.prisma, { name: "Stack B", benefit: percentOff(5) });
    const ready = barrier(6);

    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        checkout(db.prisma, {
          // Half list them one way round, half the other.
          applied:
            i % 2 === 0
              ? [
                  { promotionId: a.id, code: null, amount: 100 },
                  { promotionId: b.id, code: null, amount: 100 },
                ]
              : [
                  { promotionId: b.id, code: null, amount: 100 },
                  { promotionId: a.id, code: null, amount: 100 },
                ],
          beforeCounting: ready,
        }),
      ),
    );

    expect(outcomes).toEqual(Array(6).fill("placed"));
    const rows = await db.prisma.promotion.findMany({
      where: { id: { in: [a.id, b.id] } },
    });
    expect(rows.map((r) => r.timesRedeemed)).toEqual([6, 6]);
  });

  it("refuses a promotion that no longer exists", async () => {
    const outcome = checkout(db.prisma, {
      applied: [{ promotionId: "gone", code: null, amount: 100 }],
    });
    await expect(outcome).rejects.toMatchObject({ code: "not_found" });
  });
});
