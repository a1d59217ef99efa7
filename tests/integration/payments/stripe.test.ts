/**
 * The Stripe adapter and webhook with no network. Stripe's own SDK is
 * used throughout; only at its outermost edge, the HTTP requests it sends,
 * a small local server stands in for Stripe's API and answers the few
 * calls the adapter makes (create and confirm, retrieve, update, capture,
 * cancel a PaymentIntent; create a refund). What Stripe.js does in the
 * shopper's browser (confirming a Payment Element's intent) is played by
 * confirmInBrowser, which sets the intent as Stripe would. No complete local Stripe mock exists
 * for PaymentIntents, so this stand-in is ours. Webhook signatures are made
 * with the SDK's own generateTestHeaderString and checked by the route.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { completeCardPayment } from "@/lib/checkout/complete-card-payment";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { startCardPayment } from "@/lib/checkout/start-card-payment";
import { advanceFulfillment } from "@/lib/orders/advance-fulfillment";
import { cancelOrder } from "@/lib/orders/cancel-order";
import type { CardProviders } from "@/lib/payments/card-providers";
import { StripeProvider } from "@/lib/payments/stripe-provider";
import { startTerminalPayment } from "@/lib/payments/stripe-terminal";
import { ADDRESS, createShop, level, receive, type Shop } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

const WEBHOOK_SECRET = "whsec_test_omnitill";
let db: TestDatabase;
let shop: Shop;
let server: Server;
let providers: CardProviders;

interface Seen {
  method: string;
  path: string;
  body: URLSearchParams;
  idempotencyKey: string | null;
}
const seen: Seen[] = [];
const intents = new Map<string, Record<string, unknown>>();

/** The form-encoded `metadata[key]=value` fields of a request. */
function metadataOf(body: URLSearchParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of body) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match?.[1]) metadata[match[1]] = value;
  }
  return metadata;
}

/** What Stripe.js does when the shopper confirms the Payment Element. */
function confirmInBrowser(paymentIntentId: string) {
  const intent = intents.get(paymentIntentId);
  if (!intent) throw new Error(`no intent ${paymentIntentId}`);
  Object.assign(intent, {
    status: "requires_capture",
    latest_charge: {
      id: `ch_${paymentIntentId}`,
      object: "charge",
      payment_method_details: { card: { brand: "amex", last4: "0005" } },
    },
  });
}

