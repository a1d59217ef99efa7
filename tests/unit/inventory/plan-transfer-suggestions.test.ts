import { describe, expect, it } from "vitest";
import {
  planTransferSuggestions,
  type VelocityLevel,
} from "@/lib/inventory/plan-transfer-suggestions";

const level = (
  over: Partial<VelocityLevel> & Pick<VelocityLevel, "locationId">,
): VelocityLevel => ({
  variantId: "v1",
  sku: "TEE-M",
  free: 0,
  inbound: 0,
  unitsSold: 0,
  reorderPoint: 0,
  canReceive: true,
  ...over,
});

const options = { windowDays: 28, coverDays: 14 };

describe("transfer suggestions from sales velocity", () => {
  it("moves stock from where it sits unsold to where it sells out", () => {
    const suggestions = planTransferSuggestions(
      [
        // The warehouse sold 28 in 4 weeks (1 a day): it keeps 14 days, 26 spare.
        level({ locationId: "wh", free: 40, unitsSold: 28 }),
        // London sells 2 a day and holds 3: it needs 28 - 3 = 25.
        level({ locationId: "ldn", free: 3, unitsSold: 56 }),
      ],
      options,
    );
    expect(suggestions).toEqual([
      {
        fromLocationId: "wh",
        toLocationId: "ldn",
        lines: [
          {
            variantId: "v1",
            sku: "TEE-M",
            quantity: 25,
            toCoverDays: 1.5,
            fromCoverDays: 40,
          },
        ],
      },
    ]);
  });

  it("counts stock already on its way and honours the reorder point", () => {
    const suggestions = planTransferSuggestions(
      [
        level({ locationId: "wh", free: 50 }),
        level({ locationId: "ldn", free: 1, inbound: 2, reorderPoint: 5 }),
        level({ locationId: "man", free: 1, inbound: 5, reorderPoint: 5 }),
      ],
      options,
    );
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.toLocationId).toBe("ldn");
    expect(suggestions[0]?.lines[0]?.quantity).toBe(2);
  });

  it("feeds the emptiest shelf first when there is not enough for everyone", () => {
    const suggestions = planTransferSuggestions(
      [
        level({ locationId: "wh", free: 10, reorderPoint: 4 }),
        level({ locationId: "ldn", free: 0, unitsSold: 28 }),
        level({ locationId: "man", free: 10, unitsSold: 28 }),
      ],
      options,
    );
    // Surplus 6 at the warehouse; London (0 days of cover) before Manchester (10).
    expect(suggestions.map((s) => [s.toLocationId, s.lines[0]?.quantity])).toEqual([
      ["ldn", 6],
    ]);
  });

  it("suggests nothing where nothing is short, and never into a closed location", () => {
    expect(
      planTransferSuggestions(
        [
          level({ locationId: "wh", free: 10 }),
          level({ locationId: "old", free: 0, unitsSold: 50, canReceive: false }),
        ],
        options,
      ),
    ).toEqual([]);
  });

  it("groups lines per pair of locations, so one click makes one transfer", () => {
    const suggestions = planTransferSuggestions(
      [
        level({ locationId: "wh", free: 20 }),
        level({ locationId: "ldn", reorderPoint: 3 }),
        level({ variantId: "v2", sku: "TEE-L", locationId: "wh", free: 20 }),
        level({ variantId: "v2", sku: "TEE-L", locationId: "ldn", reorderPoint: 2 }),
      ],
      options,
    );
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ["TEE-L", 2],
      ["TEE-M", 3],
    ]);
  });
});
