/**
 * Taking a card on a register's Stripe Terminal reader, with no network.
 * Stripe's own SDK is used throughout; only at its outermost edge, the
 * HTTP requests it sends, a small local server stands in for Stripe's API
 * (PaymentIntents and Terminal readers, replaying a request whose
 * Idempotency-Key it has seen, as Stripe does). What the shopper does on
 * the reader (tapping a card, or having it declined) is played by tapCard
 * and declineOnReader, which set the intent and the reader as Stripe would.
 * No complete local Stripe mock exists for PaymentIntents, so it is ours.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCartLine } from "@/lib/checkout/change-cart-lines";
import { createCart } from "@/lib/checkout/create-cart";
import { placeOrder } from "@/lib/checkout/place-order";
import { setRegisterReader } from "@/lib/locations/registers";
import type { CardProviders } from "@/lib/payments/card-providers";
import { StripeProvider } from "@/lib/payments/stripe-provider";
import {
  cancelReaderPayment,
  pollReaderPayment,
  startReaderPayment,
} from "@/lib/pos/reader-payments";
import { createShop, receive, type Shop } from "../checkout/shop";
import { createTestDatabase, type TestDatabase } from "../support/database";

type Json = Record<string, unknown>;

let db: TestDatabase;
let shop: Shop;
let server: Server;
let stripe: StripeProvider;
let providers: CardProviders;

const seen: { method: string; path: string; body: URLSearchParams }[] = [];
const intents = new Map<string, Json>();
const readers = new Map<string, Json>();
const replies = new Map<string, { status: number; json: unknown }>();
const READER = "tmr_FrontCounter1";
const OFFLINE_READER = "tmr_Offline1";

/** The shopper taps a card on the reader and the bank approves it. */
function tapCard(paymentIntentId: string) {
  const intent = intents.get(paymentIntentId);
  if (!intent) throw new Error(`no intent ${paymentIntentId}`);
  Object.assign(intent, {
    status: "requires_capture",
    amount_capturable: intent.amount,
    latest_charge: {
      id: `ch_${paymentIntentId}`,
      object: "charge",
      payment_method_details: {
        type: "card_present",
        card_present: { brand: "visa", last4: "0101" },
      },
    },
  });
  const action = readers.get(READER)?.action as Json;
  Object.assign(action, { status: "succeeded" });
}

/** The card is refused: the intent keeps the error, the reader's action fails. */
function declineOnReader(paymentIntentId: string, declineCode: string) {
  const intent = intents.get(paymentIntentId);
  if (!intent) throw new Error(`no intent ${paymentIntentId}`);
  Object.assign(intent, {
    last_payment_error: {
      type: "card_error",
      code: "card_declined",
      decline_code: declineCode,
      message: "Your card was declined.",
    },
  });
  const action = readers.get(READER)?.action as Json;
  Object.assign(action, {
    status: "failed",
    failure_code: "card_declined",
    failure_message: "Your card was declined.",
  });
}

function readerObject(id: string): Json {
  let reader = readers.get(id);
  if (!reader) {
    reader = { id, object: "terminal.reader", label: "Front counter", action: null };
    readers.set(id, reader);
  }
  return reader;
}

