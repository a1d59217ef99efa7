/**
 * Units for multi-buy deals. A deal picks units, not lines: "the cheapest
 * one free" must look inside a line of three. A line's remaining amount is
 * split evenly over its units (values differ by at most one minor unit),
 * and units of equal value are grouped so a line of 10 000 costs no more
 * than a line of one.
 */
import { compareIds, type LineState } from "./state";

export interface UnitBucket {
  readonly state: LineState;
  /** Value of each unit in the bucket, after earlier promotions. */
  readonly value: number;
  readonly count: number;
  /** Units picked so far in this evaluation. */
  taken: number;
}

export interface UnitPick {
  readonly bucket: UnitBucket;
  readonly count: number;
}

/** The line's units not yet used by a deal, grouped by value (at most two groups). */
export function unitBuckets(state: LineState): UnitBucket[] {
  const { quantity } = state.line;
  const available = quantity - state.dealUnits;
  if (available <= 0) return [];

  const base = Math.floor(state.remaining / quantity);
  const unitsWorthOneMore = state.remaining - base * quantity;
  // The units still free for deals are taken to be the dearer ones, so the
  // values handed to a deal never add up to more than the line has left.
  const high = Math.min(unitsWorthOneMore, available);
  const buckets: UnitBucket[] = [];
  if (high > 0) buckets.push({ state, value: base + 1, count: high, taken: 0 });
  if (available > high)
    buckets.push({ state, value: base, count: available - high, taken: 0 });
  return buckets;
}

/** Orders buckets from the cheapest unit up; ties by line id. */
export function cheapestFirst(a: UnitBucket, b: UnitBucket): number {
  return a.value - b.value || compareIds(a.state.line.id, b.state.line.id);
}

/** Orders buckets from the dearest unit down; ties by line id. */
export function dearestFirst(a: UnitBucket, b: UnitBucket): number {
  return b.value - a.value || compareIds(a.state.line.id, b.state.line.id);
}

/** Takes `count` units in bucket order, or none (and null) if there are too few. */
export function takeUnits(
  ordered: readonly UnitBucket[],
  count: number,
): UnitPick[] | null {
  const picks: UnitPick[] = [];
  let needed = count;
  for (const bucket of ordered) {
    if (needed === 0) break;
    const free = bucket.count - bucket.taken;
    if (free <= 0) continue;
    const taken = Math.min(free, needed);
    bucket.taken += taken;
    picks.push({ bucket, count: taken });
    needed -= taken;
  }
  if (needed > 0) {
    releaseUnits(picks);
    return null;
  }
  return picks;
}

/** Puts picked units back. */
export function releaseUnits(picks: readonly UnitPick[]): void {
  for (const pick of picks) pick.bucket.taken -= pick.count;
}

/** Number of distinct units still free for deals among the lines. */
export function availableUnits(lines: Iterable<LineState>): number {
  let units = 0;
  for (const state of lines) units += Math.max(0, state.line.quantity - state.dealUnits);
  return units;
}
