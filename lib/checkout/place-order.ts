/**
 * placeOrder: the one function that turns a cart into an order, for the
 * storefront, the POS and the API alike.
 *
 * Where the locks are, and why. Every shopper of a popular SKU updates the
 * same inventory level row, so how long that row stays locked bounds how
 * many orders a second the SKU can take. So the stock is taken first, on
 * its own, and the order is written after:
 *
 *   read  the cart and its lines (no lock), check how each is handed over,
 *        route shipped lines to a location.
 *   hold  reserve the units of shipped and collected lines: one statement
 *        per level that commits by itself (conditional update, reservation
 *        rows, the level's outbox event), so the hot row is locked only
 *        while PostgreSQL runs it, never across a round trip to this
 *        process. The reservations belong to the order lines about to be
 *        written and expire after a few minutes unless claimed. A shopper
 *        who finds the SKU sold out is refused here, before anything else
 *        is read or written.
 *   price the cart again with the engine and size the tenders.
 *   tx1  lock the cart and check it did not change since it was read,
 *        claim the held stock (its expiry is cleared, so the sweeper leaves
 *        it alone), write the order (PENDING_PAYMENT) with its lines,
 *        fulfillments and payments, count promotion redemptions, settle
 *        internal tenders (gift cards, store credit, cash).
 *   call authorize each card with the provider under the payment's
 *        idempotency key (no transaction open, nothing locked).
 *   tx2  approved: record the counter sale of carry-out lines, capture what
 *        was handed over, settle the status, convert the cart, write the
 *        outbox event and the audit entry. Declined or failed: release the
 *        reservations, credit back gift cards and store credit, mark the
 *        order PAYMENT_FAILED; stock is exactly as before.
 *
 * Anything that stops the checkout between hold and tx1's commit (a total
 * the shopper was not shown, tenders that do not add up, a twin request
 * that placed the order first) gives the held units back at once, in one
 * statement per level. A process that dies there leaves reservations that
 * expire: the reservation sweeper gives them back within minutes. A cart
 * changed between the read and tx1's lock starts the checkout again.
 *
 * Carry-out goods are sold in tx2, not tx1: the shelf wins, so their sale
 * is never refused and need not be secured before the card answers, and
 * a declined card then leaves no sale to undo. A checkout with no card
 * tender (cash, gift card, store credit, pay at pickup, or nothing to pay)
 * does all of it in tx1.
 *
 * Never charged twice: the order's idempotency key is unique and tx1 locks
 * the cart, so a retry finds the cart checked out (or waits for its twin's
 * tx1 and then finds it) and answers with the twin's order; a retry that
 * finds it still pending authorizes again under the same payment keys,
 * which providers answer with the first result; tx2 claims the order with
 * a row lock and a status check, so only one request settles it. Never
 * stock left for a failed payment: every failure path goes through
 * failOrder, and an order whose process died between tx1 and tx2 is
 * settled by expirePendingOrders.
 */
