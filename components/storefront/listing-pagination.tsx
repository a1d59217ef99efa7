import Link from "next/link";
import { type ListingParams, listingQuery } from "@/lib/catalog/listing-params";

/** Previous and next page links that keep the filters. */
export function ListingPagination({
  basePath,
  params,
  page,
  pageCount,
}: {
  basePath: string;
  params: ListingParams;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const href = (target: number) =>
    `${basePath}${listingQuery({ ...params, page: target })}`;
  const linkClass =
    "inline-flex min-h-11 items-center rounded-lg border border-black/15 bg-white px-4 hover:border-ink";
  return (
    <nav
      aria-label="Pages"
      className="mt-10 flex items-center justify-between gap-4 text-sm"
    >
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
