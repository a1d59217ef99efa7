import Link from "next/link";
import { ProductCard } from "@/components/storefront/product-card";
import { db } from "@/lib/db/client";
import { readCategoryTree, readHomeProducts } from "@/lib/storefront/cached-reads";

// Cached whole (lib/next/page-cache-handler.cjs) and dropped on every
// catalogue, price, promotion, store or settings event; rendered again at
// most a minute after the last render anyway, for promotions that start or
// end on the clock and for pickup times. Stock figures on the page are only
// a first guess: the open page fetches live ones (use-live-stock.ts).
export const revalidate = 60;
// Never per request: reading cookies or headers here (anything about the
// shopper) fails the render instead of quietly making the page dynamic.
export const dynamic = "error";

export default async function HomePage() {
  const [[featured, latest], categories] = await Promise.all([
    readHomeProducts(db),
    readCategoryTree(db),
  ]);

  return (
    <div className="mx-auto max-w-6xl px-4 pb-16">
      <section className="py-10 sm:py-16">
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">
          In stores and online
        </p>
        <h1 className="mt-2 max-w-2xl text-3xl font-bold tracking-tight sm:text-5xl">
          Clothes and homeware, made to last.
        </h1>
        <p className="mt-4 max-w-xl text-ink/70">
          Order online for delivery, or pick up today from a store near you.
        </p>
      </section>

      {categories.length > 0 && (
        <section aria-labelledby="categories" className="mb-12">
          <h2 id="categories" className="mb-4 text-xl font-semibold">
            Shop by category
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {categories.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/categories/${c.handle}`}
                  className="block h-full min-h-24 rounded-xl bg-white p-4 shadow-sm transition hover:shadow-md"
                >
                  <span className="font-semibold">{c.name}</span>
                  <span className="mt-1 block text-sm text-ink/70">
                    {c.children.map((child) => child.name).join(" · ")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {featured.length > 0 && (
        <section aria-labelledby="featured" className="mb-12">
          <h2 id="featured" className="mb-4 text-xl font-semibold">
            Featured
          </h2>
          <div className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-4">
            {featured.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="new-in">
        <h2 id="new-in" className="mb-4 text-xl font-semibold">
          New in
        </h2>
        {latest.length === 0 ? (
          <p className="text-ink/70">
            The catalogue is empty. Products appear here once published.
          </p>
        ) : (
          <div className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-4">
            {latest.map((p) => (
              <ProductCard key={p.id} product={p} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
