/**
 * Stripe, used when STRIPE_SECRET_KEY is set: PaymentIntents with manual
 * capture, so an online order is authorized at checkout and captured when
 * its goods ship or are handed over. Converts Stripe's shapes into ours at
 * this edge; nothing else in the app imports the SDK.
 *
 * A shopper's card reaches Stripe from the browser (the Payment Element);
 * we receive the PaymentIntent it confirmed ("pi_…") or a PaymentMethod
 * ("pm_…") and keep only the intent's id, the brand and the last four.
 */
import Stripe from "stripe";
import type {
  AuthorizeRequest,
  AuthorizeResult,
  CaptureRequest,
  CardProvider,
  OperationResult,
  ProviderEvent,
  RefundRequest,
  ReleaseRequest,
} from "./provider";

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string | null;
  /** Tests point the SDK at a local stand-in for Stripe's API. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
}

type Intent = Stripe.PaymentIntent;

export class StripeProvider implements CardProvider {
  readonly name = "STRIPE" as const;
  readonly isTestMode: boolean;
  private readonly stripe: Stripe;
  private readonly webhookSecret: string | null;

  constructor(options: StripeProviderOptions) {
    this.isTestMode = options.secretKey.startsWith("sk_test_");
    this.webhookSecret = options.webhookSecret;
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.protocol ? { protocol: options.protocol } : {}),
    });
  }

  /** The SDK, for the webhook helpers and Terminal. */
  get client(): Stripe {
    return this.stripe;
  }

  /**
   * A PaymentIntent for the storefront's Payment Element: manual capture,
   * confirmed later in the shopper's browser with the client secret. Cards
   * and whatever else the Stripe account enables; a method that redirects
   * comes back to the checkout's return URL.
   */
  async createCheckoutIntent(request: {
    amountMinor: number;
    currency: string;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<{ id: string; clientSecret: string }> {
    const intent = await this.stripe.paymentIntents.create(
      {
        amount: request.amountMinor,
        currency: request.currency.toLowerCase(),
        capture_method: "manual",
        automatic_payment_methods: { enabled: true },
        metadata: request.metadata,
      },
      { idempotencyKey: request.idempotencyKey },
    );
    if (!intent.client_secret) throw new Error("Stripe returned no client secret");
    return { id: intent.id, clientSecret: intent.client_secret };
  }

  async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    try {
      const intent = request.token.startsWith("pi_")
        ? await this.stripe.paymentIntents.retrieve(request.token, {
            expand: ["latest_charge"],
          })
        : await this.stripe.paymentIntents.create(
            {
              amount: request.amountMinor,
              currency: request.currency.toLowerCase(),
              payment_method: request.token,
              // Confirmed here, so no method that needs a redirect.
              automatic_payment_methods: { enabled: true, allow_redirects: "never" },
              capture_method: "manual",
              confirm: true,
              description: request.description,
              metadata: request.metadata,
              expand: ["latest_charge"],
            },
            { idempotencyKey: request.idempotencyKey },
          );
      return await this.settleIntent(intent, request);
    } catch (error) {
      return authorizeError(error);
    }
  }

  /** Checks a confirmed intent matches the tender, capturing now at the counter. */
  private async settleIntent(intent: Intent, request: AuthorizeRequest) {
    const isRightAmount =
      intent.amount === request.amountMinor &&
      intent.currency === request.currency.toLowerCase();
    if (!isRightAmount) {
      // The bag changed after the shopper paid: this intent can pay for no
      // order, so its hold is let go now rather than in seven days.
      if (intent.status === "requires_capture") {
        await this.stripe.paymentIntents
          .cancel(intent.id, {}, { idempotencyKey: `${request.idempotencyKey}:mismatch` })
          .catch(() => undefined);
      }
      return declined("amount_mismatch", "The payment does not match the order total.");
    }
    if (intent.status !== "requires_capture" && intent.status !== "succeeded") {
      return intent.status === "requires_action"
        ? declined("authentication_required", "The card needs the shopper to confirm it.")
        : declined("payment_not_authorized", "The payment was not authorized.");
    }

    // An intent confirmed in a browser or on a reader pays for one order:
    // the first order to present it claims it in its metadata, and any
    // other order presenting the same intent is refused.
    const orderId = request.metadata.orderId;
    if (orderId) {
      const claimedBy = intent.metadata?.orderId;
      if (claimedBy && claimedBy !== orderId) {
        return declined("payment_already_used", "This payment belongs to another order.");
      }
      if (!claimedBy) {
        await this.stripe.paymentIntents.update(
          intent.id,
          { metadata: { orderId, orderNumber: request.metadata.orderNumber ?? "" } },
          { idempotencyKey: `${request.idempotencyKey}:claim` },
        );
      }
    }

    let capturedMinor = intent.status === "succeeded" ? intent.amount_received : 0;
    if (request.isCaptureNow && intent.status === "requires_capture") {
      const captured = await this.stripe.paymentIntents.capture(
        intent.id,
        {},
        { idempotencyKey: `${request.idempotencyKey}:capture` },
      );
      capturedMinor = captured.amount_received;
    }
    const card = cardOf(intent);
    return {
      outcome: "authorized" as const,
      reference: intent.id,
      capturedMinor,
      cardBrand: card.brand,
      cardLast4: card.last4,
    };
  }

  async capture(request: CaptureRequest): Promise<OperationResult> {
    // Without multicapture on the account, Stripe captures once and releases
    // the rest of the hold: a later shipment of the same order then fails
    // to capture and is reported, so enable multicapture for split shipments.
    return this.operate(async () => {
      const intent = await this.stripe.paymentIntents.capture(
        request.reference,
        { amount_to_capture: request.amountMinor },
        { idempotencyKey: request.idempotencyKey },
      );
      return intent.id;
    });
  }

  async refund(request: RefundRequest): Promise<OperationResult> {
    return this.operate(async () => {
      const refund = await this.stripe.refunds.create(
        { payment_intent: request.reference, amount: request.amountMinor },
        { idempotencyKey: request.idempotencyKey },
      );
      return refund.id;
    });
  }

  async release(request: ReleaseRequest): Promise<OperationResult> {
    // After a capture Stripe has already let the rest of the hold go.
    if (request.capturedMinor > 0) return { ok: true, reference: request.reference };
    return this.operate(async () => {
      const intent = await this.stripe.paymentIntents.cancel(
        request.reference,
        {},
        { idempotencyKey: request.idempotencyKey },
      );
      return intent.id;
    });
  }

  handleWebhook(payload: string, signature: string | null): ProviderEvent {
    if (!this.webhookSecret) throw new Error("STRIPE_WEBHOOK_SECRET is not set");
    // Throws on a missing, tampered, wrong-secret or stale signature.
    const event = this.stripe.webhooks.constructEvent(
      payload,
      signature ?? "",
      this.webhookSecret,
    );
    return toProviderEvent(event);
  }

  private async operate(run: () => Promise<string>): Promise<OperationResult> {
    try {
      return { ok: true, reference: await run() };
    } catch (error) {
      const stripeError = error as { code?: string; message?: string };
      return {
        ok: false,
        code: stripeError.code ?? "stripe_error",
        message: stripeError.message ?? "Stripe refused the request.",
      };
    }
  }
}

