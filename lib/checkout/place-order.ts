/**
 * placeOrder: the one function that turns a cart into an order, for the
 * storefront, the POS and the API alike.
 *
 * Where the transaction ends, and why. A card authorization is a call to
 * another company's server that can take seconds; holding row locks on
 * inventory levels across it would serialise every shopper of a popular
 * SKU behind the slowest card network. So a checkout with a card tender
 * runs in two short transactions with the provider call between them:
 *
 *   tx1  price the cart again, write the order (PENDING_PAYMENT) with its
 *        lines, fulfillments and payments, settle internal tenders (draw
 *        gift cards and store credit, take cash), and reserve the stock of
 *        shipped and collected lines: one conditional update per level,
 *        last, so the hot rows are locked only for the end of the commit.
 *   call authorize each card with the provider under the payment's
 *        idempotency key (no transaction open).
 *   tx2  approved: record the counter sale of carry-out lines, capture what
 *        was handed over, settle the status, convert the cart, write the
 *        outbox event and the audit entry. Declined or failed: release the
 *        reservations, credit back gift cards and store credit, mark the
 *        order PAYMENT_FAILED; stock is exactly as before.
 *
 * Carry-out goods are sold in tx2, not tx1: the shelf wins, so their sale
 * is never refused and need not be secured before the card answers, and
 * a declined card then leaves no sale to undo. A checkout with no card
 * tender (cash, gift card, store credit, pay at pickup, or nothing to pay)
 * does all of it in tx1.
 *
 * Never charged twice: the order's idempotency key is unique, so a retry
 * finds the order (or waits for its twin's tx1 to commit, through ON
 * CONFLICT) and answers with it; a retry that finds it still pending
 * authorizes again under the same payment keys, which providers answer
 * with the first result; tx2 claims the order with a row lock and a status
 * check, so only one request settles it. Never stock left for a failed
 * payment: every failure path goes through failOrder, and an order whose
 * process died between tx1 and tx2 is settled by expirePendingOrders.
 */
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError, type FieldErrors, isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { hashBody } from "@/lib/idempotency";
import { reserveStock } from "@/lib/inventory/reserve-stock";
import { logger } from "@/lib/log";
import { formatMoney } from "@/lib/money";
import { authorizeCards, type CardAuthorization } from "@/lib/payments/authorize-cards";
import { type CardOperation, runCardOperations } from "@/lib/payments/card-operations";
import {
  type CardProviders,
  configuredCardProviders,
  providerForToken,
} from "@/lib/payments/card-providers";
import { type OpenedTender, openTenders } from "@/lib/payments/open-tenders";
import { sizeTenders } from "@/lib/payments/size-tenders";
import type { SizedTender } from "@/lib/payments/tenders";
import { recordRedemptions } from "@/lib/promotions/record-redemptions";
import { assertCartAccess, type CartActor, cartActorRef } from "./cart-access";
import { confirmOrder } from "./confirm-order";
import { failOrder } from "./fail-order";
import {
  type CheckoutLine,
  joinSplitLines,
  lockCart,
  settleCheckoutLines,
} from "./load-checkout-cart";
import { priceCartRecord } from "./price-cart";
import { type CheckoutInput, CheckoutSchema, ShippingAddressSchema } from "./schemas";
import { writeOrder } from "./write-order";

export interface PlaceOrderOptions {
  /** Who checks out: a customer, staff, an API key, or null for a guest. */
  actor: CartActor;
  cartId: string;
  /** The caller's Idempotency-Key; a retry with the same key answers the same. */
  idempotencyKey: string;
  input: CheckoutInput;
  /** Card providers; the configured ones unless a test passes its own. */
  providers?: CardProviders;
  now?: Date;
}

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  currency: string;
  totalMinor: number;
  /** Cash handed back at the till. */
  changeDueMinor: number;
}

