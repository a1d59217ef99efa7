import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Compact signed tokens for links sent to shoppers (an order's status
 * page, confirming an account): base64url JSON, a dot, and an HMAC-SHA256
 * of it under the app's secret with a purpose label, so a token made for
 * one purpose is refused for another. Tokens carry no secrets: anyone
 * holding the link can read its payload, not change it.
 */
export function signToken(
  purpose: string,
  payload: Record<string, unknown>,
  secret: string,
): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(purpose, body, secret)}`;
}

/** The payload of a token signed for this purpose, or null when altered or foreign. */
export function verifyToken(
  purpose: string,
  token: string,
  secret: string,
): Record<string, unknown> | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0 || body.length > 4096) return null;

  const expected = Buffer.from(mac(purpose, body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;

  try {
    const payload: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    return payload && typeof payload === "object" && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function mac(purpose: string, body: string, secret: string): string {
  return createHmac("sha256", secret).update(`${purpose}\n${body}`).digest("base64url");
}
