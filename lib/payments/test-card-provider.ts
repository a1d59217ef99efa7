/**
 * The TEST MODE card provider: approves and declines by test card (see
 * test-cards.ts) and moves no money. It is the default only in the
 * embedded demo and the tests; elsewhere it must be switched on with
 * PAYMENTS_TEST_MODE=1, and every screen that offers it says TEST MODE.
 *
 * Like a real provider it remembers each operation under its idempotency
 * key, so a repeated call answers the same and counts once, and it refuses
 * to capture or refund more than was authorized or captured.
 */
import { createHash } from "node:crypto";
import type {
  AuthorizeRequest,
  AuthorizeResult,
  CaptureRequest,
  CardProvider,
  OperationResult,
  RefundRequest,
  ReleaseRequest,
} from "./provider";
import { testCardForToken } from "./test-cards";

interface Charge {
  reference: string;
  authorizedMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  isReleased: boolean;
}

export interface TestCardJournal {
  /** Authorizations that moved (test) money, one per idempotency key. */
  authorizations: number;
  captures: number;
  refunds: number;
  releases: number;
}

export class TestCardProvider implements CardProvider {
  readonly name = "TEST_CARD" as const;
  readonly isTestMode = true;
  private readonly charges = new Map<string, Charge>();
  private readonly done = new Map<string, AuthorizeResult | OperationResult>();
  private readonly counts: TestCardJournal = {
    authorizations: 0,
    captures: 0,
    refunds: 0,
    releases: 0,
  };

  /** How many operations took effect; tests assert "charged once". */
  journal(): TestCardJournal {
    return { ...this.counts };
  }

  async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    return this.once(`auth:${request.idempotencyKey}`, () => {
      const testCard = testCardForToken(request.token);
      if (!testCard) {
        return {
          outcome: "declined",
          code: "unknown_test_card",
          message: "That is not one of the test cards.",
        };
      }
      if (testCard.outcome.result !== "approve") {
        const { code, message } = testCard.outcome;
        return testCard.outcome.result === "decline"
          ? { outcome: "declined", code, message }
          : { outcome: "failed", code, message };
      }
      const reference = `test_pay_${digest(request.idempotencyKey)}`;
      const capturedMinor = request.isCaptureNow ? request.amountMinor : 0;
      this.charges.set(reference, {
        reference,
        authorizedMinor: request.amountMinor,
        capturedMinor,
        refundedMinor: 0,
        isReleased: false,
      });
      this.counts.authorizations += 1;
      if (capturedMinor > 0) this.counts.captures += 1;
      return {
        outcome: "authorized",
        reference,
        capturedMinor,
        cardBrand: testCard.brand,
        cardLast4: testCard.last4,
      };
    });
  }

  async capture(request: CaptureRequest): Promise<OperationResult> {
    return this.once(`capture:${request.idempotencyKey}`, () => {
      const charge = this.charges.get(request.reference);
      if (!charge || charge.isReleased) return refused("no_authorization");
      const open = charge.authorizedMinor - charge.capturedMinor;
      if (request.amountMinor > open) return refused("amount_too_large");
      charge.capturedMinor += request.amountMinor;
      if (request.isFinal) charge.isReleased = true;
      this.counts.captures += 1;
      return { ok: true, reference: `test_cap_${digest(request.idempotencyKey)}` };
    });
  }

  async refund(request: RefundRequest): Promise<OperationResult> {
    return this.once(`refund:${request.idempotencyKey}`, () => {
      const charge = this.charges.get(request.reference);
      if (!charge) return refused("no_charge");
      if (charge.refundedMinor + request.amountMinor > charge.capturedMinor) {
        return refused("amount_too_large");
      }
      charge.refundedMinor += request.amountMinor;
      this.counts.refunds += 1;
      return { ok: true, reference: `test_ref_${digest(request.idempotencyKey)}` };
    });
  }

  async release(request: ReleaseRequest): Promise<OperationResult> {
    return this.once(`release:${request.idempotencyKey}`, () => {
      const charge = this.charges.get(request.reference);
      if (!charge) return refused("no_authorization");
      charge.isReleased = true;
      this.counts.releases += 1;
      return { ok: true, reference: request.reference };
    });
  }

  private once<T extends AuthorizeResult | OperationResult>(
    key: string,
    run: () => T,
  ): T {
    const previous = this.done.get(key);
    if (previous) return previous as T;
    const result = run();
    this.done.set(key, result);
    return result;
  }
}

function refused(code: string): OperationResult {
  return { ok: false, code, message: "The test provider refused the operation." };
}

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 24);
}