/** The stand-in for api.stripe.com: just the calls the adapter makes. */
function stripeStandIn(): Server {
  return createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const body = new URLSearchParams(raw);
      seen.push({
        method: request.method ?? "",
        path: url.pathname,
        body,
        idempotencyKey: (request.headers["idempotency-key"] as string) ?? null,
      });
      const reply = (status: number, json: unknown) => {
        response.writeHead(status, {
          "content-type": "application/json",
          "request-id": "req_1",
        });
        response.end(JSON.stringify(json));
      };
      const intentId = url.pathname.split("/")[3] ?? "";

      if (request.method === "POST" && url.pathname === "/v1/payment_intents") {
        if (body.get("payment_method") === "pm_card_chargeDeclined") {
          return reply(402, {
            error: {
              type: "card_error",
              code: "card_declined",
              decline_code: "generic_decline",
              message: "Your card was declined.",
            },
          });
        }
        const id = `pi_${seen.length}`;
        const metadata = metadataOf(body);
        const isForBrowser =
          !body.get("payment_method") &&
          body.get("confirm") !== "true" &&
          body.get("allowed_payment_method_types[0]") !== "card_present";
        if (isForBrowser) {
          // For the browser to confirm: the Payment Element, or a reader.
          const waiting = {
            id,
            object: "payment_intent",
            amount: Number(body.get("amount")),
            amount_received: 0,
            currency: body.get("currency"),
            status: "requires_payment_method",
            client_secret: `${id}_secret_standin`,
            metadata,
            latest_charge: null,
          };
          intents.set(id, waiting);
          return reply(200, waiting);
        }
        if (body.get("allowed_payment_method_types[0]") === "card_present") {
          const waiting = {
            id,
            object: "payment_intent",
            amount: Number(body.get("amount")),
            amount_received: 0,
            currency: body.get("currency"),
            status: "requires_payment_method",
            latest_charge: null,
          };
          intents.set(id, waiting);
          return reply(200, waiting);
        }
        const intent = {
          id,
          object: "payment_intent",
          amount: Number(body.get("amount")),
          amount_received: 0,
          currency: body.get("currency"),
          status: "requires_capture",
          metadata,
          latest_charge: {
            id: `ch_${seen.length}`,
            object: "charge",
            payment_method_details: { card: { brand: "visa", last4: "4242" } },
          },
        };
        intents.set(id, intent);
        return reply(200, intent);
      }
      const intent = intents.get(intentId);
      if (!intent && url.pathname.startsWith("/v1/payment_intents/")) {
        return reply(404, {
          error: { type: "invalid_request_error", code: "resource_missing" },
        });
      }
      if (request.method === "GET" && intent) return reply(200, intent);
      if (
        request.method === "POST" &&
        intent &&
        url.pathname === `/v1/payment_intents/${intentId}`
      ) {
        const metadata = { ...(intent.metadata as object), ...metadataOf(body) };
        Object.assign(intent, { metadata });
        return reply(200, intent);
      }
      if (url.pathname.endsWith("/capture") && intent) {
        const amount = Number(body.get("amount_to_capture") ?? intent.amount);
        Object.assign(intent, { status: "succeeded", amount_received: amount });
        return reply(200, intent);
      }
      if (url.pathname.endsWith("/cancel") && intent) {
        Object.assign(intent, { status: "canceled" });
        return reply(200, intent);
      }
      const readerMatch =
        /^\/v1\/terminal\/readers\/([^/]+)\/process_payment_intent$/.exec(url.pathname);
      if (readerMatch) {
        // The shopper taps a card on the reader: the intent is authorized.
        const tapped = intents.get(body.get("payment_intent") ?? "");
        Object.assign(tapped ?? {}, {
          status: "requires_capture",
          latest_charge: {
            id: "ch_tap",
            object: "charge",
            payment_method_details: {
              card_present: { brand: "mastercard", last4: "4444" },
            },
          },
        });
        return reply(200, {
          id: readerMatch[1],
          object: "terminal.reader",
          action: { type: "process_payment_intent", status: "in_progress" },
        });
      }
      if (url.pathname === "/v1/refunds") {
        return reply(200, {
          id: `re_${seen.length}`,
          object: "refund",
          amount: Number(body.get("amount")),
        });
      }
      return reply(404, {
        error: { type: "invalid_request_error", message: "not stood in for" },
      });
    });
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.STRIPE_SECRET_KEY = "sk_test_omnitill";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  server = stripeStandIn();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  providers = {
    stripe: new StripeProvider({
      secretKey: "sk_test_omnitill",
      webhookSecret: WEBHOOK_SECRET,
      host: "127.0.0.1",
      port,
      protocol: "http",
    }),
    testCard: null,
  };
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.small.id, shop.warehouse.id, 10);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function checkout(token: string, key: string) {
  const cart = await createCart(db.prisma, {
    actor: shop.customer,
    input: { shippingAddress: ADDRESS },
  });
  await addCartLine(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
  });
  return placeOrder(db.prisma, {
    actor: shop.customer,
    cartId: cart.id,
    idempotencyKey: key,
    input: { tenders: [{ kind: "card", token }] },
    providers,
  });
}

function signed(event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return new Request("http://localhost/api/webhooks/stripe", {
    method: "POST",
    headers: { "stripe-signature": header, "content-type": "application/json" },
    body: payload,
  });
}