function declined(code: string, message: string): AuthorizeResult {
  return { outcome: "declined", code, message };
}

function authorizeError(error: unknown): AuthorizeResult {
  if (error instanceof Stripe.errors.StripeCardError) {
    return declined(
      error.decline_code ?? error.code ?? "card_declined",
      error.message || "The card was declined.",
    );
  }
  const code = (error as { code?: string }).code ?? "stripe_error";
  return { outcome: "failed", code, message: "The card could not be checked." };
}

function cardOf(intent: Intent): { brand: string | null; last4: string | null } {
  const charge = intent.latest_charge;
  if (!charge || typeof charge === "string") return { brand: null, last4: null };
  const details = charge.payment_method_details;
  const card = details?.card ?? details?.card_present ?? null;
  return { brand: card?.brand ?? null, last4: card?.last4 ?? null };
}

const EVENT_KINDS: Record<string, ProviderEvent["kind"]> = {
  "payment_intent.amount_capturable_updated": "authorized",
  "payment_intent.succeeded": "captured",
  "payment_intent.canceled": "released",
  "payment_intent.payment_failed": "failed",
  "charge.refunded": "refunded",
};

function toProviderEvent(event: Stripe.Event): ProviderEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  const isCharge = object.object === "charge";
  const reference = String((isCharge ? object.payment_intent : object.id) ?? "");
  const amount = isCharge
    ? Number(object.amount_refunded ?? 0)
    : Number(object.amount_received ?? object.amount_capturable ?? object.amount ?? 0);
  return {
    eventId: event.id,
    reference,
    kind: EVENT_KINDS[event.type] ?? "other",
    amountMinor: amount,
    rawType: event.type,
    metadata: isCharge ? {} : metadataOf(object.metadata),
  };
}

function metadataOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}
