import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { OutboxRecord } from "@/lib/events/outbox-event";
import type { OutboxSubscriber } from "@/lib/events/subscribers";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import { formatMoney } from "@/lib/money/format";
import { loadReceipt } from "@/lib/receipts/load-receipt";
import { getSettings } from "@/lib/settings/get-settings";
import { orderStatusToken } from "@/lib/storefront/order-status-link";
import {
  composeAccountConfirmationEmail,
  composeBackInStockEmail,
  composeFulfillmentEmail,
} from "./compose-notices";
import { composeReceiptEmail } from "./compose-receipt-email";
import { enqueueEmail } from "./enqueue-email";

export interface EmailSubscriberOptions {
  /** Signs the order links in emails (AUTH_SECRET: every instance must share it). */
  secret: string;
  /** The app's public address, e.g. https://shop.example.com. */
  publicUrl: string;
  /** false: queue emails as HELD, to wait for SMTP to be configured. */
  isSmtpConfigured: boolean;
}

/** The event types that make email to shoppers. */
export const EMAIL_EVENT_TYPES = {
  orderPlaced: "order.placed",
  receiptRequested: "order.receipt_email_requested",
  levelChanged: "inventory.level_changed",
  accountConfirmation: "customers.account_confirmation_requested",
  readyForPickup: "fulfillment.ready_for_pickup",
  shipped: "fulfillment.shipped",
} as const;

/** Orders whose shoppers hear of their fulfillments (a marketplace tells its own). */
const NOTIFIED_CHANNELS = new Set(["WEB", "POS"]);

const OrderPlacedSchema = z.object({ orderId: z.string(), channel: z.string() });
const ReceiptRequestedSchema = z.object({ orderId: z.string(), email: z.email() });
const LevelChangedSchema = z.object({
  variantId: z.string(),
  locationId: z.string(),
  available: z.number(),
});
const FulfillmentMovedSchema = z.object({
  orderId: z.string(),
  fulfillmentId: z.string(),
});
const AccountConfirmationSchema = z.object({
  email: z.email(),
  confirmPath: z.string().startsWith("/"),
});

/**
 * Queues the emails shoppers get, in the transaction that hands the event
 * on and marks it dispatched (see subscribers.ts): a committed order gets
 * its confirmation once, a rolled-back one never, and an event handed on
 * twice still writes one email per recipient (EmailMessage.dedupeKey).
 * Sending is the mail sender's job, after the commit.
 *
 * - order.placed (storefront orders): the receipt with each line's
 *   fulfillment and the signed status link, to the order's email.
 * - order.receipt_email_requested: a till sale's receipt, to the address
 *   the associate typed.
 * - inventory.level_changed with units available: "it's back" to each
 *   shopper waiting for the variant there (once: notifiedAt is set by a
 *   conditional update, so two level changes racing send one).
 * - customers.account_confirmation_requested: the sign-up link.
 * - fulfillment.ready_for_pickup and fulfillment.shipped (storefront and
 *   till orders with an email): where and when to collect, or the
 *   carrier and tracking number.
 */
export function createEmailSubscriber(
  settings: EmailSubscriberOptions | (() => EmailSubscriberOptions),
): OutboxSubscriber {
  // Read when an email is due, not at start-up: most processes' events
  // make none, and reading the secret may create its file.
  const read = typeof settings === "function" ? settings : () => settings;
  return {
    name: "email",
    handles(event) {
      switch (event.type) {
        case EMAIL_EVENT_TYPES.orderPlaced:
          return event.payload.channel === "WEB";
        case EMAIL_EVENT_TYPES.levelChanged:
          return (
            typeof event.payload.available === "number" && event.payload.available > 0
          );
        case EMAIL_EVENT_TYPES.receiptRequested:
        case EMAIL_EVENT_TYPES.accountConfirmation:
        case EMAIL_EVENT_TYPES.readyForPickup:
        case EMAIL_EVENT_TYPES.shipped:
          return true;
        default:
          return false;
      }
    },
    async deliver(event, { tx }) {
      const options = read();
      switch (event.type) {
        case EMAIL_EVENT_TYPES.orderPlaced:
          return queueOrderConfirmation(tx, event, options);
        case EMAIL_EVENT_TYPES.receiptRequested:
          return queueTillReceipt(tx, event, options);
        case EMAIL_EVENT_TYPES.levelChanged:
          return queueBackInStock(tx, event, options);
        case EMAIL_EVENT_TYPES.accountConfirmation:
          return queueAccountConfirmation(tx, event, options);
        case EMAIL_EVENT_TYPES.readyForPickup:
        case EMAIL_EVENT_TYPES.shipped:
          return queueFulfillmentNews(tx, event, options);
      }
    },
  };
}

