"use client";

import { useState, useTransition } from "react";
import {
  removeBagLineAction,
  updateBagLineAction,
} from "@/app/(storefront)/cart/actions";
import { formatMoney } from "@/components/ui/format";
import type { CartLineView } from "@/lib/checkout/cart-view";
import { useBag } from "./use-bag";

const stepClass =
  "inline-flex size-11 items-center justify-center rounded-lg border border-black/15 bg-white text-lg disabled:opacity-40";

/**
 * The lines of the bag: quantity, and for each line delivery or collection
 * at a store. Every change goes through the cart functions, which price
 * the bag again and check stock again.
 */
export function BagLines({ compact = false }: { compact?: boolean }) {
  const { data } = useBag();
  const cart = data?.cart;
  if (!cart || cart.lines.length === 0) return null;
  return (
    <ul className="divide-y divide-black/10">
      {cart.lines.map((line) => (
        <BagLine
          key={line.id}
          line={line}
          currency={cart.currency}
          stores={data.stores}
          compact={compact}
        />
      ))}
    </ul>
  );
}

function BagLine({
  line,
  currency,
  stores,
  compact,
}: {
  line: CartLineView;
  currency: string;
  stores: { id: string; name: string }[];
  compact: boolean;
}) {
  const { apply } = useBag();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const money = (amount: number) => formatMoney(amount, currency);

  function change(run: () => ReturnType<typeof updateBagLineAction>) {
    startTransition(async () => {
      const result = await apply(run());
      setError(result.ok ? null : result.message);
    });
  }

  const update = (change: Record<string, unknown>) => () =>
    updateBagLineAction({ lineId: line.id, change });

  return (
    <li className="py-4" data-testid="bag-line" aria-busy={isPending}>
      <div className="flex justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium [overflow-wrap:anywhere]">{line.title}</p>
          <p className="text-xs text-ink/70">{line.sku}</p>
        </div>
        <div className="shrink-0 text-right">
          <p className="font-medium">{money(line.totalMinor)}</p>
          {line.discountMinor > 0 && (
            <p className="text-xs text-red-700">−{money(line.discountMinor)}</p>
          )}
        </div>
      </div>

      <div className="mt-2 flex flex-wrap items-center gap-2">
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">Quantity of {line.title}</legend>
          <button
            type="button"
            className={stepClass}
            aria-label="One fewer"
            disabled={isPending || line.quantity <= 1}
            onClick={() => change(update({ quantity: line.quantity - 1 }))}
          >
            −
          </button>
          <span className="w-8 text-center" aria-live="polite">
            {line.quantity}
          </span>
          <button
            type="button"
            className={stepClass}
            aria-label="One more"
            disabled={isPending}
            onClick={() => change(update({ quantity: line.quantity + 1 }))}
          >
            +
          </button>
        </fieldset>
        <button
          type="button"
          disabled={isPending}
          onClick={() => change(() => removeBagLineAction({ lineId: line.id }))}
          className="ml-auto inline-flex min-h-11 items-center px-2 text-sm underline"
          aria-label={`Remove ${line.title}`}
        >
          Remove
        </button>
      </div>

      <label className={`mt-2 block text-sm ${compact ? "" : "max-w-sm"}`}>
        <span className="mb-1 block text-ink/70">How you get it</span>
        <select
          value={line.fulfillment === "PICKUP" ? `PICKUP:${line.locationId}` : "SHIP"}
          disabled={isPending}
          onChange={(event) => {
            const value = event.target.value;
            change(
              update(
                value === "SHIP"
                  ? { fulfillment: "SHIP", locationId: null }
                  : { fulfillment: "PICKUP", locationId: value.slice("PICKUP:".length) },
              ),
            );
          }}
          className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
        >
          <option value="SHIP">Delivery</option>
          {stores.map((store) => (
            <option key={store.id} value={`PICKUP:${store.id}`}>
              Collect from {store.name}
            </option>
          ))}
        </select>
      </label>
      {!line.isAvailable && (
        <p className="mt-2 text-sm text-red-700">
          {line.availableQuantity === 0
            ? line.fulfillment === "PICKUP"
              ? "Not in stock at this store: choose another store or delivery."
              : "Out of stock for delivery: choose a store to collect from."
            : `Only ${line.availableQuantity} available this way.`}
        </p>
      )}
      <p role="alert" className="mt-1 text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </li>
  );
}