describe("Stripe", () => {
  it("authorizes for manual capture, keeps brand and last four, captures at shipment", async () => {
    const result = await checkout("pm_card_visa", "stripe-1");
    expect(result.outcome).toBe("placed");
    if (result.outcome !== "placed") return;
    const create = seen.find((s) => s.path === "/v1/payment_intents");
    expect(create?.body.get("capture_method")).toBe("manual");
    expect(create?.body.get("confirm")).toBe("true");
    expect(create?.idempotencyKey).toMatch(/:t0$/);
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: result.order.id },
    });
    expect(payment).toMatchObject({
      provider: "STRIPE",
      status: "AUTHORIZED",
      reference: expect.stringMatching(/^pi_/),
      cardBrand: "visa",
      cardLast4: "4242",
      isTestMode: true,
    });

    const fulfillment = await db.prisma.fulfillment.findFirstOrThrow({
      where: { orderId: result.order.id },
    });
    const packer = {
      ...shop.associate,
      role: "FULFILLMENT" as const,
      locationIds: "all" as const,
    };
    for (const to of ["PICKING", "PACKED", "SHIPPED"] as const) {
      await advanceFulfillment(db.prisma, {
        actor: packer,
        fulfillmentId: fulfillment.id,
        to,
        providers,
      });
    }
    const capture = seen.find((s) => s.path.endsWith("/capture"));
    expect(capture?.body.get("amount_to_capture")).toBe(String(result.order.totalMinor));
    expect(capture?.idempotencyKey).toContain(fulfillment.id);
    const captured = await db.prisma.payment.findFirstOrThrow({
      where: { id: payment.id },
    });
    expect(captured).toMatchObject({
      status: "CAPTURED",
      capturedMinor: result.order.totalMinor,
    });
  });

  it("releases the stock when Stripe declines the card", async () => {
    const before = await level(db.prisma, shop.small.id, shop.warehouse.id);
    const result = await checkout("pm_card_chargeDeclined", "stripe-declined");
    expect(result).toMatchObject({
      outcome: "payment_declined",
      code: "generic_decline",
    });
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual(before);
  });

  it("cancels the PaymentIntent when an authorized order is cancelled", async () => {
    const result = await checkout("pm_card_visa", "stripe-cancel");
    if (result.outcome !== "placed") throw new Error("not placed");
    await cancelOrder(db.prisma, {
      actor: shop.customer,
      orderId: result.order.id,
      reason: "changed my mind",
      providers,
    });
    expect(seen.some((s) => s.path.endsWith("/cancel"))).toBe(true);
  });

  it("takes a card-present payment through a Terminal reader at the till", async () => {
    await receive(db.prisma, shop.mug.id, shop.store.id, 5);
    const cart = await createCart(db.prisma, {
      actor: shop.associate,
      input: { locationId: shop.store.id, registerId: shop.register.id },
    });
    const view = await addCartLine(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      input: { variantId: shop.mug.id, quantity: 1, fulfillment: "CARRY_OUT" },
    });
    const started = await startTerminalPayment(providers.stripe as StripeProvider, {
      readerId: "tmr_till_1",
      amountMinor: view.totals.totalMinor,
      currency: "GBP",
      idempotencyKey: `terminal:${cart.id}:1`,
      description: "Till 1",
    });
    expect(started).toMatchObject({ readerId: "tmr_till_1", status: "in_progress" });
    const result = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId: cart.id,
      idempotencyKey: "terminal-sale",
      input: { tenders: [{ kind: "card", token: started.paymentIntentId }] },
      providers,
    });
    expect(result).toMatchObject({ outcome: "placed", order: { status: "COMPLETED" } });
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { reference: started.paymentIntentId },
    });
    expect(payment).toMatchObject({
      status: "CAPTURED",
      cardBrand: "mastercard",
      cardLast4: "4444",
    });
  });

  it("applies a signed webhook once; refuses tampered, wrong-secret, unsigned ones", async () => {
    const result = await checkout("pm_card_visa", "stripe-webhook");
    if (result.outcome !== "placed") throw new Error("not placed");
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: result.order.id },
    });
    const event = {
      id: "evt_canceled_1",
      object: "event",
      type: "payment_intent.canceled",
      data: {
        object: {
          id: payment.reference,
          object: "payment_intent",
          amount: payment.amountMinor,
        },
      },
    };

    const first = await stripeWebhook(signed(event));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: "applied" });
    const again = await stripeWebhook(signed(event));
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
    const voided = await db.prisma.payment.findFirstOrThrow({
      where: { id: payment.id },
    });
    expect(voided.status).toBe("VOIDED");
    const order = await db.prisma.order.findUniqueOrThrow({
      where: { id: result.order.id },
    });
    expect(order.status).toBe("PLACED");

    const tampered = signed(event);
    const body = (await tampered.text()).replace("canceled_1", "canceled_2");
    const forged = new Request(tampered.url, {
      method: "POST",
      headers: tampered.headers,
      body,
    });
    expect((await stripeWebhook(forged)).status).toBe(400);
    expect(
      (await stripeWebhook(signed({ ...event, id: "evt_2" }, "whsec_wrong"))).status,
    ).toBe(400);
    const unsigned = new Request(tampered.url, {
      method: "POST",
      body: JSON.stringify(event),
    });
    expect((await stripeWebhook(unsigned)).status).toBe(400);
    expect(
      await db.prisma.paymentEvent.count({ where: { providerEventId: { not: null } } }),
    ).toBe(1);
  });
});

