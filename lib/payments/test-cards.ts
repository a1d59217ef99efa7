/**
 * The test cards of TEST MODE. The browser turns a typed test number into
 * a token with `testCardToken`, so that no card number, not even a test
 * one, reaches the server. Pure: the storefront and the POS import it.
 */

export type TestCardOutcome =
  | { result: "approve" }
  | { result: "decline"; code: string; message: string }
  | { result: "fail"; code: string; message: string };

export interface TestCard {
  number: string;
  brand: string;
  last4: string;
  label: string;
  outcome: TestCardOutcome;
}

const DECLINED = "The card was declined.";

/** Every test card the provider knows, as listed on the checkout in TEST MODE. */
export const TEST_CARDS: readonly TestCard[] = [
  card("4242424242424242", "visa", "Approved", { result: "approve" }),
  card("5555555555554444", "mastercard", "Approved", { result: "approve" }),
  card("378282246310005", "amex", "Approved", { result: "approve" }),
  card("4000000000000002", "visa", "Declined", {
    result: "decline",
    code: "card_declined",
    message: DECLINED,
  }),
  card("4000000000009995", "visa", "Declined: insufficient funds", {
    result: "decline",
    code: "insufficient_funds",
    message: "The card has insufficient funds.",
  }),
  card("4000000000000069", "visa", "Declined: expired card", {
    result: "decline",
    code: "expired_card",
    message: "The card has expired.",
  }),
  card("4000000000000119", "visa", "Provider error", {
    result: "fail",
    code: "processing_error",
    message: "The card could not be processed.",
  }),
];

const TOKEN_PREFIX = "tok_test_";

/** The token a test card number stands for, or null for an unknown number. */
export function testCardToken(cardNumber: string): string | null {
  const digits = cardNumber.replace(/[\s-]/g, "");
  const found = TEST_CARDS.find((c) => c.number === digits);
  return found ? tokenOf(found) : null;
}

/** The test card behind a token, or null when it is not a test token. */
export function testCardForToken(token: string): TestCard | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  return TEST_CARDS.find((c) => tokenOf(c) === token) ?? null;
}

/** Whether a token is meant for the test-card provider. */
export function isTestCardToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX);
}

function tokenOf(testCard: TestCard): string {
  // The number's last four digits with a short fingerprint of the rest, so
  // two test cards ending alike still get different tokens.
  const head = testCard.number.slice(0, 6);
  return `${TOKEN_PREFIX}${testCard.brand}_${head}${testCard.last4}`;
}

function card(
  number: string,
  brand: string,
  label: string,
  outcome: TestCardOutcome,
): TestCard {
  return { number, brand, last4: number.slice(-4), label, outcome };
}
