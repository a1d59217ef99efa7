import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type SignInAudience = "staff" | "customer";

/** How many wrong tries, within what window, lock an account or an address. */
export const SIGN_IN_LIMITS = {
  /** Wrong passwords for one account within the window before it locks. */
  perAccount: 5,
  /** Wrong passwords from one address within the window, across accounts. */
  perAddress: 30,
  windowMinutes: 15,
} as const;

export interface SignInAttemptKey {
  audience: SignInAudience;
  email: string;
  ipAddress: string;
}

/** The email as the throttle keys it: trimmed and lower-cased, like sign-in. */
function normaliseEmail(email: unknown): string {
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 320) : "";
}

/**
 * Runs a sign-in check under rate limits kept in PostgreSQL, so they hold
 * across every app instance. Each try is written as FAILED before the
 * password is checked, so many tries racing at once are all counted, and
 * turned into SUCCEEDED when it passes. Within the window, after
 * `perAccount` wrong passwords for one account or `perAddress` from one
 * address, tries are refused unchecked with `rate_limited` and the seconds
 * until the oldest counted failure leaves the window. A success forgives the
 * account's earlier failures (not the address's). Refused tries are kept as
 * LOCKED_OUT and do not extend the lockout.
 */
export async function throttleSignIn<T>(
  db: PrismaClient,
  key: SignInAttemptKey,
  verify: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<T> {
  const email = normaliseEmail(key.email);
  const where = { audience: key.audience, email, ipAddress: key.ipAddress };

  const locked = await lockedUntil(db, { ...key, email }, now());
  if (locked) {
    await db.signInAttempt.create({ data: { ...where, outcome: "LOCKED_OUT" } });
    throw rateLimited(locked, now());
  }

  const attempt = await db.signInAttempt.create({
    data: { ...where, outcome: "FAILED", createdAt: now() },
  });
  // Tries that raced this one may have reached the limit first.
  const raced = await lockedUntil(db, { ...key, email }, now(), attempt.id);
  if (raced) {
    await db.signInAttempt.update({
      where: { id: attempt.id },
      data: { outcome: "LOCKED_OUT" },
    });
    throw rateLimited(raced, now());
  }

  const result = await verify();
  await db.signInAttempt.update({
    where: { id: attempt.id },
    data: { outcome: "SUCCEEDED" },
  });
  await pruneOldAttempts(db, now());
  return result;
}

/**
 * When the account or address may try again, or null when it may now.
 * `excluding` leaves the caller's own try out of the count.
 */
export async function lockedUntil(
  db: PrismaClient,
  key: SignInAttemptKey,
  at: Date,
  excluding?: bigint,
): Promise<Date | null> {
  const windowMs = SIGN_IN_LIMITS.windowMinutes * 60_000;
  const since = new Date(at.getTime() - windowMs);
  const email = normaliseEmail(key.email);

  const lastSuccess = await db.signInAttempt.findFirst({
    where: {
      audience: key.audience,
      email,
      outcome: "SUCCEEDED",
      createdAt: { gt: since },
    },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince =
    lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const notMine = excluding === undefined ? {} : { id: { lt: excluding } };

  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.findMany({
      where: {
        audience: key.audience,
        email,
        outcome: "FAILED",
        createdAt: { gt: accountSince },
        ...notMine,
      },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_LIMITS.perAccount,
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: {
        ipAddress: key.ipAddress,
        outcome: "FAILED",
        createdAt: { gt: since },
        ...notMine,
      },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_LIMITS.perAddress,
      select: { createdAt: true },
    }),
  ]);

  // Locked while the window holds the limit's worth of failures: until the
  // oldest of the newest `limit` failures leaves it.
  const until = [
    unlockAt(accountFailures, SIGN_IN_LIMITS.perAccount, windowMs),
    unlockAt(addressFailures, SIGN_IN_LIMITS.perAddress, windowMs),
  ].filter((date): date is Date => date !== null && date > at);
  if (until.length === 0) return null;
  return new Date(Math.max(...until.map((date) => date.getTime())));
}

function unlockAt(
  failures: { createdAt: Date }[],
  limit: number,
  windowMs: number,
): Date | null {
  if (failures.length < limit) return null;
  const oldest = failures[limit - 1];
  return oldest ? new Date(oldest.createdAt.getTime() + windowMs) : null;
}

function rateLimited(until: Date, at: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
  return new AppError(
    "rate_limited",
    `Too many sign-in attempts. Try again in ${describeWait(seconds)}.`,
    { retryAfterSeconds: seconds },
  );
}

/** "1 minute", "12 minutes": the wait in words, rounded up to a minute. */
export function describeWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

// A day of history is far more than any window needs.
async function pruneOldAttempts(db: PrismaClient, at: Date): Promise<void> {
  await db.signInAttempt.deleteMany({
    where: { createdAt: { lt: new Date(at.getTime() - 24 * 60 * 60_000) } },
  });
}
