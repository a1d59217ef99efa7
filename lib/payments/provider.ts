/**
 * The interface every card provider implements (Stripe, the test-card
 * provider). Internal tenders (cash, gift cards, store credit) are ledgers
 * in our own database and are settled inside transactions instead; see
 * gift-cards.ts and store-credit.ts.
 *
 * Every call carries an idempotency key: repeating a call with the same
 * key never moves money twice, at the provider or here.
 */
import type { PaymentProvider as ProviderName } from "@/lib/db/generated/enums";

export interface AuthorizeRequest {
  /** The tender's token from the browser or the API client. */
  token: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
  /** true at the counter (carry-out): captured in the same call. */
  isCaptureNow: boolean;
  /** Shown in the provider's dashboard, e.g. the order number. */
  description: string;
  metadata: Record<string, string>;
}

export type AuthorizeResult =
  | {
      outcome: "authorized";
      reference: string;
      /** The amount captured with the authorization (0 unless isCaptureNow). */
      capturedMinor: number;
      cardBrand: string | null;
      cardLast4: string | null;
    }
  /** The issuer said no; the shopper can try another card. */
  | { outcome: "declined"; code: string; message: string }
  /** The provider could not answer; nothing is taken on our side. */
  | { outcome: "failed"; code: string; message: string };

export type OperationResult =
  | { ok: true; reference: string }
  | { ok: false; code: string; message: string };

export interface CaptureRequest {
  reference: string;
  amountMinor: number;
  idempotencyKey: string;
  /** true when nothing more will be captured: the provider releases the rest. */
  isFinal: boolean;
}

export interface RefundRequest {
  reference: string;
  amountMinor: number;
  idempotencyKey: string;
}

export interface ReleaseRequest {
  reference: string;
  idempotencyKey: string;
  /** What was captured before: 0 means the whole authorization is cancelled. */
  capturedMinor: number;
}

/** A provider's notification, in our words. */
export interface ProviderEvent {
  /** The provider's event id; a redelivery carries the same one. */
  eventId: string;
  reference: string;
  kind: "authorized" | "captured" | "refunded" | "released" | "failed" | "other";
  amountMinor: number;
  rawType: string;
  /** The PaymentIntent's metadata (the storefront's bag and attempt, or our order). */
  metadata?: Record<string, string>;
}

export interface CardProvider {
  readonly name: Extract<ProviderName, "STRIPE" | "TEST_CARD">;
  /** No real money moves; every screen showing it says TEST MODE. */
  readonly isTestMode: boolean;
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(request: CaptureRequest): Promise<OperationResult>;
  refund(request: RefundRequest): Promise<OperationResult>;
  /** Releases what is left of an authorization. */
  release(request: ReleaseRequest): Promise<OperationResult>;
  /** Verifies and reads a webhook delivery; throws on a bad signature. */
  handleWebhook?(payload: string, signature: string | null): ProviderEvent;
}
