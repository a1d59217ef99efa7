/**
 * Entered promotion codes. The caller looks the entered codes up in
 * storage and passes what it found (the promotion, the code's own limit and
 * how often it was used); the engine decides and stores nothing.
 */
import type { CodeRecord, Promotion } from "./schemas";
import type { CodeOutcome, SkipReason } from "./types";

/** Codes are compared trimmed and upper-cased, so "summer10 " is SUMMER10. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

interface CodeEntry {
  code: string;
  record: CodeRecord | null;
  isRepeat: boolean;
}

export interface CodeBook {
  readonly entries: readonly CodeEntry[];
  /** Promotion id to the code chosen for it: the first entered within its limit. */
  readonly chosen: ReadonlyMap<string, string>;
  /** Promotion ids for which codes were entered but all were used up. */
  readonly usedUp: ReadonlySet<string>;
}

/** Matches entered codes to their records and picks one code per promotion. */
export function readCodes(
  entered: readonly string[],
  records: readonly CodeRecord[],
): CodeBook {
  const byCode = new Map(records.map((record) => [normalizeCode(record.code), record]));
  const seen = new Set<string>();
  const chosen = new Map<string, string>();
  const usedUp = new Set<string>();

  const entries = entered.map((raw) => {
    const code = normalizeCode(raw);
    const isRepeat = seen.has(code);
    seen.add(code);
    const record = byCode.get(code) ?? null;
    if (record && !isRepeat && !chosen.has(record.promotionId)) {
      if (isWithinLimit(record)) {
        chosen.set(record.promotionId, code);
        usedUp.delete(record.promotionId);
      } else {
        usedUp.add(record.promotionId);
      }
    }
    return { code, record, isRepeat };
  });
  return { entries, chosen, usedUp };
}

/** The final word on each entered code, once the promotions have been settled. */
export function codeOutcomes(
  book: CodeBook,
  promotions: readonly Promotion[],
  appliedIds: ReadonlySet<string>,
  reasons: ReadonlyMap<string, SkipReason>,
): CodeOutcome[] {
  const activeIds = new Set(promotions.map((promotion) => promotion.id));

  return book.entries.map(({ code, record, isRepeat }): CodeOutcome => {
    const promotionId = record?.promotionId ?? null;
    const outcome = (
      status: CodeOutcome["status"],
      reason: SkipReason | null = null,
    ) => ({
      code,
      status,
      promotionId,
      reason,
    });
    if (!record) return outcome("unknown");
    if (isRepeat) return outcome("duplicate");
    if (!activeIds.has(record.promotionId)) return outcome("inactive");
    if (!isWithinLimit(record)) return outcome("limit_reached");
    if (book.chosen.get(record.promotionId) !== code) return outcome("duplicate");
    if (appliedIds.has(record.promotionId)) return outcome("applied");
    return outcome("not_applied", reasons.get(record.promotionId) ?? null);
  });
}

function isWithinLimit(record: CodeRecord): boolean {
  return record.usageLimit === null || record.timesUsed < record.usageLimit;
}
