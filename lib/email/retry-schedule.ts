/**
 * When a failed email is tried again: soon at first, then further apart,
 * about a day in all, then it is given up as FAILED. Pure.
 */
export const RETRY_DELAYS_MS = [
  60_000, // 1 minute
  5 * 60_000,
  15 * 60_000,
  60 * 60_000,
  3 * 60 * 60_000,
  6 * 60 * 60_000,
  12 * 60 * 60_000,
] as const;

/** Attempts allowed in all: the first and one after each delay. */
export const MAX_EMAIL_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempts` tries have failed, or null when that
 * was the last one allowed.
 */
export function nextRetryAt(attempts: number, now: Date): Date | null {
  if (attempts < 1 || attempts >= MAX_EMAIL_ATTEMPTS) return null;
  const delay =
    RETRY_DELAYS_MS[attempts - 1] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];
  return new Date(now.getTime() + (delay ?? 0));
}
