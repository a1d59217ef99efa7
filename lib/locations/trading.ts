/** The calendar date ("YYYY-MM-DD") it is in a timezone at a moment. */
export function localDateIn(timezone: string, at: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** A stored @db.Date as "YYYY-MM-DD" (it is midnight UTC of that day). */
export function isoDate(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export interface TradingFacts {
  isActive: boolean;
  timezone: string;
  opensOn: Date | null;
  closesOn: Date | null;
}

export type TradingStatus =
  | { isTrading: true; closesOn: string | null }
  | { isTrading: false; reason: "inactive" | "not_yet_open" | "closed"; date?: string };

/**
 * Whether a location trades on the day it is at a moment, in its own
 * timezone: it must be active, and a pop-up only between its first and last
 * trading day (inclusive).
 */
export function tradingStatus(location: TradingFacts, at: Date): TradingStatus {
  if (!location.isActive) return { isTrading: false, reason: "inactive" };

  const today = localDateIn(location.timezone, at);
  const opensOn = isoDate(location.opensOn);
  const closesOn = isoDate(location.closesOn);
  if (opensOn && today < opensOn) {
    return { isTrading: false, reason: "not_yet_open", date: opensOn };
  }
  if (closesOn && today > closesOn) {
    return { isTrading: false, reason: "closed", date: closesOn };
  }
  return { isTrading: true, closesOn };
}

/** Whether the location trades today in its own timezone. */
export function isTradingAt(location: TradingFacts, at: Date): boolean {
  return tradingStatus(location, at).isTrading;
}
