import { describe, expect, it } from "vitest";
import { planAging } from "@/lib/inventory/plan-aging";
import { planAddedLayers } from "@/lib/inventory/receipt-layers";

const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("aging stock first in, first out", () => {
  it("buckets each location's remaining units by the age of their delivery", () => {
    const [ldn, wh] = [
      ...planAging(
        [
          {
            locationId: "ldn",
            receivedAt: daysAgo(10),
            remaining: 4,
            unitCostMinor: 500,
          },
          {
            locationId: "ldn",
            receivedAt: daysAgo(45),
            remaining: 6,
            unitCostMinor: 400,
          },
          {
            locationId: "ldn",
            receivedAt: daysAgo(300),
            remaining: 0,
            unitCostMinor: 400,
          },
          {
            locationId: "wh",
            receivedAt: daysAgo(200),
            remaining: 2,
            unitCostMinor: null,
          },
        ],
        NOW,
      ),
    ];
    expect(ldn).toMatchObject({
      locationId: "ldn",
      units: 10,
      costMinor: 4400,
      averageAgeDays: 31,
    });
    expect(ldn?.buckets.map((b) => b.units)).toEqual([4, 6, 0, 0, 0]);
    expect(wh?.buckets.map((b) => b.units)).toEqual([0, 0, 0, 0, 2]);
    expect(wh?.costMinor).toBe(0);
  });

  it("puts day 30 in the first bucket and day 31 in the second", () => {
    const [aging] = planAging(
      [
        { locationId: "x", receivedAt: daysAgo(30), remaining: 1, unitCostMinor: null },
        { locationId: "x", receivedAt: daysAgo(31), remaining: 1, unitCostMinor: null },
      ],
      NOW,
    );
    expect(aging?.buckets.map((b) => b.units)).toEqual([1, 1, 0, 0, 0]);
  });
});

describe("layers added by a positive movement", () => {
  const slice = (days: number, quantity: number) => ({
    receivedAt: daysAgo(days),
    quantity,
    unitCostMinor: null,
    currency: null,
  });

  it("keep every unit when the level was not below zero", () => {
    const layers = planAddedLayers({
      slices: [slice(3, 5)],
      onHandBefore: 2,
      quantity: 5,
    });
    expect(layers.map((l) => [l.quantity, l.remaining])).toEqual([[5, 5]]);
  });

  it("fill a negative level's hole with the oldest units first", () => {
    const layers = planAddedLayers({
      slices: [slice(1, 4), slice(90, 3)],
      onHandBefore: -4,
      quantity: 7,
    });
    // Oldest first: the 90-day-old 3 and one of the newer units filled the hole.
    expect(layers.map((l) => [l.quantity, l.remaining])).toEqual([
      [3, 0],
      [4, 3],
    ]);
  });

  it("trim or top up slices to the units actually moved", () => {
    expect(
      planAddedLayers({ slices: [slice(5, 10)], onHandBefore: 0, quantity: 4 }).map(
        (l) => l.quantity,
      ),
    ).toEqual([4]);
    expect(
      planAddedLayers({ slices: [slice(5, 2)], onHandBefore: 0, quantity: 5 }).map(
        (l) => l.quantity,
      ),
    ).toEqual([2, 3]);
  });
});
