/**
 * Card-present payments at the till through Stripe Terminal, driven from
 * the server. The till asks for a PaymentIntent for the amount due and
 * hands it to its reader; the shopper taps or inserts the card there, so no
 * card detail ever passes through the POS. Once the reader reports success
 * (the till polls), the till checks out with a card tender whose token is
 * the intent's id ("pi_…"), which the Stripe provider verifies like any
 * other intent. Converts Stripe's shapes into ours at this edge.
 */
import Stripe from "stripe";
import type { StripeProvider } from "./stripe-provider";

export interface TerminalPayment {
  paymentIntentId: string;
  readerId: string;
  /** The name the reader was given in Stripe, shown to the associate. */
  readerLabel: string;
  status: string;
}

/** Where a payment sent to a reader stands, in our words. */
export type TerminalPaymentState =
  | { status: "waiting" }
  | {
      status: "approved";
      amountMinor: number;
      cardBrand: string | null;
      cardLast4: string | null;
    }
  | { status: "declined"; code: string; message: string }
  | { status: "canceled"; message: string };

/** Creates a card-present PaymentIntent and sends it to a reader. */
export async function startTerminalPayment(
  stripe: StripeProvider,
  options: {
    readerId: string;
    amountMinor: number;
    currency: string;
    /** The till's attempt; the same key never creates a second intent. */
    idempotencyKey: string;
    description: string;
    metadata?: Record<string, string>;
  },
): Promise<TerminalPayment> {
  const intent = await stripe.client.paymentIntents.create(
    {
      amount: options.amountMinor,
      currency: options.currency.toLowerCase(),
      allowed_payment_method_types: ["card_present"],
      capture_method: "manual",
      description: options.description,
      ...(options.metadata ? { metadata: options.metadata } : {}),
    },
    { idempotencyKey: options.idempotencyKey },
  );
  const reader = await stripe.client.terminal.readers.processPaymentIntent(
    options.readerId,
    { payment_intent: intent.id },
    { idempotencyKey: `${options.idempotencyKey}:reader` },
  );
  return {
    paymentIntentId: intent.id,
    readerId: reader.id,
    readerLabel: reader.label || reader.id,
    status: reader.action?.status ?? "in_progress",
  };
}

