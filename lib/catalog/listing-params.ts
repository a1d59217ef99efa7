import { LISTING_SORTS, type ListingSort } from "./listing-keys";

/** A page's search params as Next hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What a listing URL says: ?size=M&colour=Navy&min=20&max=80&store=STR-LDN&sort=… */
export interface ListingParams {
  sizes: string[];
  colours: string[];
  /** Whole units of the currency, as the shopper typed them. */
  minPrice?: number;
  maxPrice?: number;
  isForDelivery: boolean;
  /** Code of the store to collect from, e.g. "STR-LDN". */
  storeCode?: string;
  sort: ListingSort;
  page: number;
}

function all(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [
    ...new Set(list.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 60)),
  ];
}

function first(value: string | string[] | undefined): string | undefined {
  return all(value)[0];
}

function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,7}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Reads a listing's filters from its URL, leniently: a value that makes no
 * sense (a negative price, an unknown sort) is ignored rather than refused,
 * because shoppers edit and share these links.
 */
export function parseListingParams(params: SearchParams): ListingParams {
  const sort = first(params.sort);
  const page = wholeNumber(first(params.page));
  const storeCode = first(params.store);
  return {
    sizes: all(params.size).slice(0, 30),
    colours: all(params.colour).slice(0, 30),
    minPrice: wholeNumber(first(params.min)),
    maxPrice: wholeNumber(first(params.max)),
    isForDelivery: first(params.delivery) === "1",
    storeCode: storeCode && /^[A-Z0-9-]{1,32}$/.test(storeCode) ? storeCode : undefined,
    sort: LISTING_SORTS.includes(sort as ListingSort)
      ? (sort as ListingSort)
      : "featured",
    page: page && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** The query string for a listing; defaults are left out to keep links short. */
export function listingQuery(params: ListingParams): string {
  const query = new URLSearchParams();
  for (const size of params.sizes) query.append("size", size);
  for (const colour of params.colours) query.append("colour", colour);
  if (params.minPrice !== undefined) query.set("min", String(params.minPrice));
  if (params.maxPrice !== undefined) query.set("max", String(params.maxPrice));
  if (params.isForDelivery) query.set("delivery", "1");
  if (params.storeCode) query.set("store", params.storeCode);
  if (params.sort !== "featured") query.set("sort", params.sort);
  if (params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The path segment standing for a listing's filters when it has none. */
export const ALL_LISTING_SEGMENT = "all";

/**
 * A listing's filters as one path segment: the canonical query without its
 * "?" (unknown parameters dropped), or "all". Category pages are cached by
 * path, and this keeps one cache entry per distinct listing.
 */
export function listingSegment(query: URLSearchParams): string {
  const params: SearchParams = {};
  for (const key of new Set(query.keys())) params[key] = query.getAll(key);
  return listingQuery(parseListingParams(params)).slice(1) || ALL_LISTING_SEGMENT;
}

/** The listing a path segment made by `listingSegment` stands for. */
export function listingFromSegment(segment: string): ListingParams {
  const text = segment.includes("=") ? segment : safeDecode(segment);
  const query = new URLSearchParams(text === ALL_LISTING_SEGMENT ? "" : text);
  const params: SearchParams = {};
  for (const key of new Set(query.keys())) params[key] = query.getAll(key);
  return parseListingParams(params);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