import type { Db, PrismaClient } from "@/lib/db/client";
import { uuid7 } from "@/lib/db/uuid7";
import { AppError, type FieldErrors, isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/validate";
import { hashBody } from "@/lib/idempotency";
import { claimHeldStock, holdStock, releaseHeldStock } from "@/lib/inventory/hold-stock";
import type { TakenReservation } from "@/lib/inventory/reserve-stock";
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
import type { PricingResult } from "@/lib/pricing";
import { recordRedemptions } from "@/lib/promotions/record-redemptions";
import { assertCartAccess, type CartActor, cartActorRef } from "./cart-access";
import { confirmOrder } from "./confirm-order";
import { failOrder } from "./fail-order";
import {
  type CheckoutLine,
  joinSplitLines,
  loadCheckoutCart,
  lockCheckoutCart,
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
/** Starts of one checkout when its cart keeps changing under it. */
const ATTEMPTS = 3;

interface CheckoutContext extends PlaceOrderOptions {
  input: ReturnType<typeof CheckoutSchema.parse>;
  key: string;
  requestHash: string;
  providers: CardProviders;
}

/** Places an order from a cart; see the file's comment for how it is safe. */
export async function placeOrder(
  db: PrismaClient,
  options: PlaceOrderOptions,
): Promise<PlaceOrderResult> {
  const input = parseInput(CheckoutSchema, options.input);
  const key = orderKey(options.cartId, options.idempotencyKey);
  const requestHash = hashBody(input);
  const providers = options.providers ?? configuredCardProviders();
  const context = { ...options, input, key, requestHash, providers };

  let opened = await openOrder(db, context);
  for (let attempt = 1; opened.status === "again"; attempt += 1) {
    if (attempt >= ATTEMPTS) {
      throw new AppError(
        "conflict",
        "The bag changed during checkout. Please try again.",
        {
          internal: `cart ${options.cartId} kept changing during checkout`,
        },
      );
    }
    opened = await openOrder(db, context);
  }
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
  /** The cart changed since it was read, or the held stock lapsed: start again. */
  | { status: "again" }
  | { status: "placed"; orderId: string; operations: CardOperation[] }
  | {
      status: "pending";
      orderId: string;
      number: string;
      currency: string;
      cards: OpenedTender[];
      isAllCarryOut: boolean;
    };

/** Everything up to the card authorization (all of it without one). */
async function openOrder(db: PrismaClient, context: CheckoutContext): Promise<Opened> {
  const { actor, input } = context;
  const now = context.now ?? new Date();
  // A retry finds its cart checked out here, so the first attempt of a
  // checkout costs no look-up of its key.
  const cart = await loadCheckoutCart(db, context.cartId);
  assertCartAccess(actor, cart);
  if (cart.status !== "OPEN" || cart.orderId) return checkedOut(db, cart, context.key);

  const shippingAddress = readAddress(input.shippingAddress ?? cart.shippingAddress);
  const email = input.email ?? cart.email ?? customerEmail(actor);
  const settled = await settleCheckoutLines(db, cart, shippingAddress);
  checkContact(cart.channel, email, input.isPayAtPickup, settled.lines);

  // The ids are made now so the stock is held in the order lines' names.
  const orderId = uuid7(now.getTime());
  const lines = settled.lines.map((line) => ({ ...line, orderLineId: uuid7() }));
  const held = await holdLines(db, {
    cartId: cart.id,
    key: context.key,
    orderId,
    lines,
    now,
  });
  if (held === "duplicate") return { status: "duplicate" };

  try {
    // Priced as the cart holds them: a split changes where goods leave
    // from, not what they cost (shipped goods are taxed at the address).
    const { result: priced, inputs } = await priceCartRecord(
      db,
      { ...cart, lines: joinSplitLines(lines), customerId: cart.customerId, email },
      { at: now, shippingAddress },
    );
    const tenders = sizeCheckoutTenders(context, cart.channel, priced);
    const cardProviders = resolveCardProviders(tenders, context.providers);

    const opened = await db.$transaction(async (tx): Promise<Opened> => {
      const locked = await lockCheckoutCart(tx, cart);
      if (locked.status !== "OPEN" || locked.orderId) {
        return checkedOut(tx, { ...cart, ...locked }, context.key);
      }
      if (locked.isChanged || !(await claimHeldStock(tx, held))) {
        return { status: "again" };
      }

      const written = await writeOrder(tx, {
        orderId,
        idempotencyKey: context.key,
        idempotencyHash: context.requestHash,
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
        locations: settled.locations,
        now,
      });
      if (written.status === "duplicate") return { status: "duplicate" };
      // Counted with the order, so a single-use code cannot be spent by
      // two checkouts at once; failOrder gives the uses back.
      await recordRedemptions(tx, {
        orderId,
        currency: priced.currency,
        customerId: inputs.customerId,
        customerKey: inputs.customerKey,
        applied: priced.explanation.applied,
      });
      const tendered = await openTenders(tx, {
        orderId,
        currency: priced.currency,
        customerId: cart.customerId,
        tenders,
        cardProviders: new Map([...cardProviders].map(([i, p]) => [i, p.name])),
        isTestMode: (index) => cardProviders.get(index)?.isTestMode ?? false,
        actor: cartActorRef(actor),
        now,
      });

      const cards = tendered.filter((tender) => tender.token !== null);
      if (cards.length === 0) {
        const operations = await confirmOrder(tx, { orderId, actor, authorizations: [] });
        return { status: "placed", orderId, operations: operations ?? [] };
      }
      return {
        status: "pending",
        orderId,
        number: written.number,
        currency: priced.currency,
        cards,
        isAllCarryOut: lines.every((line) => line.fulfillment === "CARRY_OUT"),
      };
    }, TX_OPTIONS);
    if (opened.status === "duplicate" || opened.status === "again") {
      await releaseHeldStock(db, held);
    }
    return opened;
  } catch (error) {
    await giveBack(db, held);
    throw error;
  }
}

/** The answer for a cart that is no longer open: its twin's order, or a conflict. */
async function checkedOut(
  db: Db,
  cart: { id: string; status: string; orderId: string | null },
  key: string,
): Promise<Opened> {
  const twin = await db.order.findUnique({
    where: { idempotencyKey: key },
    select: { id: true },
  });
  if (twin) return { status: "duplicate" };
  throw new AppError("conflict", "This cart has already been checked out.", {
    internal: `cart ${cart.id} is ${cart.status} with order ${cart.orderId}`,
  });
}

/** The tenders sized to the total; refuses a total the shopper was not shown. */
function sizeCheckoutTenders(
  context: CheckoutContext,
  channel: string,
  priced: PricingResult,
): SizedTender[] {
  const { actor, input } = context;
  const total = priced.totals.total;
  const money = (minor: number) =>
    formatMoney({ amount: minor, currency: priced.currency });
  if (input.expectedTotalMinor !== undefined && input.expectedTotalMinor !== total) {
    throw new AppError("conflict", `The total has changed to ${money(total)}.`, {
      fields: { expectedTotalMinor: [`The total is now ${money(total)}.`] },
    });
  }
  if (input.isPayAtPickup) return [];
  return sizeTenders({
    tenders: input.tenders,
    totalMinor: total,
    isAtTill: actor?.kind === "staff" && channel === "POS",
    formatAmount: money,
  });
}

/**
 * Holds the stock of shipped and collected lines for the order about to
 * be written, each reservation owned by its order line. Refuses with
 * insufficient_stock naming the cart lines that fell short, having taken
 * nothing; answers "duplicate" when a twin request with the same key holds
 * the units because it placed the order.
 */
async function holdLines(
  db: PrismaClient,
  options: {
    cartId: string;
    key: string;
    orderId: string;
    lines: readonly (CheckoutLine & { orderLineId: string })[];
    now: Date;
  },
): Promise<TakenReservation[] | "duplicate"> {
  const held = options.lines.filter((line) => line.fulfillment !== "CARRY_OUT");
  if (held.length === 0) return [];
  try {
    return await holdStock(db, {
      lines: held.map((line) => ({
        variantId: line.variantId,
        locationId: line.locationId,
        quantity: line.quantity,
        ownerId: line.orderLineId,
      })),
      owner: { type: "ORDER_LINE", id: options.orderId },
      now: options.now,
      // The order's own events announce the outbox when it is settled (or
      // the give-back does), so the hold does not send a NOTIFY of its own.
      isAnnounced: false,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== "insufficient_stock") throw error;
    if (await isPlacedByTwin(db, options.cartId, options.key)) return "duplicate";
    throw renameLineFields(error, held);
  }
}

/**
 * Whether the cart became an order under this key: waits (in one
 * statement) for a checkout of the cart that is writing its order, so a
 * twin request that took the last units is answered with its order.
 */
async function isPlacedByTwin(db: PrismaClient, cartId: string, key: string) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Cart" AS c JOIN "Order" AS o ON o.id = c."orderId"
    WHERE c.id = ${cartId} AND o."idempotencyKey" = ${key}
    FOR UPDATE OF c`;
  return rows.length > 0;
}

/** Gives held stock back after a failure; if that fails too, the hold expires. */
async function giveBack(db: PrismaClient, held: readonly TakenReservation[]) {
  try {
    await releaseHeldStock(db, held);
  } catch (error) {
    logger.error(
      { err: error, reservationIds: held.map((r) => r.id) },
      "could not give back held stock; the reservation sweeper will",
    );
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
