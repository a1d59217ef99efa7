"use client";

import Link from "next/link";
import { BagLines } from "./bag-lines";
import { BagTotals } from "./bag-totals";
import { useBag } from "./use-bag";

/** The full bag page: lines on the left, totals and checkout on the right. */
export function BagPage() {
  const { data, isPending } = useBag();
  const cart = data?.cart;

  if (isPending) {
    return <p className="mt-6 min-h-40 text-ink/70">Loading your bag…</p>;
  }
  if (!cart || cart.lines.length === 0) {
    return (
      <div className="mt-6 rounded-xl bg-white p-6 text-center shadow-sm">
        <p>Your bag is empty.</p>
        <Link href="/" className="mt-3 inline-flex min-h-11 items-center underline">
          Continue shopping
        </Link>
      </div>
    );
  }
  return (
    <div className="mt-6 grid grid-cols-1 gap-8 md:grid-cols-[1fr_22rem]">
      <section aria-label="Items" className="rounded-xl bg-white px-4 shadow-sm">
        <BagLines />
      </section>
      <aside aria-label="Order summary" className="space-y-4">
        <div className="rounded-xl bg-white p-4 shadow-sm">
          <BagTotals cart={cart} />
        </div>
        {cart.canCheckOut ? (
          // A new document, under checkout's own nonce policy (README "Security").
          <a
            href="/checkout"
            className="flex min-h-12 items-center justify-center rounded-lg bg-brand-600 font-semibold text-white hover:bg-brand-700"
          >
            Checkout
          </a>
        ) : (
          <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">
            Some items are not available the way you chose. Change them to check out.
          </p>
        )}
      </aside>
    </div>
  );
}