export type PlaceOrderResult =
  | { outcome: "placed"; isReplay: boolean; order: PlacedOrder }
  | {
      outcome: "payment_declined";
      isReplay: boolean;
      orderId: string;
      number: string;
      code: string;
      message: string;
      /** The tender that was refused, when one was. */
      tenderIndex: number | null;
      /** Every cart line: none of them was bought. */
      lineIds: string[];
    };

/** Both transactions wait for a connection and a lock rather than fail. */
const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 };
/** How long a retry waits for its twin to finish before settling the order itself. */
const TWIN_WAIT_MS = 15_000;

/** Places an order from a cart; see the file's comment for how it is safe. */
export async function placeOrder(
  db: PrismaClient,
  options: PlaceOrderOptions,
): Promise<PlaceOrderResult> {
  const input = parseInput(CheckoutSchema, options.input);
  const key = orderKey(options.cartId, options.idempotencyKey);
  const requestHash = hashBody(input);
  const providers = options.providers ?? configuredCardProviders();

  // A retry finds its order in the transaction (the cart is no longer
  // open, or the key's insert meets the twin's), so the first attempt of
  // a checkout costs no look-up before it.
  const opened = await db.$transaction(
    (tx) => openOrder(tx, { ...options, input, key, requestHash, providers }),
    TX_OPTIONS,
  );
  if (opened.status === "duplicate") {
    const twin = await db.order.findUniqueOrThrow({ where: { idempotencyKey: key } });
    return resume(db, twin.id, options, providers);
  }
  if (opened.status === "placed") {
    await runCardOperations(db, opened.operations, {
      providers,
      actor: cartActorRef(options.actor),
    });
    return replay(db, opened.orderId, false);
  }

  const authorizations = await authorizeCards(opened.cards, {
    providers,
    currency: opened.currency,
    orderNumber: opened.number,
    orderId: opened.orderId,
    isCaptureNow: opened.isAllCarryOut,
  });
  return settle(db, opened.orderId, authorizations, options, providers, false);
}

type Opened =
  | { status: "duplicate" }
  | { status: "placed"; orderId: string; operations: CardOperation[] }
  | {
      status: "pending";
      orderId: string;
      number: string;
      currency: string;
      cards: OpenedTender[];
      isAllCarryOut: boolean;
    };

