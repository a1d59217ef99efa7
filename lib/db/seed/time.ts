/**
 * The demo data's clock. Every timestamp is fixed relative to this date
 * rather than to now(), so two seeds of the same database are identical.
 */
export const SEED_EPOCH = new Date("2026-11-01T00:00:00.000Z");

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** A moment `days` days before the epoch, at hh:mm UTC on that day. */
export function daysBefore(days: number, hours = 9, minutes = 0): Date {
  return new Date(
    SEED_EPOCH.getTime() - days * DAY_MS + (hours * 60 + minutes) * MINUTE_MS,
  );
}

/** A moment `minutes` minutes after `at`. */
export function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}