describe("Stripe's Payment Element at checkout", () => {
  async function bag() {
    const cart = await createCart(db.prisma, {
      actor: shop.customer,
      input: { shippingAddress: ADDRESS },
    });
    const view = await addCartLine(db.prisma, {
      actor: shop.customer,
      cartId: cart.id,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    return { cartId: cart.id, totalMinor: view.totals.totalMinor };
  }

  /** What the page, the return URL and the webhook all send. */
  function place(cartId: string, paymentIntentId: string, attemptKey: string) {
    return completeCardPayment(db.prisma, {
      actor: shop.customer,
      cartId,
      paymentIntentId,
      attemptKey,
      providers,
    });
  }

  it("opens an intent for the bag's total with manual capture, and places the order with it once confirmed", async () => {
    const { cartId, totalMinor } = await bag();
    const started = await startCardPayment(db.prisma, {
      actor: shop.customer,
      cartId,
      attemptKey: "attempt-element-1",
      expectedTotalMinor: totalMinor,
      stripe: providers.stripe as StripeProvider,
    });
    expect(started).toMatchObject({
      paymentIntentId: expect.stringMatching(/^pi_/),
      clientSecret: `${started.paymentIntentId}_secret_standin`,
      amountMinor: totalMinor,
    });
    const create = seen.findLast((s) => s.path === "/v1/payment_intents");
    expect(create?.body.get("capture_method")).toBe("manual");
    expect(create?.body.get("amount")).toBe(String(totalMinor));
    expect(create?.body.get("currency")).toBe("gbp");
    expect(create?.body.get("confirm")).toBeNull();
    expect(create?.body.get("metadata[cartId]")).toBe(cartId);
    expect(create?.idempotencyKey).toBe(
      `checkout:${cartId}:attempt-element-1:${totalMinor}`,
    );

    confirmInBrowser(started.paymentIntentId);
    const result = await place(cartId, started.paymentIntentId, "attempt-element-1");
    expect(result.outcome).toBe("placed");
    if (result.outcome !== "placed") return;
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { orderId: result.order.id },
    });
    expect(payment).toMatchObject({
      provider: "STRIPE",
      status: "AUTHORIZED",
      reference: started.paymentIntentId,
      amountMinor: totalMinor,
      capturedMinor: 0,
      cardBrand: "amex",
      cardLast4: "0005",
    });
    // The order claimed the intent at Stripe.
    expect(intents.get(started.paymentIntentId)?.metadata).toMatchObject({
      cartId,
      orderId: result.order.id,
    });
  });

  it("refuses a total that changed since the page was loaded, before asking Stripe", async () => {
    const { cartId, totalMinor } = await bag();
    const creates = seen.filter((s) => s.path === "/v1/payment_intents").length;
    await expect(
      startCardPayment(db.prisma, {
        actor: shop.customer,
        cartId,
        attemptKey: "attempt-element-stale",
        expectedTotalMinor: totalMinor - 100,
        stripe: providers.stripe as StripeProvider,
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      fields: { expectedTotalMinor: expect.any(Array) },
    });
    expect(seen.filter((s) => s.path === "/v1/payment_intents").length).toBe(creates);
  });

  it("refuses another shopper's bag", async () => {
    const { cartId, totalMinor } = await bag();
    await expect(
      startCardPayment(db.prisma, {
        actor: { kind: "customer", id: "someone-else", email: "else@example.test" },
        cartId,
        attemptKey: "attempt-element-other",
        expectedTotalMinor: totalMinor,
        stripe: providers.stripe as StripeProvider,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("does not place an order with an intent the shopper has not confirmed, and keeps the stock", async () => {
    const { cartId, totalMinor } = await bag();
    const before = await level(db.prisma, shop.small.id, shop.warehouse.id);
    const started = await startCardPayment(db.prisma, {
      actor: shop.customer,
      cartId,
      attemptKey: "attempt-element-unconfirmed",
      expectedTotalMinor: totalMinor,
      stripe: providers.stripe as StripeProvider,
    });
    const result = await place(
      cartId,
      started.paymentIntentId,
      "attempt-element-unconfirmed",
    );
    expect(result).toMatchObject({
      outcome: "payment_declined",
      code: "payment_not_authorized",
    });
    expect(await level(db.prisma, shop.small.id, shop.warehouse.id)).toEqual(before);
  });

  it("places the order from Stripe's webhook when the shopper paid and left, once, and the page then finds it", async () => {
    const { cartId, totalMinor } = await bag();
    const started = await startCardPayment(db.prisma, {
      actor: shop.customer,
      cartId,
      attemptKey: "attempt-element-webhook",
      expectedTotalMinor: totalMinor,
      stripe: providers.stripe as StripeProvider,
    });
    confirmInBrowser(started.paymentIntentId);
    const cache = globalThis as { __omnitillCardProviders?: CardProviders };
    const configured = cache.__omnitillCardProviders;
    cache.__omnitillCardProviders = providers;
    try {
      const event = {
        id: "evt_capturable_1",
        object: "event",
        type: "payment_intent.amount_capturable_updated",
        data: { object: intents.get(started.paymentIntentId) },
      };
      const first = await stripeWebhook(signed(event));
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ received: true, outcome: "order_placed" });
      const again = await stripeWebhook(signed({ ...event, id: "evt_capturable_2" }));
      expect(await again.json()).toEqual({ received: true, outcome: "noted" });
    } finally {
      cache.__omnitillCardProviders = configured;
    }
    const orders = await db.prisma.order.findMany({
      where: { payments: { some: { reference: started.paymentIntentId } } },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]?.customerId).toBe(shop.customer.id);

    // The page comes back late with the same attempt: the same order.
    const late = await place(cartId, started.paymentIntentId, "attempt-element-webhook");
    expect(late).toMatchObject({ outcome: "placed", order: { id: orders[0]?.id } });
  });

  it("refuses an intent for another total (the bag changed after paying) and lets its hold go", async () => {
    const { cartId, totalMinor } = await bag();
    const started = await startCardPayment(db.prisma, {
      actor: shop.customer,
      cartId,
      attemptKey: "attempt-element-changed",
      expectedTotalMinor: totalMinor,
      stripe: providers.stripe as StripeProvider,
    });
    confirmInBrowser(started.paymentIntentId);
    await addCartLine(db.prisma, {
      actor: shop.customer,
      cartId,
      input: { variantId: shop.small.id, quantity: 1, fulfillment: "SHIP" },
    });
    const result = await place(
      cartId,
      started.paymentIntentId,
      "attempt-element-changed",
    );
    expect(result).toMatchObject({
      outcome: "payment_declined",
      code: "amount_mismatch",
    });
    expect(intents.get(started.paymentIntentId)?.status).toBe("canceled");
  });

  it("lets one confirmed intent pay for one order only", async () => {
    const first = await bag();
    const started = await startCardPayment(db.prisma, {
      actor: shop.customer,
      cartId: first.cartId,
      attemptKey: "attempt-element-once",
      expectedTotalMinor: first.totalMinor,
      stripe: providers.stripe as StripeProvider,
    });
    confirmInBrowser(started.paymentIntentId);
    const placed = await place(
      first.cartId,
      started.paymentIntentId,
      "attempt-element-once",
    );
    expect(placed.outcome).toBe("placed");
    // The same request again is the same order, not a second one.
    const again = await place(
      first.cartId,
      started.paymentIntentId,
      "attempt-element-once",
    );
    expect(again).toMatchObject({ outcome: "placed", isReplay: true });

    const second = await bag();
    expect(second.totalMinor).toBe(first.totalMinor);
    const reused = await place(
      second.cartId,
      started.paymentIntentId,
      "attempt-element-reuse",
    );
    expect(reused).toMatchObject({
      outcome: "payment_declined",
      code: "payment_already_used",
    });
  });
});