function orderLinks(
  order: { id: string; number: string },
  options: EmailSubscriberOptions,
) {
  const token = orderStatusToken(order.id, options.secret);
  return {
    statusUrl: `${options.publicUrl}/orders/${token}`,
    receiptUrl: `${options.publicUrl}/receipts/${order.number}?t=${token}`,
  };
}

async function queueOrderConfirmation(
  tx: Tx,
  event: OutboxRecord,
  options: EmailSubscriberOptions,
): Promise<void> {
  const { orderId } = OrderPlacedSchema.parse(event.payload);
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      email: true,
      customer: { select: { email: true, firstName: true } },
    },
  });
  const to = order?.email ?? order?.customer?.email;
  // A web order always has an email; one from an old import might not.
  if (!order || !to) return;
  const receipt = await loadReceipt(tx, { actor: null, orderId, isLinkHolder: true });
  const rendered = await composeReceiptEmail({
    receipt,
    purpose: "order_confirmation",
    firstName: order.customer?.firstName ?? null,
    ...orderLinks(order, options),
  });
  await enqueueEmail(tx, {
    eventId: event.id,
    kind: "order_confirmation",
    to,
    rendered,
    isHeld: !options.isSmtpConfigured,
  });
}

async function queueTillReceipt(
  tx: Tx,
  event: OutboxRecord,
  options: EmailSubscriberOptions,
): Promise<void> {
  const { orderId, email } = ReceiptRequestedSchema.parse(event.payload);
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      customer: { select: { email: true, firstName: true } },
    },
  });
  const receipt = await loadReceipt(tx, { actor: null, orderId, isLinkHolder: true });
  const isTheCustomer = order.customer?.email?.toLowerCase() === email.toLowerCase();
  const rendered = await composeReceiptEmail({
    receipt,
    purpose: "pos_receipt",
    // Only greet by name the person the address belongs to.
    firstName: isTheCustomer ? (order.customer?.firstName ?? null) : null,
    ...orderLinks(order, options),
  });
  await enqueueEmail(tx, {
    eventId: event.id,
    kind: "pos_receipt",
    to: email,
    rendered,
    isHeld: !options.isSmtpConfigured,
  });
}

async function queueBackInStock(
  tx: Tx,
  event: OutboxRecord,
  options: EmailSubscriberOptions,
): Promise<void> {
  const level = LevelChangedSchema.parse(event.payload);
  // Cheap for the many level changes nobody waits for: one indexed look-up.
  const waiting = await tx.backInStockRequest.count({
    where: { variantId: level.variantId, notifiedAt: null },
  });
  if (waiting === 0) return;

  const location = await tx.location.findUnique({
    where: { id: level.locationId },
    select: { id: true, name: true, canShip: true, isActive: true },
  });
  const variant = await tx.variant.findFirst({
    where: { id: level.variantId, isActive: true, product: { status: "ACTIVE" } },
    select: { optionValues: true, product: { select: { title: true, handle: true } } },
  });
  if (!location?.isActive || !variant) return;

  // Delivery requests hear of stock at a shipping location; collection
  // requests of stock at their own store. The update claims the requests:
  // a second event racing this one finds them notified and sends nothing.
  const claimed = await tx.$queryRaw<
    { id: string; email: string; locationId: string | null }[]
  >`
    UPDATE "BackInStockRequest" SET "notifiedAt" = now() AT TIME ZONE 'UTC'
    WHERE "variantId" = ${level.variantId} AND "notifiedAt" IS NULL
      AND ("locationId" = ${location.id}
        OR ("locationId" IS NULL AND ${location.canShip}::boolean))
    RETURNING id, email, "locationId"`;
  if (claimed.length === 0) return;

  const settings = await getSettings(tx);
  for (const request of claimed) {
    const rendered = composeBackInStockEmail({
      businessName: settings.businessName,
      productTitle: variant.product.title,
      variantName: variant.optionValues.join(" / "),
      productUrl: `${options.publicUrl}/products/${variant.product.handle}`,
      storeName: request.locationId ? location.name : null,
    });
    await enqueueEmail(tx, {
      eventId: event.id,
      kind: "back_in_stock",
      to: request.email,
      rendered,
      isHeld: !options.isSmtpConfigured,
    });
  }
}

