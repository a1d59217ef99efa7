/**
 * The words of a category listing's URL. Kept free of imports: the proxy
 * and next.config.ts read them, and neither should pull in the database.
 */

export const LISTING_SORTS = ["featured", "newest", "price-asc", "price-desc"] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

/** The query parameters a listing reads; any other is ignored. */
export const LISTING_QUERY_KEYS = [
  "size",
  "colour",
  "min",
  "max",
  "delivery",
  "store",
  "sort",
  "page",
] as const;
