import { describe, expect, it } from "vitest";
import type { PricingContextInput } from "../../../lib/pricing";
import { ALL, line, price, promotion } from "./builders";

const summer = promotion({
  id: "summer",
  name: "Summer sale",
  requiresCode: true,
  benefit: { type: "items", target: ALL, reward: { kind: "percentage", percent: 10 } },
});
const shared = { code: "SUMMER10", promotionId: "summer" };

function priceWith(codes: string[], context: Partial<PricingContextInput> = {}) {
  return price({
    lines: [line("a", 1000)],
    cart: { codes },
    context: { promotions: [summer], codes: [shared], ...context },
  });
}

describe("promotion codes", () => {
  it("needs its code", () => {
    const result = priceWith([]);

    expect(result.explanation.notApplied[0]?.reason).toEqual({ code: "code_missing" });
  });

  it("applies with its code, ignoring case and spaces", () => {
    const result = priceWith([" summer10 "]);

    expect(result.totals.discount).toBe(100);
    expect(result.explanation.applied[0]?.code).toBe("SUMMER10");
    expect(result.explanation.codes).toEqual([
      { code: "SUMMER10", status: "applied", promotionId: "summer", reason: null },
    ]);
  });

  it("reports a code it does not know", () => {
    const result = priceWith(["NOPE"]);

    expect(result.explanation.codes[0]).toMatchObject({
      code: "NOPE",
      status: "unknown",
    });
    expect(result.explanation.notApplied[0]?.reason.code).toBe("code_missing");
  });

  it("reports a code whose promotion is not active", () => {
    const result = priceWith(["OLD"], {
      codes: [shared, { code: "OLD", promotionId: "winter" }],
    });

    expect(result.explanation.codes[0]?.status).toBe("inactive");
  });

  it("refuses a single-use code that was already redeemed", () => {
    const result = priceWith(["ONCE-1"], {
      codes: [{ code: "ONCE-1", promotionId: "summer", usageLimit: 1, timesUsed: 1 }],
    });

    expect(result.explanation.codes[0]?.status).toBe("limit_reached");
    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "limit_reached",
      scope: "code",
    });
  });

  it("uses the first valid code of a promotion and marks the others duplicate", () => {
    const result = priceWith(["ONCE-1", "ONCE-2", "SUMMER10", "summer10"], {
      codes: [
        shared,
        { code: "ONCE-1", promotionId: "summer", usageLimit: 1, timesUsed: 1 },
        { code: "ONCE-2", promotionId: "summer", usageLimit: 1, timesUsed: 0 },
      ],
    });

    expect(result.explanation.codes.map((c) => c.status)).toEqual([
      "limit_reached",
      "applied",
      "duplicate",
      "duplicate",
    ]);
    expect(result.explanation.applied[0]?.code).toBe("ONCE-2");
  });

  it("stops at the promotion's total limit", () => {
    const limited = { ...summer, usageLimit: 100 };
    const result = priceWith(["SUMMER10"], {
      promotions: [limited],
      usage: { summer: { total: 100 } },
    });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "limit_reached",
      scope: "total",
    });
    expect(result.explanation.codes[0]?.status).toBe("not_applied");
  });

  it("stops at the limit per customer, and needs to know the customer", () => {
    const oncePerCustomer = { ...summer, usageLimitPerCustomer: 1 };
    const guest = priceWith(["SUMMER10"], { promotions: [oncePerCustomer] });
    const returning = priceWith(["SUMMER10"], {
      promotions: [oncePerCustomer],
      customer: { id: "c1" },
      usage: { summer: { total: 5, byCustomer: 1 } },
    });
    const firstTime = priceWith(["SUMMER10"], {
      promotions: [oncePerCustomer],
      customer: { id: "c2" },
      usage: { summer: { total: 5, byCustomer: 0 } },
    });

    expect(guest.explanation.notApplied[0]?.reason.code).toBe("customer_required");
    expect(returning.explanation.notApplied[0]?.reason).toEqual({
      code: "limit_reached",
      scope: "customer",
    });
    expect(firstTime.totals.discount).toBe(100);
  });

  it("explains a valid code whose promotion's threshold is not met", () => {
    const result = priceWith(["SUMMER10"], {
      promotions: [{ ...summer, conditions: { ...summer.conditions, minQuantity: 2 } }],
    });

    expect(result.explanation.codes[0]).toEqual({
      code: "SUMMER10",
      status: "not_applied",
      promotionId: "summer",
      reason: { code: "min_quantity", required: 2, actual: 1 },
    });
  });
});
