import { describe, expect, it } from "vitest";
import { amountText, parseAmount } from "@/components/admin/promotions/amount";
import { promotionCodesCsv } from "@/lib/promotions/promotion-codes";

describe("amounts typed in the promotion editor", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["£1,234.05", 123405],
    [" 0.99 ", 99],
    ["0", 0],
  ])("reads %j as %i pence", (text, minor) => {
    expect(parseAmount(text, "GBP")).toBe(minor);
  });

  it("reads blank as no amount and refuses what is not one", () => {
    expect(parseAmount("  ", "GBP")).toBeNull();
    for (const text of ["12.345", "-5", "abc", "1e3", "12,5"]) {
      expect(parseAmount(text, "GBP"), text).toBeNaN();
    }
  });

  it("reads yen without decimals", () => {
    expect(parseAmount("1500", "JPY")).toBe(1500);
    expect(parseAmount("15.5", "JPY")).toBeNaN();
  });

  it("writes minor units back as the input shows them", () => {
    expect(amountText(1250, "GBP")).toBe("12.50");
    expect(amountText(null, "GBP")).toBe("");
    expect(parseAmount(amountText(99, "GBP"), "GBP")).toBe(99);
  });
});

describe("codes as CSV", () => {
  it("lists one code a row under a header, with CRLF line ends", () => {
    const csv = promotionCodesCsv([
      { code: "VIP-ABC", usageLimit: 1, timesUsed: 0, batchId: "b1", isActive: true },
      {
        code: "AUTUMN10",
        usageLimit: null,
        timesUsed: 12,
        batchId: null,
        isActive: false,
      },
    ]);
    expect(csv).toBe(
      "code,usage_limit,times_used,batch_id,is_active\r\n" +
        "VIP-ABC,1,0,b1,true\r\n" +
        "AUTUMN10,,12,,false\r\n",
    );
  });
});