/** The stand-in for api.stripe.com: just the calls the till makes. */
function stripeStandIn(): Server {
  return createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => {
      raw += chunk;
    });
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const body = new URLSearchParams(raw);
      const method = request.method ?? "";
      seen.push({ method, path: url.pathname, body });
      const key = request.headers["idempotency-key"] as string | undefined;
      const send = (status: number, json: unknown) => {
        response.writeHead(status, {
          "content-type": "application/json",
          "request-id": `req_${seen.length}`,
        });
        response.end(JSON.stringify(json));
      };
      const replay = key ? replies.get(key) : undefined;
      if (method === "POST" && replay) return send(replay.status, replay.json);
      const reply = (status: number, json: unknown) => {
        if (method === "POST" && key) replies.set(key, { status, json });
        send(status, json);
      };
      const parts = url.pathname.split("/");
      const id = parts[3] ?? "";

      if (url.pathname === "/v1/payment_intents" && method === "POST") {
        const intentId = `pi_reader${intents.size + 1}`;
        const metadata: Record<string, string> = {};
        for (const [name, value] of body) {
          const match = /^metadata\[(.+)\]$/.exec(name);
          if (match?.[1]) metadata[match[1]] = value;
        }
        const intent = {
          id: intentId,
          object: "payment_intent",
          amount: Number(body.get("amount")),
          amount_received: 0,
          currency: body.get("currency"),
          capture_method: body.get("capture_method"),
          payment_method_types: [body.get("allowed_payment_method_types[0]")],
          status: "requires_payment_method",
          metadata,
          latest_charge: null,
          last_payment_error: null,
        };
        intents.set(intentId, intent);
        return reply(200, intent);
      }
      if (parts[2] === "payment_intents") {
        const intent = intents.get(id);
        if (!intent) {
          return reply(404, {
            error: { type: "invalid_request_error", code: "resource_missing" },
          });
        }
        const action = parts[4];
        if (method === "GET") return reply(200, intent);
        if (action === "cancel") {
          if (intent.status === "canceled" || intent.status === "succeeded") {
            return reply(400, {
              error: {
                type: "invalid_request_error",
                code: "payment_intent_unexpected_state",
              },
            });
          }
          Object.assign(intent, { status: "canceled" });
          return reply(200, intent);
        }
        if (action === "capture") {
          Object.assign(intent, { status: "succeeded", amount_received: intent.amount });
          return reply(200, intent);
        }
        for (const [name, value] of body) {
          const match = /^metadata\[(.+)\]$/.exec(name);
          if (match?.[1]) (intent.metadata as Json)[match[1]] = value;
        }
        return reply(200, intent);
      }
      if (parts[2] === "terminal" && parts[3] === "readers") {
        const readerId = parts[4] ?? "";
        if (readerId === OFFLINE_READER) {
          return reply(400, {
            error: {
              type: "invalid_request_error",
              code: "terminal_reader_offline",
              message: "Reader is currently offline.",
            },
          });
        }
        const reader = readerObject(readerId);
        if (method === "GET") return reply(200, reader);
        if (parts[5] === "process_payment_intent") {
          reader.action = {
            type: "process_payment_intent",
            status: "in_progress",
            failure_code: null,
            failure_message: null,
            process_payment_intent: { payment_intent: body.get("payment_intent") },
          };
          return reply(200, reader);
        }
        if (parts[5] === "cancel_action") {
          reader.action = null;
          return reply(200, reader);
        }
      }
      return reply(404, {
        error: { type: "invalid_request_error", message: "not stood in for" },
      });
    });
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = stripeStandIn();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stripe = new StripeProvider({
    secretKey: "sk_test_omnitill",
    webhookSecret: null,
    host: "127.0.0.1",
    port,
    protocol: "http",
  });
  providers = { stripe, testCard: null };
  shop = await createShop(db.prisma);
  await receive(db.prisma, shop.mug.id, shop.store.id, 50);
  await setRegisterReader(db.prisma, owner(), {
    registerId: shop.register.id,
    terminalReaderId: READER,
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db?.prisma.$disconnect();
});

function owner() {
  return { ...shop.associate, role: "OWNER" as const, locationIds: "all" as const };
}

/** A till ticket with one mug carried out, on the shop's register. */
async function ticket() {
  const cart = await createCart(db.prisma, {
    actor: shop.associate,
    input: { channel: "POS", locationId: shop.store.id, registerId: shop.register.id },
  });
  const view = await addCartLine(db.prisma, {
    actor: shop.associate,
    cartId: cart.id,
    input: { variantId: shop.mug.id, quantity: 1, fulfillment: "CARRY_OUT" },
  });
  return { cartId: cart.id, totalMinor: view.totals.totalMinor };
}

const start = (input: object) =>
  startReaderPayment(db.prisma, { actor: shop.associate, input, stripe });
const poll = (input: object) =>
  pollReaderPayment(db.prisma, { actor: shop.associate, input, stripe });
const cancel = (input: object) =>
  cancelReaderPayment(db.prisma, { actor: shop.associate, input, stripe });