/** tx1: everything up to the card authorization (all of it without one). */
async function openOrder(
  tx: Tx,
  options: PlaceOrderOptions & {
    input: ReturnType<typeof CheckoutSchema.parse>;
    key: string;
    requestHash: string;
    providers: CardProviders;
  },
): Promise<Opened> {
  const { actor, input } = options;
  const now = options.now ?? new Date();
  const cart = await lockCart(tx, options.cartId);
  assertCartAccess(actor, cart);
  if (cart.status !== "OPEN" || cart.orderId) {
    const twin = await tx.order.findUnique({ where: { idempotencyKey: options.key } });
    if (twin) return { status: "duplicate" };
    throw new AppError("conflict", "This cart has already been checked out.", {
      internal: `cart ${cart.id} is ${cart.status} with order ${cart.orderId}`,
    });
  }

  const shippingAddress = readAddress(input.shippingAddress ?? cart.shippingAddress);
  const email = input.email ?? cart.email ?? customerEmail(actor);
  const { lines, locations } = await settleCheckoutLines(tx, cart, shippingAddress);
  checkContact(cart.channel, email, input.isPayAtPickup, lines);

  // Priced as the cart holds them: a split changes where goods leave
  // from, not what they cost (shipped goods are taxed at the address).
  const { result: priced, inputs } = await priceCartRecord(
    tx,
    { ...cart, lines: joinSplitLines(lines), customerId: cart.customerId, email },
    { at: now, shippingAddress },
  );
  const total = priced.totals.total;
  const money = (minor: number) =>
    formatMoney({ amount: minor, currency: priced.currency });
  if (input.expectedTotalMinor !== undefined && input.expectedTotalMinor !== total) {
    throw new AppError("conflict", `The total has changed to ${money(total)}.`, {
      fields: { expectedTotalMinor: [`The total is now ${money(total)}.`] },
    });
  }
  const tenders = input.isPayAtPickup
    ? []
    : sizeTenders({
        tenders: input.tenders,
        totalMinor: total,
        isAtTill: actor?.kind === "staff" && cart.channel === "POS",
        formatAmount: money,
      });
  const cardProviders = resolveCardProviders(tenders, options.providers);

  const written = await writeOrder(tx, {
    idempotencyKey: options.key,
    idempotencyHash: options.requestHash,
    channel: cart.channel,
    cartId: cart.id,
    customerId: cart.customerId ?? (actor?.kind === "customer" ? actor.id : null),
    email,
    locationId: cart.locationId,
    registerId: cart.registerId,
    staffId: actor?.kind === "staff" ? actor.id : null,
    shippingAddress,
    isPayAtPickup: input.isPayAtPickup,
    priced,
    lines,
    locations,
    now,
  });
  if (written.status === "duplicate") return { status: "duplicate" };
  await tx.cart.update({ where: { id: cart.id }, data: { orderId: written.orderId } });
  // Counted now, with the stock, so a single-use code cannot be spent by
  // two checkouts at once; failOrder gives the uses back.
  await recordRedemptions(tx, {
    orderId: written.orderId,
    currency: priced.currency,
    customerId: inputs.customerId,
    customerKey: inputs.customerKey,
    applied: priced.explanation.applied,
  });

  const opened = await openTenders(tx, {
    orderId: written.orderId,
    currency: priced.currency,
    customerId: cart.customerId,
    tenders,
    cardProviders: new Map([...cardProviders].map(([i, p]) => [i, p.name])),
    isTestMode: (index) => cardProviders.get(index)?.isTestMode ?? false,
    actor: cartActorRef(actor),
    now,
  });
  await reserveLines(tx, written.orderId, written.lines);

  const cards = opened.filter((tender) => tender.token !== null);
  if (cards.length === 0) {
    const operations = await confirmOrder(tx, {
      orderId: written.orderId,
      actor,
      authorizations: [],
    });
    return { status: "placed", orderId: written.orderId, operations: operations ?? [] };
  }
  return {
    status: "pending",
    orderId: written.orderId,
    number: written.number,
    currency: priced.currency,
    cards,
    isAllCarryOut: lines.every((line) => line.fulfillment === "CARRY_OUT"),
  };
}

/**
 * Reserves the stock of shipped and collected lines, each reservation
 * owned by its order line. Refuses with insufficient_stock naming the cart
 * lines that fell short; the transaction then rolls back whole.
 */
