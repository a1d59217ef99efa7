"use client";

import { useEffect, useRef } from "react";
import { BagLines } from "./bag-lines";
import { BagTotals } from "./bag-totals";
import { useBag } from "./use-bag";

/**
 * The header's bag button and the drawer it opens (a modal dialog: focus
 * stays inside, Escape closes it). "Add to bag" opens it too.
 */
export function BagButton() {
  const { data, itemCount } = useBag();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const open = () => dialog.current?.showModal();
    window.addEventListener("omnitill:open-bag", open);
    return () => window.removeEventListener("omnitill:open-bag", open);
  }, []);

  const cart = data?.cart;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-2 hover:bg-black/5"
        aria-label={`Bag, ${itemCount} ${itemCount === 1 ? "item" : "items"}`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none">
          <path d="M6 8h12l-1 12H7L6 8Z" stroke="currentColor" strokeWidth="2" />
          <path d="M9 8V6a3 3 0 0 1 6 0v2" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span
          className={`absolute right-0 top-1 min-w-5 rounded-full bg-brand-600 px-1 text-center text-xs font-semibold text-white ${itemCount === 0 ? "invisible" : ""}`}
        >
          {itemCount}
        </span>
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes a modal dialog natively; the click is only the backdrop */}
      <dialog
        ref={dialog}
        aria-labelledby="bag-heading"
        className="ml-auto mr-0 h-dvh max-h-dvh w-full max-w-md bg-sand p-0 backdrop:bg-black/40"
        onClick={(event) => {
          // A click on the backdrop (the dialog itself, not its content) closes it.
          if (event.target === dialog.current) dialog.current?.close();
        }}
      >
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b border-black/10 bg-white px-4 py-2">
            <h2 id="bag-heading" className="text-lg font-semibold">
              Your bag
            </h2>
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-black/5"
              aria-label="Close bag"
            >
              ✕
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-4">
            {!cart || cart.lines.length === 0 ? (
              <p className="py-8 text-center text-ink/70">Your bag is empty.</p>
            ) : (
              <BagLines compact />
            )}
          </div>
          {cart && cart.lines.length > 0 && (
            <div className="space-y-3 border-t border-black/10 bg-white p-4">
              <BagTotals cart={cart} />
              {/* Plain links, not <Link>: the bag and checkout load as a new
                  document under their own nonce policy, never under the
                  cached catalogue pages' fixed one (README "Security"). */}
              <div className="grid grid-cols-2 gap-2">
                <a
                  href="/cart"
                  onClick={() => dialog.current?.close()}
                  className="inline-flex min-h-11 items-center justify-center rounded-lg border border-ink font-medium"
                >
                  View bag
                </a>
                <a
                  href="/checkout"
                  onClick={() => dialog.current?.close()}
                  className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 font-semibold text-white"
                >
                  Checkout
                </a>
              </div>
            </div>
          )}
        </div>
      </dialog>
    </>
  );
}
