import { describe, expect, it } from "vitest";
import { PricingCartSchema, PricingContextSchema, priceCart } from "../../../lib/pricing";
import { PRICING_VECTORS } from "./vectors";

describe("hand-worked pricing vectors", () => {
  it.each(PRICING_VECTORS.map((vector) => [vector.name, vector] as const))(
    "%s",
    (_name, { cart, context, expected }) => {
      const result = priceCart(
        PricingCartSchema.parse(cart),
        PricingContextSchema.parse(context),
      );

      expect(result.totals).toMatchObject(expected.totals);
      expect(
        Object.fromEntries(
          result.lines.map((l) => [
            l.lineId,
            { discount: l.discount, tax: l.tax, total: l.total },
          ]),
        ),
      ).toEqual(expected.lines);
      expect(result.explanation.applied.map((a) => a.promotionId)).toEqual(
        expected.applied,
      );
    },
  );
});
