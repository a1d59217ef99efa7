import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/storefront/breadcrumbs";
import { ListingFilters } from "@/components/storefront/listing-filters";
import { ListingPagination } from "@/components/storefront/listing-pagination";
import { ProductGrid } from "@/components/storefront/product-grid";
import { listingFromSegment } from "@/lib/catalog/listing-params";
import { db } from "@/lib/db/client";
import {
  readCategory,
  readCategoryFacets,
  readCategoryListing,
  readPickupStores,
} from "@/lib/storefront/cached-reads";

/**
 * `/categories/women?size=M` is served from here: proxy.ts rewrites it to
 * `/categories/women/size=M` (the filters in a canonical order), and
 * next.config.ts rewrites an unfiltered listing to `…/all`, so that the page
 * reads no search params and each listing is cached whole like a product
 * page: dropped on every catalogue, price, promotion, store or settings
 * event, and rendered again at most a minute after the last render. A
 * listing filtered by stock ("for delivery", "at a store") is dropped on
 * every stock event too (lib/next/page-cache.ts).
 */
export const revalidate = 60;
// Never per request: reading cookies or headers here (anything about the
// shopper) fails the render instead of quietly making the page dynamic.
export const dynamic = "error";

/** No listing is rendered at build time; each is rendered on first request. */
export async function generateStaticParams(): Promise<
  { handle: string; filters: string }[]
> {
  return [];
}

type Props = {
  params: Promise<{ handle: string; filters: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  const category = await readCategory(db, handle);
  if (!category) return { title: "Category not found" };
  const title = category.parent
    ? `${category.name} – ${category.parent.name}`
    : category.name;
  return {
    title,
    description: `Shop ${title.toLowerCase()} online for delivery, or collect today from a store.`,
    alternates: { canonical: `/categories/${category.handle}` },
  };
}

export default async function CategoryPage({ params }: Props) {
  const { handle, filters } = await params;
  const category = await readCategory(db, handle);
  if (!category) notFound();

  const listing = listingFromSegment(filters);
  const stores = await readPickupStores(db);
  const store = stores.find((s) => s.code === listing.storeCode);
  const [result, facets] = await Promise.all([
    readCategoryListing(db, category.id, {
      sizes: listing.sizes,
      colours: listing.colours,
      minPriceMinor: listing.minPrice === undefined ? undefined : listing.minPrice * 100,
      maxPriceMinor: listing.maxPrice === undefined ? undefined : listing.maxPrice * 100,
      isForDelivery: listing.isForDelivery,
      pickupLocationId: store?.id,
      sort: listing.sort,
      page: listing.page,
    }),
    readCategoryFacets(db, category.id),
  ]);
  const basePath = `/categories/${category.handle}`;

  return (
    <div className="mx-auto max-w-6xl px-4 pb-16">
      <Breadcrumbs
        className="pt-4"
        trail={
          category.parent
            ? [
                {
                  name: category.parent.name,
                  href: `/categories/${category.parent.handle}`,
                },
              ]
            : []
        }
        current={category.name}
      />
      {category.parent && (
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">
          {category.parent.name}
        </p>
      )}
      <h1 className="text-2xl font-bold tracking-tight sm:text-4xl">{category.name}</h1>

      {category.children.length > 0 && (
        <ul
          aria-label="Subcategories"
          className="-mx-4 mt-4 flex gap-2 overflow-x-auto px-4 pb-1"
        >
          {category.children.map((child) => (
            <li key={child.handle} className="shrink-0">
              <Link
                href={`/categories/${child.handle}`}
                className="inline-flex min-h-11 items-center rounded-full border border-black/10 bg-white px-4 text-sm hover:border-ink"
              >
                {child.name}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <div className="mt-6 md:grid md:grid-cols-[16rem_1fr] md:gap-8">
        <ListingFilters
          basePath={basePath}
          params={listing}
          facets={facets}
          stores={stores.map((s) => ({
            code: s.code,
            name: s.name,
            latitude: s.latitude,
            longitude: s.longitude,
          }))}
          total={result.total}
        />
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="sr-only">
            Products
          </h2>
          {result.products.length === 0 ? (
            <div className="rounded-xl bg-white p-6 text-center shadow-sm">
              <p className="font-medium">Nothing matches these filters.</p>
              <Link
                href={basePath}
                className="mt-3 inline-flex min-h-11 items-center rounded-lg px-3 text-brand-700 underline"
              >
                Clear all filters
              </Link>
            </div>
          ) : (
            <ProductGrid products={result.products} />
          )}
          <ListingPagination
            basePath={basePath}
            params={listing}
            page={result.page}
            pageCount={result.pageCount}
          />
        </section>
      </div>
    </div>
  );
}
