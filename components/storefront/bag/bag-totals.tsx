"use client";

import { type KeyboardEvent, useId, useRef, useState, useTransition } from "react";
import { addBagCodeAction, removeBagCodeAction } from "@/app/(storefront)/cart/actions";
import { formatMoney } from "@/components/ui/format";
import type { CartView } from "@/lib/checkout/cart-view";
import { describeReason } from "@/lib/pricing";
import { useBag } from "./use-bag";

function codeMessage(cart: CartView, outcome: CartView["codeOutcomes"][number]): string {
  const format = (amount: number) => formatMoney(amount, cart.currency);
  switch (outcome.status) {
    case "applied":
      return "Applied.";
    case "unknown":
      return "Not a valid code.";
    case "inactive":
      return "Not valid at the moment.";
    case "limit_reached":
      return "Already used.";
    case "duplicate":
      return "Already entered.";
    case "not_applied":
      return outcome.reason
        ? `Not applied: ${describeReason(outcome.reason, format)}.`
        : "Not applied.";
  }
}

/**
 * The bag's totals as the pricing engine computed them (the same engine
 * and figures as the till), the promotions that applied, and the codes.
 */
export function BagTotals({ cart }: { cart: CartView }) {
  const { apply } = useBag();
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const money = (amount: number) => formatMoney(amount, cart.currency);

  const input = useRef<HTMLInputElement>(null);

  // Not a <form>: the checkout wraps this in its own form.
  function onAddCode() {
    const code = input.current?.value.trim() ?? "";
    if (!code) return;
    startTransition(async () => {
      const result = await apply(addBagCodeAction({ code }));
      setError(result.ok ? null : (result.fields?.code?.[0] ?? result.message));
      if (result.ok && input.current) input.current.value = "";
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    onAddCode();
  }

  const hasShipping = cart.lines.some((l) => l.fulfillment === "SHIP");

  return (
    <div className="space-y-4 text-sm">
      <div className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          Promotion code
        </label>
        <input
          ref={input}
          id={id}
          onKeyDown={onKeyDown}
          placeholder="Promotion code"
          autoCapitalize="characters"
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-black/15 bg-white px-3 uppercase"
        />
        <button
          type="button"
          onClick={onAddCode}
          disabled={isPending}
          className="min-h-11 shrink-0 rounded-lg border border-ink px-4 font-medium"
        >
          Apply
        </button>
      </div>
      <p role="alert" className="text-red-700 empty:hidden">
        {error}
      </p>
      {cart.codeOutcomes.length > 0 && (
        <ul className="space-y-1" aria-label="Codes">
          {cart.codeOutcomes.map((outcome) => (
            <li key={outcome.code} className="flex items-center justify-between gap-2">
              <span>
                <span className="font-mono font-medium">{outcome.code}</span>{" "}
                <span
                  className={
                    outcome.status === "applied" ? "text-brand-700" : "text-ink/70"
                  }
                >
                  {codeMessage(cart, outcome)}
                </span>
              </span>
              <button
                type="button"
                className="inline-flex min-h-11 items-center px-2 underline"
                aria-label={`Remove code ${outcome.code}`}
                onClick={() =>
                  startTransition(async () => {
                    await apply(removeBagCodeAction({ code: outcome.code }));
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}

      <dl className="space-y-1" aria-live="polite" data-testid="bag-totals">
        <div className="flex justify-between">
          <dt>Items</dt>
          <dd>{money(cart.totals.subtotalMinor)}</dd>
        </div>
        {cart.promotions.map((promotion) => (
          <div
            key={`${promotion.name}-${promotion.code}`}
            className="flex justify-between text-red-700"
          >
            <dt>{promotion.name}</dt>
            <dd>−{money(promotion.amountMinor)}</dd>
          </div>
        ))}
        <div className="flex justify-between">
          <dt>Delivery</dt>
          <dd>
            {!hasShipping
              ? "Collect in store: free"
              : cart.totals.shippingMinor > 0
                ? money(cart.totals.shippingMinor)
                : "Free"}
          </dd>
        </div>
        <div className="flex justify-between border-t border-black/10 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd data-testid="bag-total">{money(cart.totals.totalMinor)}</dd>
        </div>
        {cart.totals.taxMinor > 0 && (
          <div className="flex justify-between text-ink/70">
            <dt>Including VAT</dt>
            <dd>{money(cart.totals.taxMinor)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
