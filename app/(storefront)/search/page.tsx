import type { Metadata } from "next";
import Link from "next/link";
import { ProductGrid } from "@/components/storefront/product-grid";
import { SearchBox } from "@/components/storefront/search-box";
import {
  listCategoryMatches,
  listSearchMatches,
} from "@/lib/catalog/list-search-matches";
import type { SearchParams } from "@/lib/catalog/listing-params";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };

function queryOf(params: SearchParams): string {
  const raw = Array.isArray(params.q) ? params.q[0] : params.q;
  return (raw ?? "").trim().slice(0, 100);
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = queryOf(await searchParams);
  return {
    title: query ? `Search: ${query}` : "Search",
    robots: { index: false },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const query = queryOf(await searchParams);
  const [products, categories] = query
    ? await Promise.all([
        listSearchMatches(db, { query, limit: 48 }),
        listCategoryMatches(db, { query }),
      ])
    : [[], []];

  return (
    <div className="mx-auto max-w-6xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight">Search</h1>
      <div className="mt-4 max-w-xl">
        <SearchBox defaultValue={query} autoFocus={!query} />
      </div>

      {query && (
        <section aria-labelledby="results" className="mt-8">
          <h2 id="results" className="text-lg font-semibold" aria-live="polite">
            {products.length === 0
              ? `Nothing found for “${query}”`
              : `${products.length} ${products.length === 1 ? "result" : "results"} for “${query}”`}
          </h2>
          {categories.length > 0 && (
            <ul aria-label="Matching categories" className="mt-3 flex flex-wrap gap-2">
              {categories.map((c) => (
                <li key={c.handle}>
                  <Link
                    href={`/categories/${c.handle}`}
                    className="inline-flex min-h-11 items-center rounded-full border border-black/10 bg-white px-4 text-sm hover:border-ink"
                  >
                    {c.parentName ? `${c.name} – ${c.parentName}` : c.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {products.length === 0 ? (
            <p className="mt-4 text-ink/70">
              Check the spelling, try a simpler word, or{" "}
              <Link href="/" className="underline">
                browse the categories
              </Link>
              .
            </p>
          ) : (
            <div className="mt-6">
              <ProductGrid products={products} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