/** The intent's metadata, to check which ticket it was opened for. */
export async function terminalPaymentMetadata(
  stripe: StripeProvider,
  paymentIntentId: string,
): Promise<Record<string, string> | null> {
  try {
    const intent = await stripe.client.paymentIntents.retrieve(paymentIntentId);
    return intent.metadata ?? {};
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Reads where a payment on a reader stands: approved once the intent is
 * authorized (requires_capture), declined when the card or the reader
 * failed, cancelled when the intent was, and waiting otherwise. Null when
 * Stripe has no such intent or `isOurs` refuses its metadata.
 */
export async function readTerminalPayment(
  stripe: StripeProvider,
  options: {
    paymentIntentId: string;
    readerId: string;
    isOurs: (metadata: Record<string, string>) => boolean;
  },
): Promise<TerminalPaymentState | null> {
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.client.paymentIntents.retrieve(options.paymentIntentId, {
      expand: ["latest_charge"],
    });
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  if (!options.isOurs(intent.metadata ?? {})) return null;
  if (intent.status === "requires_capture" || intent.status === "succeeded") {
    const card = cardOf(intent);
    return { status: "approved", amountMinor: intent.amount, ...card };
  }
  if (intent.status === "canceled") {
    return { status: "canceled", message: "The card payment was cancelled." };
  }
  const error = intent.last_payment_error;
  if (error) {
    const code = error.decline_code ?? error.code ?? "card_declined";
    return { status: "declined", code, message: declineMessage(code) };
  }

  const reader = await stripe.client.terminal.readers.retrieve(options.readerId);
  if ("deleted" in reader && reader.deleted) {
    return { status: "canceled", message: "The card reader was removed in Stripe." };
  }
  const action = "action" in reader ? reader.action : null;
  const isThisPayment =
    action?.type === "process_payment_intent" &&
    paymentIntentIdOf(action.process_payment_intent?.payment_intent) ===
      options.paymentIntentId;
  if (!isThisPayment) {
    return {
      status: "canceled",
      message: "The reader is no longer waiting for this payment.",
    };
  }
  if (action.status === "failed") {
    const code = action.failure_code ?? "reader_failed";
    return { status: "declined", code, message: declineMessage(code) };
  }
  return { status: "waiting" };
}

/**
 * Stops a payment waiting on a reader: the reader drops it and the intent
 * is cancelled, so a card tapped at the last moment is not held either.
 */
export async function cancelTerminalPayment(
  stripe: StripeProvider,
  options: { paymentIntentId: string; readerId: string; idempotencyKey: string },
): Promise<void> {
  try {
    await stripe.client.terminal.readers.cancelAction(
      options.readerId,
      {},
      { idempotencyKey: `${options.idempotencyKey}:reader-cancel` },
    );
  } catch (error) {
    // The reader may have finished or been given other work already; the
    // intent's cancellation below is what guarantees no money is held.
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
  }
  try {
    await stripe.client.paymentIntents.cancel(
      options.paymentIntentId,
      {},
      { idempotencyKey: `${options.idempotencyKey}:cancel` },
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Already cancelled is what we wanted.
    if (code !== "payment_intent_unexpected_state") throw error;
  }
}

/** Why a card was refused, in words an associate can say to a shopper. */
export function declineMessage(code: string): string {
  const reason = DECLINE_REASONS[code] ?? "The card was declined.";
  return `${reason} Nothing was charged.`;
}

const BANK_DECLINED = "The bank declined the card. Ask for another way to pay.";
const TRY_AGAIN = "The card network did not answer. Try the card again.";

// Stripe asks that lost, stolen and fraud declines be shown as a plain
// decline, so the person holding the card learns nothing more.
const DECLINE_REASONS: Record<string, string> = {
  generic_decline: BANK_DECLINED,
  card_declined: BANK_DECLINED,
  do_not_honor: BANK_DECLINED,
  call_issuer: "The bank declined the card and asks the shopper to call it.",
  transaction_not_allowed: BANK_DECLINED,
  not_permitted: BANK_DECLINED,
  restricted_card: BANK_DECLINED,
  security_violation: BANK_DECLINED,
  pickup_card: BANK_DECLINED,
  lost_card: BANK_DECLINED,
  stolen_card: BANK_DECLINED,
  fraudulent: BANK_DECLINED,
  merchant_blacklist: BANK_DECLINED,
  insufficient_funds: "Not enough money on the card. Ask for another card or way to pay.",
  card_velocity_exceeded:
    "The card is over its limit. Ask for another card or way to pay.",
  withdrawal_count_limit_exceeded:
    "The card is over its limit. Ask for another card or way to pay.",
  expired_card: "The card has expired. Ask for another card.",
  incorrect_pin: "The PIN was wrong. Try the card again.",
  invalid_pin: "The PIN was wrong. Try the card again.",
  pin_try_exceeded:
    "Too many wrong PINs; the card is locked. Ask for another way to pay.",
  offline_pin_required: "This card needs its PIN: insert it and enter the PIN.",
  online_or_offline_pin_required: "This card needs its PIN: insert it and enter the PIN.",
  card_not_supported: "This kind of card cannot be taken here.",
  currency_not_supported: "This card cannot pay in this currency.",
  processing_error: TRY_AGAIN,
  issuer_not_available: TRY_AGAIN,
  try_again_later: TRY_AGAIN,
  reenter_transaction: TRY_AGAIN,
  testmode_decline: "A test card was used on a live reader.",
  customer_canceled: "The payment was cancelled on the reader.",
  reader_failed: "The reader could not take the card. Try again.",
};

function cardOf(intent: Stripe.PaymentIntent) {
  const charge = intent.latest_charge;
  if (!charge || typeof charge === "string") return { cardBrand: null, cardLast4: null };
  const card = charge.payment_method_details?.card_present ?? null;
  return { cardBrand: card?.brand ?? null, cardLast4: card?.last4 ?? null };
}

function paymentIntentIdOf(value: string | Stripe.PaymentIntent | undefined) {
  return typeof value === "string" ? value : value?.id;
}

function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === "resource_missing";
}
