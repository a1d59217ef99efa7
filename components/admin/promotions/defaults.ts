/**
 * Defaults and labels of the promotion editor. Not a client module, so
 * server pages can use them too.
 */
import type { Benefit, ItemSet, ItemTarget, Promotion, Reward } from "@/lib/pricing";

export const EMPTY_SET: ItemSet = {
  categoryIds: [],
  collectionIds: [],
  productIds: [],
  variantIds: [],
};

export const ALL_ITEMS: ItemTarget = { scope: "all", ...EMPTY_SET, exclude: EMPTY_SET };

export const BENEFIT_LABELS: Record<Benefit["type"], string> = {
  items: "Percentage or amount off items",
  order: "Discount on the whole order",
  buy_x_get_y: "Buy X, get Y (e.g. 3 for 2)",
  bundle: "Bundle at a fixed price",
  tiered: "Tiered discount (spend or quantity)",
  free_shipping: "Free shipping",
};

/** A sensible starting point for each type, so switching type gives a valid form. */
export function defaultBenefit(type: Benefit["type"]): Benefit {
  const tenPercent: Reward = { kind: "percentage", percent: 10 };
  switch (type) {
    case "items":
      return { type, target: ALL_ITEMS, reward: tenPercent };
    case "order":
      return { type, reward: tenPercent };
    case "buy_x_get_y":
      return {
        type,
        buy: { target: ALL_ITEMS, quantity: 2 },
        get: { target: ALL_ITEMS, quantity: 1, percent: 100 },
        maxApplications: null,
      };
    case "bundle":
      return {
        type,
        components: [{ target: ALL_ITEMS, quantity: 3 }],
        price: 5000,
        maxApplications: null,
      };
    case "tiered":
      return {
        type,
        target: ALL_ITEMS,
        basis: "spend",
        tiers: [
          { min: 5000, reward: tenPercent },
          { min: 10000, reward: { kind: "percentage", percent: 20 } },
        ],
      };
    case "free_shipping":
      return { type };
  }
}

export type Definition = Omit<Promotion, "id">;

export interface PromotionFormValues {
  id: string | null;
  version: number | null;
  description: string;
  isActive: boolean;
  definition: Definition;
}

/** A new promotion: 10 % off everything, on every channel, from now on. */
export function newPromotion(currency: string): PromotionFormValues {
  return {
    id: null,
    version: null,
    description: "",
    isActive: true,
    definition: {
      name: "",
      priority: 0,
      stacking: "combinable",
      requiresCode: false,
      currency,
      maxDiscount: null,
      usageLimit: null,
      usageLimitPerCustomer: null,
      conditions: {
        startsAt: null,
        endsAt: null,
        schedule: null,
        channels: [],
        locationIds: [],
        customerGroups: [],
        isFirstOrderOnly: false,
        minQuantity: null,
        minSpend: null,
      },
      benefit: defaultBenefit("items"),
    },
  };
}