async function queueAccountConfirmation(
  tx: Tx,
  event: OutboxRecord,
  options: EmailSubscriberOptions,
): Promise<void> {
  const { email, confirmPath } = AccountConfirmationSchema.parse(event.payload);
  const settings = await getSettings(tx);
  await enqueueEmail(tx, {
    eventId: event.id,
    kind: "account_confirmation",
    to: email,
    rendered: composeAccountConfirmationEmail({
      businessName: settings.businessName,
      confirmUrl: `${options.publicUrl}${confirmPath}`,
    }),
    isHeld: !options.isSmtpConfigured,
  });
}

async function queueFulfillmentNews(
  tx: Tx,
  event: OutboxRecord,
  options: EmailSubscriberOptions,
): Promise<void> {
  const { orderId, fulfillmentId } = FulfillmentMovedSchema.parse(event.payload);
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      channel: true,
      email: true,
      currency: true,
      customer: { select: { email: true, firstName: true } },
    },
  });
  const to = order?.email ?? order?.customer?.email;
  if (!order || !to || !NOTIFIED_CHANNELS.has(order.channel)) return;
  const fulfillment = await tx.fulfillment.findUniqueOrThrow({
    where: { id: fulfillmentId },
    include: { location: true, lines: { orderBy: { id: "asc" } } },
  });
  const settings = await getSettings(tx);
  const { statusUrl } = orderLinks(order, options);
  const location = fulfillment.location;

  const due =
    event.type === EMAIL_EVENT_TYPES.readyForPickup
      ? await amountDueAtPickup(tx, order.id, fulfillment.amountMinor)
      : 0;
  const rendered = composeFulfillmentEmail({
    businessName: settings.businessName,
    orderNumber: order.number,
    firstName: order.customer?.firstName ?? null,
    items: fulfillment.lines.map((line) => `${line.quantity} x ${line.title}`),
    statusUrl,
    news:
      event.type === EMAIL_EVENT_TYPES.readyForPickup
        ? {
            kind: "ready_for_pickup",
            storeName: location.name,
            address: [
              location.addressLine1,
              location.addressLine2,
              location.city,
              location.postalCode,
            ]
              .filter(Boolean)
              .join(", "),
            hours: describeWeeklyHours(readWeeklyHours(location.pickupHours)),
            holdHours: location.pickupHoldHours,
            amountDue:
              due > 0 ? formatMoney({ amount: due, currency: order.currency }) : null,
          }
        : {
            kind: "shipped",
            carrier: fulfillment.carrier,
            trackingNumber: fulfillment.trackingNumber,
          },
  });
  await enqueueEmail(tx, {
    eventId: event.id,
    kind: event.type === EMAIL_EVENT_TYPES.readyForPickup ? "pickup_ready" : "shipped",
    to,
    rendered,
    isHeld: !options.isSmtpConfigured,
  });
}

/**
 * What is left to pay when a pay-in-store pickup is collected: the
 * fulfillment's amount less what its live payments already cover.
 */
async function amountDueAtPickup(tx: Tx, orderId: string, amountMinor: number) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { isPayAtPickup: true },
  });
  if (!order.isPayAtPickup) return 0;
  const paid = await tx.payment.aggregate({
    where: { orderId, status: { in: ["AUTHORIZED", "CAPTURED"] } },
    _sum: { amountMinor: true },
  });
  return Math.max(0, amountMinor - (paid._sum.amountMinor ?? 0));
}
