import { describe, expect, it } from "vitest";
import {
  add,
  formatMoney,
  minorUnitDigits,
  money,
  multiply,
  percentage,
  percentToPpm,
  subtract,
  sum,
} from "../../../lib/money";

describe("Money", () => {
  it("adds, subtracts, multiplies and sums in minor units", () => {
    const price = money(1999, "GBP");
    expect(add(price, money(1, "GBP"))).toEqual(money(2000, "GBP"));
    expect(subtract(price, money(2000, "GBP"))).toEqual(money(-1, "GBP"));
    expect(multiply(price, 3)).toEqual(money(5997, "GBP"));
    expect(sum([price, price], "GBP")).toEqual(money(3998, "GBP"));
    expect(sum([], "USD")).toEqual(money(0, "USD"));
  });

  it("refuses to mix currencies, fractions and bad codes", () => {
    expect(() => add(money(1, "GBP"), money(1, "EUR"))).toThrow(/currency mismatch/);
    expect(() => money(1.5, "GBP")).toThrow(RangeError);
    expect(() => money(1, "gbp")).toThrow(RangeError);
    expect(() => multiply(money(1, "GBP"), 0.5)).toThrow(RangeError);
  });

  it("takes a percentage with the stated rounding rule", () => {
    // 15 % of 9.90 is 1.485: half up gives 1.49; half even keeps 1.48.
    expect(percentage(money(990, "GBP"), 15, "half_up").amount).toBe(149);
    expect(percentage(money(990, "GBP"), 15, "half_even").amount).toBe(148);
    expect(percentage(money(10_000, "USD"), 8.875, "half_up").amount).toBe(888);
  });

  it("converts percentages with up to four decimals exactly", () => {
    expect(percentToPpm(20)).toBe(200_000);
    expect(percentToPpm(8.875)).toBe(88_750);
    expect(percentToPpm(6.35)).toBe(63_500);
    expect(() => percentToPpm(1.00001)).toThrow(RangeError);
  });

  it("formats at the edge with the currency's own minor unit", () => {
    expect(minorUnitDigits("GBP")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
    expect(formatMoney(money(123_456, "GBP"), "en-GB")).toBe("£1,234.56");
    expect(formatMoney(money(1234, "JPY"), "en-US")).toBe("¥1,234");
    expect(formatMoney(money(-500, "USD"), "en-US")).toBe("-$5.00");
  });
});
