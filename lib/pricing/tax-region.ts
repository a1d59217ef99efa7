/**
 * Where tax is due. Goods are taxed where they are handed over: at the
 * store for pickup and carry-out, at the destination for shipping.
 */
import { percentToPpm } from "../money/percent";
import type {
  Address,
  CartLine,
  PricingCart,
  PricingContext,
  TaxCategory,
  TaxRegion,
} from "./schemas";
import { compareIds } from "./state";

/** The address a line's goods are handed over at, or null when it is unknown. */
export function handoverAddress(
  line: CartLine,
  cart: PricingCart,
  context: PricingContext,
): Address | null {
  if (line.fulfillment === "SHIP") return cart.shippingAddress;

  const locationId = line.locationId ?? context.locationId;
  if (locationId === null) return null;
  return (
    context.locations.find((location) => location.id === locationId)?.address ?? null
  );
}

/**
 * The most specific region matching an address: the longest matching
 * postal prefix wins, then a region (state, province) over a whole
 * country, then the lower id.
 */
export function findTaxRegion(
  address: Address,
  regions: readonly TaxRegion[],
): TaxRegion | null {
  const country = address.country.toUpperCase();
  const subdivision = normalizeSubdivision(address.region, country);
  const postalCode = normalizePostalCode(address.postalCode);

  let best: { region: TaxRegion; postal: number; hasRegion: boolean } | null = null;
  for (const region of regionsOf(regions, country)) {
    if (
      region.region !== null &&
      normalizeSubdivision(region.region, country) !== subdivision
    ) {
      continue;
    }
    const postal = postalMatchLength(region.postalCodePrefixes, postalCode);
    if (postal < 0) continue;
    const candidate = { region, postal, hasRegion: region.region !== null };
    if (!best || isMoreSpecific(candidate, best)) best = candidate;
  }
  return best?.region ?? null;
}

/** The rate in parts per million for a tax category; zero-rated and exempt goods pay none. */
export function ratePpm(region: TaxRegion, category: TaxCategory): number {
  if (category === "STANDARD") return percentToPpm(region.rates.STANDARD);
  if (category === "REDUCED") return percentToPpm(region.rates.REDUCED);
  return 0;
}

// Regions are indexed by country once per list; the POS reuses its list.
const byCountryCache = new WeakMap<readonly TaxRegion[], Map<string, TaxRegion[]>>();

function regionsOf(regions: readonly TaxRegion[], country: string): TaxRegion[] {
  let index = byCountryCache.get(regions);
  if (!index) {
    index = new Map();
    for (const region of regions) {
      const key = region.country.toUpperCase();
      index.set(key, [...(index.get(key) ?? []), region]);
    }
    byCountryCache.set(regions, index);
  }
  return index.get(country) ?? [];
}

function isMoreSpecific(
  a: { region: TaxRegion; postal: number; hasRegion: boolean },
  b: { region: TaxRegion; postal: number; hasRegion: boolean },
): boolean {
  if (a.postal !== b.postal) return a.postal > b.postal;
  if (a.hasRegion !== b.hasRegion) return a.hasRegion;
  return compareIds(a.region.id, b.region.id) < 0;
}

/** Length of the longest matching prefix; 0 when the region lists none; -1 for no match. */
function postalMatchLength(
  prefixes: readonly string[],
  postalCode: string | null,
): number {
  if (prefixes.length === 0) return 0;
  if (postalCode === null) return -1;
  let longest = -1;
  for (const prefix of prefixes) {
    const normalized = normalizePostalCode(prefix) ?? "";
    if (postalCode.startsWith(normalized)) longest = Math.max(longest, normalized.length);
  }
  return longest;
}

/** "us-ca", "US-CA" and "CA" all mean California in the US. */
function normalizeSubdivision(value: string | null, country: string): string | null {
  if (value === null) return null;
  const upper = value.trim().toUpperCase();
  return upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
}

function normalizePostalCode(value: string | null): string | null {
  if (value === null) return null;
  return value.replace(/[\s-]/g, "").toUpperCase();
}
