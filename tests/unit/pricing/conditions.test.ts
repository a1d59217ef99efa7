import { describe, expect, it } from "vitest";
import type { PricingContextInput, PromotionInput } from "../../../lib/pricing";
import { ALL, line, price, promotion } from "./builders";

const tenPercent = {
  type: "items",
  target: ALL,
  reward: { kind: "percentage", percent: 10 },
} as const;
const vip = { id: "c1", groups: ["vip"], orderCount: 3 };
const newcomer = { id: "c2", groups: [], orderCount: 0 };

// Monday 2 June 2025, 11:00 UTC is 12:00 in London.
const cases: [
  string,
  PromotionInput["conditions"],
  Partial<PricingContextInput>,
  string | null,
][] = [
  ["applies with no conditions", {}, {}, null],
  ["applies on a listed channel", { channels: ["POS"] }, {}, null],
  ["is refused on another channel", { channels: ["WEB"] }, {}, "wrong_channel"],
  ["applies at a listed store", { locationIds: ["ldn"] }, {}, null],
  ["is refused at another store", { locationIds: ["nyc"] }, {}, "wrong_location"],
  [
    "is refused without a store",
    { locationIds: ["ldn"] },
    { locationId: null },
    "wrong_location",
  ],
  [
    "applies to a customer in the group",
    { customerGroups: ["vip"] },
    { customer: vip },
    null,
  ],
  ["is refused to a guest", { customerGroups: ["vip"] }, {}, "customer_group"],
  [
    "is refused to a customer outside the group",
    { customerGroups: ["staff"] },
    { customer: vip },
    "customer_group",
  ],
  ["applies to a first order", { isFirstOrderOnly: true }, { customer: newcomer }, null],
  [
    "is refused to a returning customer",
    { isFirstOrderOnly: true },
    { customer: vip },
    "first_order_only",
  ],
  [
    "is refused to an unknown customer",
    { isFirstOrderOnly: true },
    {},
    "first_order_only",
  ],
  ["applies from its start", { startsAt: "2025-06-02T11:00:00Z" }, {}, null],
  [
    "is refused before its start",
    { startsAt: "2025-06-02T11:00:01Z" },
    {},
    "outside_time_window",
  ],
  [
    "is refused at its end",
    { endsAt: "2025-06-02T11:00:00Z" },
    {},
    "outside_time_window",
  ],
  ["applies before its end", { endsAt: "2025-06-02T11:00:01+00:00" }, {}, null],
  ["applies with enough units", { minQuantity: 2 }, {}, null],
  ["is refused with too few units", { minQuantity: 3 }, {}, "min_quantity"],
  ["applies with enough spend", { minSpend: 2000 }, {}, null],
  ["is refused below the spend", { minSpend: 2001 }, {}, "threshold_not_met"],
];

describe("promotion conditions", () => {
  it.each(cases)("%s", (_title, conditions, context, expected) => {
    const promo = promotion({ conditions, currency: "GBP", benefit: tenPercent });
    const result = price({
      lines: [line("a", 1000, { quantity: 2 })],
      context: { promotions: [promo], ...context },
    });

    const reason = result.explanation.notApplied[0]?.reason.code ?? null;
    expect(reason).toBe(expected);
    expect(result.explanation.applied.length).toBe(expected === null ? 1 : 0);
  });

  it("is refused in another currency", () => {
    const promo = promotion({
      currency: "EUR",
      conditions: { minSpend: 1 },
      benefit: tenPercent,
    });
    const result = price({ lines: [line("a", 1000)], context: { promotions: [promo] } });

    expect(result.explanation.notApplied[0]?.reason).toEqual({
      code: "wrong_currency",
      currency: "GBP",
    });
  });
});

describe("recurring hours", () => {
  const happyHour = promotion({
    conditions: {
      schedule: {
        timeZone: "Europe/London",
        windows: [{ days: [1, 2, 3, 4, 5], start: "17:00", end: "19:00" }],
      },
    },
    benefit: tenPercent,
  });
  const lateNight = promotion({
    conditions: {
      schedule: {
        timeZone: "America/New_York",
        windows: [{ days: [5], start: "22:00", end: "02:00" }],
      },
    },
    benefit: tenPercent,
  });

  it.each([
    ["a weekday at 17:00 London time (BST)", happyHour, "2025-06-02T16:00:00Z", true],
    ["a weekday at 18:59 London time", happyHour, "2025-06-06T17:59:00Z", true],
    ["a weekday at 19:00 London time", happyHour, "2025-06-02T18:00:00Z", false],
    ["a Saturday at 18:00 London time", happyHour, "2025-06-07T17:00:00Z", false],
    ["a winter weekday at 17:30 (GMT)", happyHour, "2025-01-06T17:30:00Z", true],
    ["Friday 23:00 in New York", lateNight, "2025-06-07T03:00:00Z", true],
    ["early Saturday 01:30 in New York", lateNight, "2025-06-07T05:30:00Z", true],
    ["early Friday 01:30 in New York", lateNight, "2025-06-06T05:30:00Z", false],
    ["Saturday 23:00 in New York", lateNight, "2025-06-08T03:00:00Z", false],
  ])("on %s: %s", (_title, promo, time, isOn) => {
    const result = price({
      lines: [line("a", 1000)],
      context: { promotions: [promo], time },
    });

    expect(result.explanation.applied.length === 1).toBe(isOn);
    if (!isOn) {
      expect(result.explanation.notApplied[0]?.reason).toEqual({
        code: "outside_time_window",
        window: "schedule",
      });
    }
  });
});