async function reserveLines(
  tx: Tx,
  orderId: string,
  lines: readonly (CheckoutLine & { orderLineId: string })[],
): Promise<void> {
  const held = lines.filter((line) => line.fulfillment !== "CARRY_OUT");
  if (held.length === 0) return;
  try {
    await reserveStock(tx, {
      lines: held.map((line) => ({
        variantId: line.variantId,
        locationId: line.locationId,
        quantity: line.quantity,
        ownerId: line.orderLineId,
      })),
      owner: { type: "ORDER_LINE", id: orderId },
      expiresAt: null,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== "insufficient_stock") throw error;
    throw renameLineFields(error, held);
  }
}

/** Names the cart lines in a shortfall reported by position. */
function renameLineFields(error: AppError, lines: readonly CheckoutLine[]): AppError {
  const fields: FieldErrors = {};
  for (const [key, reasons] of Object.entries(error.fields ?? {})) {
    const index = Number(/^lines\.(\d+)/.exec(key)?.[1]);
    const line = Number.isInteger(index) ? lines[index] : undefined;
    fields[line ? `lines.${line.id}` : key] = reasons;
  }
  return new AppError("insufficient_stock", error.publicMessage, {
    internal: error.message,
    fields,
  });
}

/** tx2 and the provider calls that follow it. */
async function settle(
  db: PrismaClient,
  orderId: string,
  authorizations: readonly CardAuthorization[],
  options: PlaceOrderOptions,
  providers: CardProviders,
  isReplay: boolean,
): Promise<PlaceOrderResult> {
  const actor = cartActorRef(options.actor);
  const refusal = authorizations.find(
    (a) => a.result && a.result.outcome !== "authorized",
  );
  const operations = await db.$transaction(
    (tx) =>
      refusal
        ? failOrder(tx, {
            orderId,
            actor: options.actor,
            authorizations,
            reason: refusalReason(refusal.result),
          })
        : confirmOrder(tx, { orderId, actor: options.actor, authorizations }),
    TX_OPTIONS,
  );
  if (operations === null) {
    // A twin settled it first; give back any hold this request obtained
    // when the twin's verdict was a failure.
    await releaseOrphanedHolds(db, orderId, authorizations, providers, actor);
    return replay(db, orderId, true);
  }
  await runCardOperations(db, operations, { providers, actor });
  return replay(db, orderId, isReplay);
}

function refusalReason(result: CardAuthorization["result"]): string {
  return result && result.outcome !== "authorized"
    ? `payment ${result.outcome}: ${result.code}`
    : "payment refused";
}

/** Answers a retry: waits for a twin still in flight, else settles the order itself. */
async function resume(
  db: PrismaClient,
  orderId: string,
  options: PlaceOrderOptions,
  providers: CardProviders,
): Promise<PlaceOrderResult> {
  const started = Date.now();
  let order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  const input = parseInput(CheckoutSchema, options.input);
  if (order.idempotencyHash !== null && order.idempotencyHash !== hashBody(input)) {
    const message = "This Idempotency-Key was used with a different request.";
    throw new AppError("invalid_input", message, {
      internal: `idempotency key reused with another body for order ${order.number}`,
      fields: { "Idempotency-Key": [message] },
    });
  }
  while (order.status === "PENDING_PAYMENT" && Date.now() - started < TWIN_WAIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  }
  if (order.status !== "PENDING_PAYMENT") return replay(db, orderId, true);

  logger.warn({ orderId }, "settling an order its first request left pending");
  const pending = await db.payment.findMany({
    where: { orderId, status: "PENDING" },
    orderBy: { idempotencyKey: "asc" },
  });
  const cards: OpenedTender[] = pending.map((payment) => {
    const index = Number(payment.idempotencyKey?.split(":t")[1]);
    const tender = input.tenders[index];
    return {
      paymentId: payment.id,
      index,
      provider: payment.provider,
      amountMinor: payment.amountMinor,
      idempotencyKey: payment.idempotencyKey ?? "",
      token: tender?.kind === "card" ? tender.token : null,
    };
  });
  // A card without its token (the retry changed the tenders) cannot be
  // asked again: treated as failed, so the stock goes back on sale.
  const authorizations = await authorizeCards(
    cards.filter((c) => c.token),
    {
      providers,
      currency: order.currency,
      orderNumber: order.number,
      orderId,
      isCaptureNow: false,
    },
  );
  const missing = cards
    .filter((c) => !c.token)
    .map((tender) => ({
      tender,
      result: {
        outcome: "failed" as const,
        code: "retry_without_token",
        message: "The payment could not be completed. Please try again.",
      },
    }));
  return settle(db, orderId, [...authorizations, ...missing], options, providers, true);
}

/** The answer for an order that is settled, as the first request got it. */
async function replay(
  db: PrismaClient,
  orderId: string,
  isReplay: boolean,
): Promise<PlaceOrderResult> {
  // One query for the common answer: the order and the change it gave.
  const [placed] = await db.$queryRaw<
    (Omit<PlacedOrder, "changeDueMinor"> & {
      changeDueMinor: number;
    })[]
  >`
    SELECT o.id, o.number, o.status::text AS status, o.currency, o."totalMinor",
      COALESCE((SELECT SUM(p."changeMinor") FROM "Payment" AS p WHERE p."orderId" = o.id),
        0)::int AS "changeDueMinor"
    FROM "Order" AS o WHERE o.id = ${orderId}`;
  if (!placed) throw new Error(`order ${orderId} vanished`);
  if (placed.status !== "PAYMENT_FAILED") {
    return { outcome: "placed", isReplay, order: placed };
  }
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { payments: true },
  });
  const refused = order.payments.find(
    (p) => p.status === "DECLINED" || p.status === "FAILED",
  );
  const event = refused
    ? await db.paymentEvent.findFirst({
        where: { paymentId: refused.id, type: { in: ["DECLINED", "FAILED"] } },
      })
    : null;
  const cartLines = order.cartId
    ? await db.cartLine.findMany({
        where: { cartId: order.cartId },
        select: { id: true },
      })
    : [];
  return {
    outcome: "payment_declined",
    isReplay,
    orderId: order.id,
    number: order.number,
    code: refused?.failureCode ?? "payment_failed",
    message: event?.note ?? "The payment did not go through.",
    tenderIndex: refused ? Number(refused.idempotencyKey?.split(":t")[1]) : null,
    lineIds: cartLines.map((line) => line.id),
  };
}