describe("the register's card reader", () => {
  it("sends the amount to the reader, waits for the card, and the sale captures it at the counter", async () => {
    const { cartId, totalMinor } = await ticket();
    const started = await start({
      cartId,
      amountMinor: totalMinor,
      attemptKey: "try-ok-1",
    });
    expect(started).toMatchObject({
      paymentIntentId: expect.stringMatching(/^pi_/),
      readerLabel: "Front counter",
      amountMinor: totalMinor,
    });
    const create = seen.findLast((s) => s.path === "/v1/payment_intents");
    expect(create?.body.get("capture_method")).toBe("manual");
    expect(create?.body.get("allowed_payment_method_types[0]")).toBe("card_present");
    expect(create?.body.get("amount")).toBe(String(totalMinor));
    expect(seen.at(-1)?.path).toBe(
      `/v1/terminal/readers/${READER}/process_payment_intent`,
    );

    const { paymentIntentId } = started;
    expect(await poll({ cartId, paymentIntentId })).toMatchObject({ status: "waiting" });
    tapCard(paymentIntentId);
    expect(await poll({ cartId, paymentIntentId })).toMatchObject({
      status: "approved",
      amountMinor: totalMinor,
      cardBrand: "visa",
      cardLast4: "0101",
    });

    const result = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId,
      idempotencyKey: `reader-sale-${cartId}`,
      input: {
        tenders: [{ kind: "card", amountMinor: totalMinor, token: paymentIntentId }],
      },
      providers,
    });
    expect(result).toMatchObject({ outcome: "placed", order: { status: "COMPLETED" } });
    expect(intents.get(paymentIntentId)?.status).toBe("succeeded");
    const payment = await db.prisma.payment.findFirstOrThrow({
      where: { reference: paymentIntentId },
    });
    expect(payment).toMatchObject({
      provider: "STRIPE",
      status: "CAPTURED",
      capturedMinor: totalMinor,
      cardBrand: "visa",
      cardLast4: "0101",
    });
  });

  it("opens one intent for a repeated request of the same attempt, and a new one for a new attempt", async () => {
    const { cartId, totalMinor } = await ticket();
    const before = intents.size;
    const input = { cartId, amountMinor: totalMinor, attemptKey: "try-double-1" };
    const first = await start(input);
    const again = await start(input);
    expect(again.paymentIntentId).toBe(first.paymentIntentId);
    expect(intents.size).toBe(before + 1);

    await cancel({ cartId, paymentIntentId: first.paymentIntentId });
    const retry = await start({ ...input, attemptKey: "try-double-2" });
    expect(retry.paymentIntentId).not.toBe(first.paymentIntentId);
    expect(intents.size).toBe(before + 2);
  });

  it("reports a declined card with the reason in plain words and leaves the ticket open", async () => {
    const { cartId, totalMinor } = await ticket();
    const { paymentIntentId } = await start({
      cartId,
      amountMinor: totalMinor,
      attemptKey: "try-decline-1",
    });
    declineOnReader(paymentIntentId, "insufficient_funds");
    const state = await poll({ cartId, paymentIntentId });
    expect(state).toMatchObject({ status: "declined", code: "insufficient_funds" });
    if (state.status !== "declined") return;
    expect(state.message).toBe(
      "Not enough money on the card. Ask for another card or way to pay. Nothing was charged.",
    );

    // The reader itself gives up (the shopper pressed cancel on it): the
    // intent carries no error, the reader's action has failed.
    const second = await start({
      cartId,
      amountMinor: totalMinor,
      attemptKey: "try-decline-2",
    });
    Object.assign(readers.get(READER)?.action as Json, {
      status: "failed",
      failure_code: "customer_canceled",
    });
    expect(await poll({ cartId, paymentIntentId: second.paymentIntentId })).toMatchObject(
      {
        status: "declined",
        message: "The payment was cancelled on the reader. Nothing was charged.",
      },
    );
    const cart = await db.prisma.cart.findUniqueOrThrow({ where: { id: cartId } });
    expect(await db.prisma.order.count({ where: { cartId: cart.id } })).toBe(0);
  });

  it("cancels a payment waiting on the reader: the reader drops it and the intent is cancelled", async () => {
    const { cartId, totalMinor } = await ticket();
    const { paymentIntentId } = await start({
      cartId,
      amountMinor: totalMinor,
      attemptKey: "try-cancel-1",
    });
    expect(await cancel({ cartId, paymentIntentId })).toEqual({
      status: "canceled",
      paymentIntentId,
    });
    expect(
      seen.some((s) => s.path === `/v1/terminal/readers/${READER}/cancel_action`),
    ).toBe(true);
    expect(intents.get(paymentIntentId)?.status).toBe("canceled");
    expect(await poll({ cartId, paymentIntentId })).toMatchObject({ status: "canceled" });
    // Cancelling again changes nothing and is not an error.
    await expect(cancel({ cartId, paymentIntentId })).resolves.toMatchObject({
      status: "canceled",
    });

    const refused = await placeOrder(db.prisma, {
      actor: shop.associate,
      cartId,
      idempotencyKey: `reader-cancelled-${cartId}`,
      input: {
        tenders: [{ kind: "card", amountMinor: totalMinor, token: paymentIntentId }],
      },
      providers,
    });
    expect(refused).toMatchObject({
      outcome: "payment_declined",
      code: "payment_not_authorized",
    });
  });

  it("refuses bad input, a larger amount than the sale, another ticket's payment and another store's associate", async () => {
    const { cartId, totalMinor } = await ticket();
    await expect(
      start({ cartId, amountMinor: 0, attemptKey: "try-bad-1" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { amountMinor: expect.any(Array) },
    });
    await expect(
      start({ cartId, amountMinor: totalMinor + 1, attemptKey: "try-bad-1" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { amountMinor: expect.any(Array) },
    });
    await expect(
      start({ cartId, amountMinor: totalMinor, attemptKey: "no" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { attemptKey: expect.any(Array) },
    });

    const other = await ticket();
    const { paymentIntentId } = await start({
      cartId: other.cartId,
      amountMinor: other.totalMinor,
      attemptKey: "try-other-1",
    });
    await expect(poll({ cartId, paymentIntentId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(cancel({ cartId, paymentIntentId })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      poll({ cartId, paymentIntentId: "4242 4242 4242 4242" }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { paymentIntentId: expect.any(Array) },
    });

    const stranger = { ...shop.associate, locationIds: [shop.otherStore.id] };
    await expect(
      startReaderPayment(db.prisma, {
        actor: stranger,
        input: { cartId, amountMinor: totalMinor, attemptKey: "try-stranger-1" },
        stripe,
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/not_found|forbidden/) });
  });

  it("says when Stripe is not set up, the register has no reader, or the reader is offline", async () => {
    const { cartId, totalMinor } = await ticket();
    const input = { cartId, amountMinor: totalMinor, attemptKey: "try-setup-1" };
    await expect(
      startReaderPayment(db.prisma, { actor: shop.associate, input, stripe: null }),
    ).rejects.toMatchObject({ code: "conflict" });

    await setRegisterReader(db.prisma, owner(), {
      registerId: shop.register.id,
      terminalReaderId: "",
    });
    try {
      await expect(start(input)).rejects.toMatchObject({
        code: "conflict",
        publicMessage: expect.stringContaining("has no card reader"),
      });
      await setRegisterReader(db.prisma, owner(), {
        registerId: shop.register.id,
        terminalReaderId: OFFLINE_READER,
      });
      await expect(start({ ...input, attemptKey: "try-setup-2" })).rejects.toMatchObject({
        code: "conflict",
        publicMessage: expect.stringContaining("is offline"),
      });
    } finally {
      await setRegisterReader(db.prisma, owner(), {
        registerId: shop.register.id,
        terminalReaderId: READER,
      });
    }
  });
});

describe("setting a register's reader in the back-office", () => {
  it("accepts a tmr_ id, refuses anything else naming the field, and audits each change", async () => {
    const register = await db.prisma.register.create({
      data: { locationId: shop.store.id, name: "Till reader test" },
    });
    for (const bad of ["pi_123", "tmr_", "tmr_has space", "x".repeat(70), 42]) {
      await expect(
        setRegisterReader(db.prisma, owner(), {
          registerId: register.id,
          terminalReaderId: bad,
        }),
      ).rejects.toMatchObject({
        code: "invalid_input",
        fields: { terminalReaderId: expect.any(Array) },
      });
    }
    await expect(
      setRegisterReader(db.prisma, shop.associate, {
        registerId: register.id,
        terminalReaderId: READER,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const set = await setRegisterReader(db.prisma, owner(), {
      registerId: register.id,
      terminalReaderId: ` ${READER} `,
    });
    expect(set.terminalReaderId).toBe(READER);
    const cleared = await setRegisterReader(db.prisma, owner(), {
      registerId: register.id,
      terminalReaderId: "",
    });
    expect(cleared.terminalReaderId).toBeNull();

    const audit = await db.prisma.auditEntry.findMany({
      where: { entityId: register.id, action: "register.reader_set" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ terminalReaderId: null }, expect.objectContaining({ terminalReaderId: READER })],
      [{ terminalReaderId: READER }, expect.objectContaining({ terminalReaderId: null })],
    ]);
  });
});
