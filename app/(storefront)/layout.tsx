import Link from "next/link";
import type { ReactNode } from "react";
import { AccountLink } from "@/components/storefront/account-link";
import { BagButton } from "@/components/storefront/bag/bag-drawer";
import { MobileMenu } from "@/components/storefront/mobile-menu";
import { SearchBox } from "@/components/storefront/search-box";
import { db } from "@/lib/db/client";
import { readCategoryTree, readSettings } from "@/lib/storefront/cached-reads";

const iconLinkClass =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2 hover:bg-black/5";

export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  // No cookies here: the header is the same for everyone (the account
  // link and the bag ask for themselves), and its reads are cached.
  const [categories, settings] = await Promise.all([
    readCategoryTree(db),
    readSettings(db),
  ]);
  return (
    <div className="flex min-h-dvh flex-col bg-sand">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:p-3"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-black/5 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-2 sm:gap-4 sm:px-4">
          <MobileMenu
            categories={categories.map((c) => ({ handle: c.handle, name: c.name }))}
          />
          <Link
            href="/"
            className="inline-flex min-h-11 items-center px-1 text-lg font-bold tracking-tight text-brand-700"
          >
            {settings.businessName}
          </Link>
          <nav aria-label="Categories" className="hidden gap-1 text-sm md:flex">
            {categories.map((c) => (
              <Link
                key={c.id}
                href={`/categories/${c.handle}`}
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-ink/80 hover:bg-black/5 hover:text-ink"
              >
                {c.name}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-1 text-sm">
            <div className="hidden w-64 lg:block">
              <SearchBox />
            </div>
            <Link
              href="/search"
              className={`${iconLinkClass} lg:hidden`}
              aria-label="Search"
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none">
                <circle cx="11" cy="11" r="6" stroke="currentColor" strokeWidth="2" />
                <path d="m16 16 4 4" stroke="currentColor" strokeWidth="2" />
              </svg>
            </Link>
            <AccountLink />
            <BagButton />
          </div>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-black/5 bg-white">
        <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm sm:grid-cols-3">
          <nav aria-label="Shop">
            <h2 className="mb-2 font-semibold">Shop</h2>
            <ul>
              {categories.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/categories/${c.handle}`}
                    className="inline-flex min-h-11 items-center text-ink/70 hover:underline"
                  >
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {/* Account, till and back-office links are plain: those pages load
              as a new document under their own nonce policy, never under the
              cached catalogue pages' fixed one (README "Security"). */}
          <nav aria-label="Help">
            <h2 className="mb-2 font-semibold">Help</h2>
            <ul>
              <li>
                <Link
                  href="/stores"
                  className="inline-flex min-h-11 items-center text-ink/70 hover:underline"
                >
                  Our stores
                </Link>
              </li>
              <li>
                <a
                  href="/account"
                  className="inline-flex min-h-11 items-center text-ink/70 hover:underline"
                >
                  Your account and orders
                </a>
              </li>
            </ul>
          </nav>
          <div className="text-ink/70">
            <p>© {settings.businessName}</p>
            <p className="mt-2 flex flex-wrap gap-x-4">
              <a
                href="/pos"
                className="inline-flex min-h-11 items-center hover:underline"
              >
                Staff: point of sale
              </a>
              <a
                href="/admin"
                className="inline-flex min-h-11 items-center hover:underline"
              >
                Staff: back-office
              </a>
            </p>
          </div>
        </div>
      </footer>
    </div>
  );
}
