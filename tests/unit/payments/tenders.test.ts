import { describe, expect, it } from "vitest";
import { sizeTenders } from "@/lib/payments/size-tenders";
import { TendersSchema } from "@/lib/payments/tenders";
import { TEST_CARDS, testCardForToken, testCardToken } from "@/lib/payments/test-cards";

const money = (minor: number) => `£${(minor / 100).toFixed(2)}`;

describe("splitting a total across tenders", () => {
  it("gives the open tender what the others leave", () => {
    const sized = sizeTenders({
      tenders: [
        { kind: "gift_card", code: "ABCD-EFGH-JKMN-PQRS", amountMinor: 500 },
        { kind: "card", token: "tok_test_x" },
      ],
      totalMinor: 1999,
      isAtTill: false,
      formatAmount: money,
    });
    expect(sized.map((t) => t.amountMinor)).toEqual([500, 1499]);
  });

  it("refuses a split that does not add up, naming the total", () => {
    expect(() =>
      sizeTenders({
        tenders: [{ kind: "card", token: "tok", amountMinor: 100 }],
        totalMinor: 1999,
        isAtTill: false,
        formatAmount: money,
      }),
    ).toThrow("The tenders must add up to £19.99.");
  });

  it("takes cash only at a till and only when enough is handed over", () => {
    const cash = { kind: "cash" as const, tenderedMinor: 1000 };
    expect(() =>
      sizeTenders({
        tenders: [cash],
        totalMinor: 900,
        isAtTill: false,
        formatAmount: money,
      }),
    ).toThrow();
    expect(() =>
      sizeTenders({
        tenders: [cash],
        totalMinor: 1200,
        isAtTill: true,
        formatAmount: money,
      }),
    ).toThrow();
    expect(
      sizeTenders({
        tenders: [cash],
        totalMinor: 900,
        isAtTill: true,
        formatAmount: money,
      }),
    ).toMatchObject([{ amountMinor: 900, tenderedMinor: 1000 }]);
  });

  it("needs no tender for a free order", () => {
    expect(
      sizeTenders({ tenders: [], totalMinor: 0, isAtTill: false, formatAmount: money }),
    ).toEqual([]);
  });

  it("refuses two open tenders and card details instead of a token", () => {
    expect(
      TendersSchema.safeParse([
        { kind: "card", token: "tok_a" },
        { kind: "card", token: "tok_b" },
      ]).success,
    ).toBe(false);
    expect(
      TendersSchema.safeParse([{ kind: "card", token: "4242 4242 4242 4242" }]).success,
    ).toBe(false);
    expect(
      TendersSchema.safeParse([{ kind: "card", token: "tok_a", number: "4242" }]).success,
    ).toBe(false);
  });
});

describe("test cards", () => {
  it("turns every listed number into a token and back, keeping only brand and last four", () => {
    for (const card of TEST_CARDS) {
      const token = testCardToken(card.number.replace(/(\d{4})/g, "$1 "));
      expect(token).not.toContain(card.number);
      expect(testCardForToken(token ?? "")).toEqual(card);
    }
    expect(testCardToken("4111111111111111")).toBeNull();
  });
});
