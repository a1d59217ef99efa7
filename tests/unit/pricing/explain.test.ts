import { describe, expect, it } from "vitest";
import { describeExplanation, promotionStatus } from "../../../lib/pricing";
import { ALL, line, price, promotion } from "./builders";

describe("explanation text", () => {
  it("says what applied, what did not and why, and what became of each code", () => {
    const result = price({
      lines: [line("a", 4000, { quantity: 1 })],
      cart: { codes: ["save5", "bogus"] },
      context: {
        promotions: [
          promotion({
            id: "save5",
            name: "£5 off",
            currency: "GBP",
            requiresCode: true,
            benefit: { type: "order", reward: { kind: "amount_off", amount: 500 } },
          }),
          promotion({
            id: "big-spender",
            name: "£10 off £50",
            currency: "GBP",
            conditions: { minSpend: 5000 },
            benefit: { type: "order", reward: { kind: "amount_off", amount: 1000 } },
          }),
          promotion({
            id: "web-only",
            name: "Web exclusive",
            conditions: { channels: ["WEB"] },
            benefit: {
              type: "items",
              target: ALL,
              reward: { kind: "percentage", percent: 5 },
            },
          }),
        ],
        codes: [{ code: "SAVE5", promotionId: "save5" }],
      },
    });

    expect(describeExplanation(result, "en-GB")).toEqual({
      applied: ["£5 off (code SAVE5): £5.00 off."],
      notApplied: [
        "£10 off £50: spend £15.00 more on qualifying items.",
        "Web exclusive: is not offered in store.",
      ],
      codes: ["SAVE5: applied.", "BOGUS: not a valid code."],
    });
  });
});

describe("promotion status", () => {
  const summer = promotion({
    conditions: { startsAt: "2025-06-01T00:00:00Z", endsAt: "2025-09-01T00:00:00Z" },
    benefit: { type: "free_shipping" },
  });

  it.each([
    ["2025-05-31T23:59:59Z", "scheduled"],
    ["2025-06-01T00:00:00Z", "active"],
    ["2025-09-01T00:00:00Z", "ended"],
  ])("at %s is %s", (time, status) => {
    expect(promotionStatus(summer, time)).toBe(status);
  });
});