/**
 * When a twin request failed the order while this one held an approved
 * authorization, that hold belongs to nothing: release it at the provider.
 */
async function releaseOrphanedHolds(
  db: PrismaClient,
  orderId: string,
  authorizations: readonly CardAuthorization[],
  providers: CardProviders,
  actor: string,
): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  if (order.status !== "PAYMENT_FAILED") return;
  const operations: CardOperation[] = [];
  for (const { tender, result } of authorizations) {
    if (result?.outcome !== "authorized") continue;
    operations.push({
      kind: "release",
      paymentId: tender.paymentId,
      provider: tender.provider === "STRIPE" ? "STRIPE" : "TEST_CARD",
      reference: result.reference,
      amountMinor: tender.amountMinor,
      idempotencyKey: `release:orphan:${tender.paymentId}`,
      isFinal: true,
      capturedMinor: result.capturedMinor,
      fulfillmentId: null,
    });
  }
  await runCardOperations(db, operations, { providers, actor });
}

/** The card provider of each card tender; declines a card no provider takes. */
function resolveCardProviders(tenders: readonly SizedTender[], providers: CardProviders) {
  const chosen = new Map<number, NonNullable<ReturnType<typeof providerForToken>>>();
  for (const tender of tenders) {
    if (tender.kind !== "card") continue;
    const provider = providerForToken(providers, tender.token);
    if (!provider) {
      const message = "Card payments of this kind are not accepted here.";
      throw new AppError("payment_declined", message, {
        fields: { [`tenders.${tender.index}`]: [message] },
      });
    }
    chosen.set(tender.index, provider);
  }
  return chosen;
}

function checkContact(
  channel: string,
  email: string | null,
  isPayAtPickup: boolean,
  lines: readonly CheckoutLine[],
): void {
  const fields: FieldErrors = {};
  if (channel === "WEB" && !email) fields.email = ["Add an email for the receipt."];
  if (isPayAtPickup && lines.some((line) => line.fulfillment !== "PICKUP")) {
    fields.isPayAtPickup = ["Only orders collected in store can be paid there."];
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("invalid_input", "Some details are missing.", { fields });
  }
}

function readAddress(value: unknown) {
  if (value === null || value === undefined) return null;
  return parseInput(ShippingAddressSchema, value);
}

function customerEmail(actor: CartActor): string | null {
  return actor?.kind === "customer" ? actor.email : null;
}

/** Keys are per cart: two carts never share an order through a reused key. */
function orderKey(cartId: string, key: string): string {
  const trimmed = key.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw new AppError(
      "invalid_input",
      "Send an Idempotency-Key of 1 to 200 characters.",
      {
        fields: { idempotencyKey: ["Use 1 to 200 characters."] },
      },
    );
  }
  return `${cartId}|${trimmed}`;
}
