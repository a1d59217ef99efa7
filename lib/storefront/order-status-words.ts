import type {
  FulfillmentMethod,
  FulfillmentStatus,
  OrderStatus,
} from "@/lib/db/generated/enums";

/** A fulfillment's state in a shopper's words. */
export function fulfillmentStatusLabel(
  method: FulfillmentMethod,
  status: FulfillmentStatus,
) {
  switch (status) {
    case "ALLOCATED":
      return method === "PICKUP" ? "Being prepared for collection" : "Order received";
    case "PICKING":
    case "PACKED":
      return method === "PICKUP" ? "Being prepared for collection" : "Being packed";
    case "SHIPPED":
      return "On its way";
    case "READY_FOR_PICKUP":
      return "Ready to collect";
    case "DELIVERED":
      return "Delivered";
    case "PICKED_UP":
      return method === "CARRY_OUT" ? "Bought in store" : "Collected";
    case "CANCELLED":
      return "Cancelled";
  }
}

/** One line summing up an order for a list. */
export function orderStatusLabel(order: {
  status: OrderStatus;
  channel: string;
  isPayAtPickup: boolean;
  fulfillments: { method: FulfillmentMethod; status: FulfillmentStatus }[];
}): string {
  if (order.status === "CANCELLED") return "Cancelled";
  if (order.status === "PAYMENT_FAILED") return "Payment failed";
  if (
    order.channel === "POS" &&
    order.fulfillments.every((f) => f.method === "CARRY_OUT")
  )
    return "Bought in store";
  const states = order.fulfillments.filter((f) => f.status !== "CANCELLED");
  if (states.length === 0)
    return order.isPayAtPickup ? "Reserved, pay in store" : "Placed";
  if (states.every((f) => f.status === "DELIVERED" || f.status === "PICKED_UP"))
    return "Complete";
  if (states.some((f) => f.status === "READY_FOR_PICKUP")) return "Ready to collect";
  if (states.some((f) => f.status === "SHIPPED")) return "On its way";
  return order.isPayAtPickup ? "Reserved, pay in store" : "Being prepared";
}
