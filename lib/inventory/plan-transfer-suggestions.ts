export interface VelocityLevel {
  variantId: string;
  sku: string;
  locationId: string;
  /** On hand less reserved: what could be moved or sold now. */
  free: number;
  /** Units on their way in (shipped transfers). */
  inbound: number;
  /** Units sold here within the window. */
  unitsSold: number;
  reorderPoint: number;
  /** Whether the location is replenished by transfer (a shop, not a warehouse). */
  canReceive: boolean;
}

export interface TransferSuggestion {
  fromLocationId: string;
  toLocationId: string;
  lines: {
    variantId: string;
    sku: string;
    quantity: number;
    /** Days the destination's stock lasts at its rate of sale, before the move. */
    toCoverDays: number;
    /** Days the source's stock lasts, before the move (Infinity when it sells none). */
    fromCoverDays: number;
  }[];
}

export interface SuggestionOptions {
  /** Days of sales the rate is measured over. */
  windowDays: number;
  /** Days of sales each location should hold. */
  coverDays: number;
}

/**
 * Suggests transfers from locations holding more than they sell to
 * locations selling more than they hold. Each location's target is the
 * larger of its reorder point and `coverDays` of its recent rate of sale;
 * needs are met from the largest surpluses first, and the moves are
 * grouped per pair of locations so one click makes one transfer. Pure.
 */
export function planTransferSuggestions(
  levels: readonly VelocityLevel[],
  options: SuggestionOptions,
): TransferSuggestion[] {
  const byVariant = new Map<string, VelocityLevel[]>();
  for (const level of levels) {
    const list = byVariant.get(level.variantId) ?? [];
    list.push(level);
    byVariant.set(level.variantId, list);
  }

  const pairs = new Map<string, TransferSuggestion>();
  for (const variantLevels of byVariant.values()) {
    const sized = variantLevels.map((level) => {
      const rate = level.unitsSold / options.windowDays;
      const target = Math.max(level.reorderPoint, Math.ceil(rate * options.coverDays));
      const cover = rate > 0 ? level.free / rate : Number.POSITIVE_INFINITY;
      return {
        level,
        cover,
        need: level.canReceive ? Math.max(0, target - level.free - level.inbound) : 0,
        surplus: Math.max(0, level.free - target),
      };
    });
    // The emptiest shelves first, fed by the fullest.
    const needs = sized.filter((s) => s.need > 0).sort((a, b) => a.cover - b.cover);
    const sources = sized
      .filter((s) => s.surplus > 0)
      .sort((a, b) => b.surplus - a.surplus);

    for (const need of needs) {
      for (const source of sources) {
        if (need.need === 0) break;
        if (source.surplus === 0 || source.level.locationId === need.level.locationId)
          continue;
        const quantity = Math.min(need.need, source.surplus);
        need.need -= quantity;
        source.surplus -= quantity;

        const key = `${source.level.locationId}>${need.level.locationId}`;
        const pair = pairs.get(key) ?? {
          fromLocationId: source.level.locationId,
          toLocationId: need.level.locationId,
          lines: [],
        };
        pairs.set(key, pair);
        pair.lines.push({
          variantId: need.level.variantId,
          sku: need.level.sku,
          quantity,
          toCoverDays: roundCover(need.cover),
          fromCoverDays: roundCover(source.cover),
        });
      }
    }
  }

  const suggestions = [...pairs.values()];
  for (const s of suggestions) s.lines.sort((a, b) => (a.sku < b.sku ? -1 : 1));
  return suggestions.sort(
    (a, b) =>
      b.lines.reduce((n, l) => n + l.quantity, 0) -
      a.lines.reduce((n, l) => n + l.quantity, 0),
  );
}

function roundCover(days: number): number {
  return Number.isFinite(days) ? Math.round(days * 10) / 10 : Number.POSITIVE_INFINITY;
}
