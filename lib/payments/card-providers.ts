/**
 * Which card providers this instance uses. Stripe when its secret key is
 * set; the TEST MODE provider in the embedded demo and the tests, or
 * wherever PAYMENTS_TEST_MODE=1 says so. A server with neither takes no
 * card payments, rather than quietly accepting test cards.
 */
import type { CardProvider } from "./provider";
import { StripeProvider } from "./stripe-provider";
import { TestCardProvider } from "./test-card-provider";
import { isTestCardToken } from "./test-cards";

export interface CardProviders {
  stripe: CardProvider | null;
  testCard: CardProvider | null;
}

const globalCache = globalThis as unknown as {
  __omnitillCardProviders?: CardProviders;
  __omnitillTestCardProvider?: TestCardProvider;
};

/** Whether test cards are accepted by this instance. */
export function isTestModeEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PAYMENTS_TEST_MODE === "1") return true;
  if (env.PAYMENTS_TEST_MODE === "0") return false;
  if (env.STRIPE_SECRET_KEY) return false;
  return !env.DATABASE_URL || env.NODE_ENV === "test";
}

/** The process's one test-card provider (its journal spans requests). */
export function sharedTestCardProvider(): TestCardProvider {
  globalCache.__omnitillTestCardProvider ??= new TestCardProvider();
  return globalCache.__omnitillTestCardProvider;
}

/** The providers configured by the environment, made once per process. */
export function configuredCardProviders(): CardProviders {
  globalCache.__omnitillCardProviders ??= {
    stripe: process.env.STRIPE_SECRET_KEY
      ? new StripeProvider({
          secretKey: process.env.STRIPE_SECRET_KEY,
          webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? null,
        })
      : null,
    testCard: isTestModeEnabled() ? sharedTestCardProvider() : null,
  };
  return globalCache.__omnitillCardProviders;
}

/** The provider that handles a card token, or null when none may. */
export function providerForToken(
  providers: CardProviders,
  token: string,
): CardProvider | null {
  return isTestCardToken(token) ? providers.testCard : providers.stripe;
}
