import Link from "next/link";
import type { ReactNode } from "react";
import { listCategoryTree } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";
import { currentCustomer } from "@/lib/next/session";

export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  const [categories, customer] = await Promise.all([
    listCategoryTree(db),
    currentCustomer(),
  ]);
  return (
    <div className="flex min-h-dvh flex-col bg-sand">
      <header className="sticky top-0 z-20 border-b border-black/5 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
            Omnitill
          </Link>
          <nav aria-label="Categories" className="hidden gap-5 text-sm sm:flex">
            {categories.map((c) => (
              <span key={c.id} className="text-ink/70">
                {c.name}
              </span>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-1 text-sm">
            <Link
              href={customer ? "/account" : "/account/sign-in"}
              className="inline-flex min-h-11 items-center rounded-lg px-3 hover:bg-black/5"
            >
              {customer ? customer.firstName : "Sign in"}
            </Link>
          </div>
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="border-t border-black/5 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-ink/60">
          <span>© Omnitill</span>
          <Link href="/pos" className="hover:underline">
            Staff: point of sale
          </Link>
          <Link href="/admin" className="hover:underline">
            Staff: back-office
          </Link>
        </div>
      </footer>
    </div>
  );
}
