import { describe, expect, it } from "vitest";
import {
  assertFulfillmentMove,
  assertOrderMove,
  canMoveFulfillment,
  canMoveOrder,
  captureStatusFor,
  FULFILLMENT_TRANSITIONS,
  ORDER_TRANSITIONS,
  paymentStatusFor,
  settledOrderStatus,
} from "@/lib/orders/state-machine";

describe("order transitions", () => {
  it.each([
    ["PENDING_PAYMENT", "AUTHORIZED", true],
    ["PENDING_PAYMENT", "PAYMENT_FAILED", true],
    ["PENDING_PAYMENT", "CANCELLED", false],
    ["PLACED", "AUTHORIZED", true],
    ["PLACED", "CANCELLED", true],
    ["AUTHORIZED", "PARTIALLY_CAPTURED", true],
    ["AUTHORIZED", "PLACED", true],
    ["PARTIALLY_CAPTURED", "CAPTURED", true],
    ["CAPTURED", "COMPLETED", true],
    ["CAPTURED", "AUTHORIZED", false],
    ["COMPLETED", "CANCELLED", false],
    ["CANCELLED", "PLACED", false],
    ["PAYMENT_FAILED", "AUTHORIZED", false],
  ] as const)("%s -> %s is %s", (from, to, allowed) => {
    expect(canMoveOrder(from, to)).toBe(allowed);
  });

  it("treats staying put as no move and names a refused one", () => {
    expect(() => assertOrderMove("CAPTURED", "CAPTURED")).not.toThrow();
    expect(() => assertOrderMove("COMPLETED", "PLACED")).toThrowError(
      expect.objectContaining({
        code: "conflict",
        publicMessage: "An order that is completed cannot become placed.",
      }),
    );
  });

  it("has terminal states with no way out", () => {
    for (const status of ["COMPLETED", "CANCELLED", "PAYMENT_FAILED"] as const) {
      expect(ORDER_TRANSITIONS[status]).toEqual([]);
    }
  });
});

describe("fulfillment transitions", () => {
  const table = [
    ["SHIP", "ALLOCATED", "PICKING", true],
    ["SHIP", "PICKING", "PACKED", true],
    ["SHIP", "PACKED", "SHIPPED", true],
    ["SHIP", "SHIPPED", "DELIVERED", true],
    ["SHIP", "PACKED", "READY_FOR_PICKUP", false],
    ["SHIP", "SHIPPED", "CANCELLED", false],
    ["SHIP", "ALLOCATED", "SHIPPED", false],
    ["PICKUP", "PACKED", "READY_FOR_PICKUP", true],
    ["PICKUP", "READY_FOR_PICKUP", "PICKED_UP", true],
    ["PICKUP", "READY_FOR_PICKUP", "CANCELLED", true],
    ["PICKUP", "PACKED", "SHIPPED", false],
    ["PICKUP", "PICKED_UP", "CANCELLED", false],
    ["CARRY_OUT", "ALLOCATED", "PICKED_UP", true],
    ["CARRY_OUT", "ALLOCATED", "PICKING", false],
    ["CARRY_OUT", "PICKED_UP", "CANCELLED", false],
  ] as const;

  it.each(table)("%s: %s -> %s is %s", (method, from, to, allowed) => {
    expect(canMoveFulfillment(method, from, to)).toBe(allowed);
  });

  it("refuses with a conflict naming the method", () => {
    expect(() => assertFulfillmentMove("SHIP", "DELIVERED", "CANCELLED")).toThrowError(
      expect.objectContaining({
        code: "conflict",
        publicMessage: "A ship fulfillment that is delivered cannot become cancelled.",
      }),
    );
  });

  it("lets every open status be cancelled and no finished one", () => {
    for (const [method, moves] of Object.entries(FULFILLMENT_TRANSITIONS)) {
      for (const [from, next] of Object.entries(moves)) {
        const isFinished = ["SHIPPED", "DELIVERED", "PICKED_UP", "CANCELLED"].includes(
          from,
        );
        const isUsed = next.length > 0 || isFinished;
        if (!isUsed) continue;
        expect([method, from, next.includes("CANCELLED")]).toEqual([
          method,
          from,
          !isFinished,
        ]);
      }
    }
  });

  it("captures at the counter, at shipment or at handover", () => {
    expect(captureStatusFor("SHIP")).toBe("SHIPPED");
    expect(captureStatusFor("PICKUP")).toBe("PICKED_UP");
    expect(captureStatusFor("CARRY_OUT")).toBe("PICKED_UP");
  });
});

describe("payment status from amounts", () => {
  it.each([
    [
      { amountMinor: 1000, capturedMinor: 0, voidedMinor: 0, refundedMinor: 0 },
      "AUTHORIZED",
    ],
    [
      { amountMinor: 1000, capturedMinor: 400, voidedMinor: 0, refundedMinor: 0 },
      "AUTHORIZED",
    ],
    [
      { amountMinor: 1000, capturedMinor: 400, voidedMinor: 600, refundedMinor: 0 },
      "CAPTURED",
    ],
    [
      { amountMinor: 1000, capturedMinor: 0, voidedMinor: 1000, refundedMinor: 0 },
      "VOIDED",
    ],
    [
      { amountMinor: 1000, capturedMinor: 1000, voidedMinor: 0, refundedMinor: 1 },
      "PARTIALLY_REFUNDED",
    ],
    [
      { amountMinor: 1000, capturedMinor: 1000, voidedMinor: 0, refundedMinor: 1000 },
      "REFUNDED",
    ],
  ] as const)("%o is %s", (amounts, status) => {
    expect(paymentStatusFor(amounts)).toBe(status);
  });
});

describe("settled order status", () => {
  const card = (captured: number, amount = 1000) => ({
    status: "AUTHORIZED" as const,
    amountMinor: amount,
    capturedMinor: captured,
    voidedMinor: 0,
    refundedMinor: 0,
  });
  const f = (
    status: "ALLOCATED" | "SHIPPED" | "DELIVERED" | "CANCELLED",
    amountMinor = 500,
  ) => ({
    status,
    amountMinor,
  });

  it.each([
    ["nothing captured", [f("ALLOCATED"), f("ALLOCATED")], [card(0)], "AUTHORIZED"],
    [
      "one of two shipped",
      [f("SHIPPED"), f("ALLOCATED")],
      [card(500)],
      "PARTIALLY_CAPTURED",
    ],
    ["all captured, in transit", [f("SHIPPED"), f("SHIPPED")], [card(1000)], "CAPTURED"],
    ["all delivered", [f("DELIVERED"), f("DELIVERED")], [card(1000)], "COMPLETED"],
    ["rest cancelled", [f("DELIVERED"), f("CANCELLED")], [card(500)], "COMPLETED"],
    ["all cancelled", [f("CANCELLED"), f("CANCELLED")], [card(0)], "CANCELLED"],
    ["pay at pickup", [f("ALLOCATED")], [], "PLACED"],
  ] as const)("%s: %s", (_name, fulfillments, payments, status) => {
    expect(settledOrderStatus({ status: "AUTHORIZED", fulfillments, payments })).toBe(
      status,
    );
  });

  it("leaves pending and failed orders to checkout", () => {
    expect(
      settledOrderStatus({ status: "PENDING_PAYMENT", fulfillments: [], payments: [] }),
    ).toBe("PENDING_PAYMENT");
  });
});
