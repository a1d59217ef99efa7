import type { Permission } from "@/lib/auth/permissions";

/**
 * The event families a stream can follow. An event's topic is the part of
 * its type before the first dot ("inventory.level_changed" is
 * "inventory"). Staff and API keys need the topic's read permission;
 * events of a type without a topic here are never streamed.
 */
export const TOPICS = {
  inventory: { permission: "inventory:read" },
  catalog: { permission: "catalog:read" },
  orders: { permission: "orders:read" },
  fulfillment: { permission: "orders:read" },
  customers: { permission: "customers:read" },
  // Promotions and tax changed: tills and carts fetch prices again.
  pricing: { permission: "catalog:read" },
} as const satisfies Record<string, { permission: Permission }>;

export type Topic = keyof typeof TOPICS;

export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

/** The topic of an event type, or null when the type is not streamable. */
export function topicOf(type: string): Topic | null {
  const prefix = type.split(".", 1)[0] ?? "";
  return prefix in TOPICS ? (prefix as Topic) : null;
}

type PublicShape = (payload: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * What anyone, signed in or not, may receive: the event types listed here,
 * reduced to the fields shown. Everything else is for staff and API keys.
 *
 * Only inventory is public, and only as "this variant's stock changed":
 * the storefront then asks /api/storefront/availability for the figures it
 * shows shoppers (shippable and per pickup store), so on-hand, reserved,
 * SKU and warehouse figures never leave through the public stream.
 */
export const PUBLIC_SHAPES: Readonly<Record<string, PublicShape>> = {
  "inventory.level_changed": (payload) =>
    typeof payload.variantId === "string" ? { variantId: payload.variantId } : null,
};

/** Topics with at least one public event type. */
export const PUBLIC_TOPICS: ReadonlySet<Topic> = new Set(
  Object.keys(PUBLIC_SHAPES)
    .map(topicOf)
    .filter((topic): topic is Topic => topic !== null),
);
