"use client";

import { useMemo, useState } from "react";
import { formatMoney } from "@/components/ui/format";
import {
  describeExplanation,
  type ItemTarget,
  PricingCartSchema,
  type PricingContext,
  type PricingResult,
  type Promotion,
  PromotionSchema,
  priceCart,
  type SalesChannel,
} from "@/lib/pricing";
import type { PromotionEditorData } from "@/lib/promotions/editor-data";
import { INPUT_CLASS } from "../form-controls";
import { fromLocalInput, toLocalInput } from "./fields";

type Mode = "CARRY_OUT" | "PICKUP" | "SHIP";

const MODES: { value: Mode; label: string; channel: SalesChannel }[] = [
  { value: "CARRY_OUT", label: "In store, at the counter", channel: "POS" },
  { value: "PICKUP", label: "Online, collected in store", channel: "WEB" },
  { value: "SHIP", label: "Online, delivered in the UK", channel: "WEB" },
];

/** The code the preview pretends the shopper typed for the edited promotion. */
const PREVIEW_CODE = "PREVIEW";
const SHIPPING_MINOR = 495;

/**
 * Prices a sample basket in the browser with the very engine the server
 * uses, with the promotion as it stands in the form, and explains it.
 */
export function PromotionPreview({
  data,
  definition,
  promotionId,
}: {
  data: PromotionEditorData;
  /** The form's definition, without an id. */
  definition: Omit<Promotion, "id">;
  promotionId: string | null;
}) {
  const [basket, setBasket] = useState(() => suggestBasket(data, definition));
  const [adding, setAdding] = useState(data.sampleVariants[0]?.variantId ?? "");
  const [mode, setMode] = useState<Mode>("CARRY_OUT");
  const [storeId, setStoreId] = useState(data.stores[0]?.id ?? "");
  const [time, setTime] = useState(() => toLocalInput(new Date().toISOString()));
  const [groups, setGroups] = useState<string[]>([]);
  const [isFirstOrder, setIsFirstOrder] = useState(false);
  const [hasCode, setHasCode] = useState(true);
  const [withOthers, setWithOthers] = useState(true);

  const id = promotionId ?? "preview";
  const outcome = useMemo(() => {
    // An unnamed draft still previews; the form asks for the name on saving.
    const name = definition.name.trim() || "This promotion";
    const parsed = PromotionSchema.safeParse({ ...definition, name, id });
    if (!parsed.success) return { kind: "invalid" as const };
    try {
      const result = price({
        data,
        promotion: parsed.data,
        basket,
        mode,
        storeId,
        time: fromLocalInput(time) ?? new Date().toISOString(),
        groups,
        isFirstOrder,
        hasCode,
        withOthers,
      });
      return { kind: "priced" as const, result, text: describeExplanation(result) };
    } catch {
      return { kind: "error" as const };
    }
  }, [
    definition,
    id,
    data,
    basket,
    mode,
    storeId,
    time,
    groups,
    isFirstOrder,
    hasCode,
    withOthers,
  ]);

  const byVariant = new Map(data.sampleVariants.map((v) => [v.variantId, v]));
  const money = (amount: number) => formatMoney(amount, data.currency);

  return (
    <section
      aria-labelledby="preview-heading"
      className="space-y-4 rounded-xl bg-white p-4 shadow-sm md:p-6"
    >
      <div>
        <h2 id="preview-heading" className="text-lg font-semibold">
          Live preview
        </h2>
        <p className="text-xs text-slate-500">
          Priced in your browser by the same engine as the tills and the shop.
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">Sample basket</h3>
        <ul className="space-y-2">
          {basket.map((item, index) => (
            <li key={item.variantId} className="flex items-center gap-2 text-sm">
              <span className="min-w-0 flex-1 truncate">
                {byVariant.get(item.variantId)?.label ?? item.variantId}
              </span>
              <input
                type="number"
                min={1}
                max={99}
                aria-label={`Quantity of ${byVariant.get(item.variantId)?.label ?? "item"}`}
                value={item.quantity}
                className="min-h-9 w-16 rounded-lg border border-slate-300 px-2"
                onChange={(event) => {
                  const quantity = Math.max(
                    1,
                    Math.min(99, Number(event.target.value) || 1),
                  );
                  setBasket(basket.map((b, i) => (i === index ? { ...b, quantity } : b)));
                }}
              />
              <button
                type="button"
                className="min-h-9 rounded-lg px-2 text-slate-500 hover:bg-slate-100"
                aria-label={`Remove ${byVariant.get(item.variantId)?.label ?? "item"}`}
                onClick={() => setBasket(basket.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <div className="flex gap-2">
          <select
            aria-label="Item to add to the sample basket"
            value={adding}
            className={`${INPUT_CLASS} min-w-0`}
            onChange={(event) => setAdding(event.target.value)}
          >
            {data.sampleVariants.map((variant) => (
              <option key={variant.variantId} value={variant.variantId}>
                {variant.label} · {money(variant.line.unitPrice)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="min-h-11 shrink-0 rounded-lg border border-slate-300 px-3 text-sm"
            onClick={() => setBasket(addTo(basket, adding))}
          >
            Add
          </button>
        </div>
        <button
          type="button"
          className="text-sm text-brand-700 underline"
          onClick={() => setBasket(suggestBasket(data, definition))}
        >
          Fill with items this promotion targets
        </button>
      </div>

      <div className="grid gap-3">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Sold</span>
          <select
            value={mode}
            className={INPUT_CLASS}
            onChange={(event) => setMode(event.target.value as Mode)}
          >
            {MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {mode !== "SHIP" && (
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Store</span>
            <select
              value={storeId}
              className={INPUT_CLASS}
              onChange={(event) => setStoreId(event.target.value)}
            >
              {data.stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {store.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="space-y-1 text-sm">
          <span className="block font-medium">At</span>
          <input
            type="datetime-local"
            value={time}
            className={INPUT_CLASS}
            onChange={(event) => setTime(event.target.value)}
          />
        </label>
      </div>

      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">The shopper</legend>
        {data.customerGroups.map((group) => (
          <label key={group} className="mr-4 inline-flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={groups.includes(group)}
              onChange={(event) =>
                setGroups(
                  event.target.checked
                    ? [...groups, group]
                    : groups.filter((g) => g !== group),
                )
              }
            />
            in group “{group}”
          </label>
        ))}
        <label className="mr-4 inline-flex min-h-9 items-center gap-2">
          <input
            type="checkbox"
            className="size-4"
            checked={isFirstOrder}
            onChange={(event) => setIsFirstOrder(event.target.checked)}
          />
          first order
        </label>
        {definition.requiresCode && (
          <label className="mr-4 inline-flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={hasCode}
              onChange={(event) => setHasCode(event.target.checked)}
            />
            entered the code
          </label>
        )}
        <label className="inline-flex min-h-9 items-center gap-2">
          <input
            type="checkbox"
            className="size-4"
            checked={withOthers}
            onChange={(event) => setWithOthers(event.target.checked)}
          />
          with the other live promotions
        </label>
      </fieldset>

      <div aria-live="polite" className="space-y-3" data-testid="preview-result">
        {outcome.kind === "invalid" && (
          <p className="text-sm text-amber-800">
            The preview appears once the form is complete: check the highlighted fields.
          </p>
        )}
        {outcome.kind === "error" && (
          <p className="text-sm text-red-700">This basket could not be priced.</p>
        )}
        {outcome.kind === "priced" && basket.length === 0 && (
          <p className="text-sm text-slate-500">Add an item to the basket.</p>
        )}
        {outcome.kind === "priced" && basket.length > 0 && (
          <Priced
            result={outcome.result}
            text={outcome.text}
            money={money}
            labels={byVariant}
          />
        )}
      </div>
    </section>
  );
}

function Priced({
  result,
  text,
  money,
  labels,
}: {
  result: PricingResult;
  text: ReturnType<typeof describeExplanation>;
  money: (amount: number) => string;
  labels: ReadonlyMap<string, { label: string }>;
}) {
  const { totals } = result;
  return (
    <>
      <table className="w-full text-sm">
        <tbody>
          {result.lines.map((line) => (
            <tr key={line.lineId} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-2">
                {line.quantity} × {labels.get(line.variantId)?.label ?? line.variantId}
              </td>
              <td className="whitespace-nowrap py-1 text-right tabular-nums text-brand-700">
                {line.discount > 0 ? `−${money(line.discount)}` : ""}
              </td>
              <td className="whitespace-nowrap py-1 pl-2 text-right tabular-nums">
                {money(line.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="grid grid-cols-2 gap-y-1 text-sm">
        <dt>Subtotal</dt>
        <dd className="text-right tabular-nums">{money(totals.subtotal)}</dd>
        <dt>Discounts</dt>
        <dd className="text-right tabular-nums" data-testid="preview-discount">
          {totals.discount > 0 ? `−${money(totals.discount)}` : money(0)}
        </dd>
        {result.shipping && (
          <>
            <dt>Shipping</dt>
            <dd className="text-right tabular-nums">
              {money(result.shipping.amount - result.shipping.discount)}
            </dd>
          </>
        )}
        <dt>{result.pricesIncludeTax ? "VAT included" : "Tax"}</dt>
        <dd className="text-right tabular-nums">{money(totals.tax)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="preview-total">
          {money(totals.total)}
        </dd>
      </dl>
      <div className="space-y-1 text-sm">
        <h3 className="font-semibold">Applied</h3>
        {text.applied.length === 0 ? (
          <p className="text-slate-500">No promotion applies.</p>
        ) : (
          <ul className="list-disc pl-5" data-testid="preview-applied">
            {text.applied.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )}
      </div>
      {text.notApplied.length > 0 && (
        <div className="space-y-1 text-sm">
          <h3 className="font-semibold">Not applied</h3>
          <ul className="list-disc pl-5 text-slate-600">
            {text.notApplied.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

interface BasketItem {
  variantId: string;
  quantity: number;
}

/**
 * A basket the promotion can bite on: items from its targets (enough units
 * for a deal or a bundle), or three items from across the catalogue.
 */
function suggestBasket(
  data: PromotionEditorData,
  definition: Omit<Promotion, "id">,
): BasketItem[] {
  const variants = data.sampleVariants;
  const { benefit } = definition;
  const targets: ItemTarget[] =
    benefit.type === "items" || benefit.type === "tiered"
      ? [benefit.target]
      : benefit.type === "buy_x_get_y"
        ? [benefit.buy.target]
        : benefit.type === "bundle"
          ? benefit.components.map((c) => c.target)
          : [];
  const listed = targets.filter((t) => t.scope === "listed");
  if (listed.length > 0) {
    const quantity =
      benefit.type === "buy_x_get_y" ? benefit.buy.quantity + benefit.get.quantity : 1;
    const picks = listed.flatMap((target) => {
      const match = variants.find((v) => isListed(v.line, target));
      return match ? [{ variantId: match.variantId, quantity }] : [];
    });
    const unique = picks.filter(
      (p, i) => picks.findIndex((q) => q.variantId === p.variantId) === i,
    );
    if (unique.length > 0) return unique;
  }
  const spread = [0, Math.floor(variants.length / 2), variants.length - 1];
  return [...new Set(spread)].flatMap((i) =>
    variants[i] ? [{ variantId: variants[i].variantId, quantity: 1 }] : [],
  );
}

function isListed(
  line: {
    variantId: string;
    productId: string;
    categoryIds: string[];
    collectionIds: string[];
  },
  target: ItemTarget,
): boolean {
  return (
    target.variantIds.includes(line.variantId) ||
    target.productIds.includes(line.productId) ||
    line.categoryIds.some((id) => target.categoryIds.includes(id)) ||
    line.collectionIds.some((id) => target.collectionIds.includes(id))
  );
}

function addTo(basket: BasketItem[], variantId: string): BasketItem[] {
  if (!variantId) return basket;
  const found = basket.find((item) => item.variantId === variantId);
  return found
    ? basket.map((item) =>
        item.variantId === variantId ? { ...item, quantity: item.quantity + 1 } : item,
      )
    : [...basket, { variantId, quantity: 1 }];
}

function price(options: {
  data: PromotionEditorData;
  promotion: Promotion;
  basket: BasketItem[];
  mode: Mode;
  storeId: string;
  time: string;
  groups: string[];
  isFirstOrder: boolean;
  hasCode: boolean;
  withOthers: boolean;
}): PricingResult {
  const { data, promotion, mode } = options;
  const channel = MODES.find((m) => m.value === mode)?.channel ?? "POS";
  const isShipped = mode === "SHIP";
  const byVariant = new Map(data.sampleVariants.map((v) => [v.variantId, v]));
  const lines = options.basket.flatMap((item, index) => {
    const sample = byVariant.get(item.variantId);
    if (!sample) return [];
    return [
      {
        ...sample.line,
        id: `line-${index + 1}`,
        quantity: item.quantity,
        fulfillment: mode,
        locationId: isShipped ? null : options.storeId,
      },
    ];
  });
  const isCoded = promotion.requiresCode && options.hasCode;
  const cart = PricingCartSchema.parse({
    currency: data.currency,
    lines,
    codes: isCoded ? [PREVIEW_CODE] : [],
    shippingAmount: isShipped ? SHIPPING_MINOR : 0,
    shippingAddress: isShipped ? { country: "GB", postalCode: "SW1A 1AA" } : null,
  });
  const context: PricingContext = {
    channel,
    locationId: isShipped ? null : options.storeId,
    time: options.time,
    customer: {
      id: "preview-shopper",
      groups: options.groups,
      isTaxExempt: false,
      orderCount: options.isFirstOrder ? 0 : 1,
    },
    market: data.market,
    promotions: [...(options.withOthers ? data.otherPromotions : []), promotion],
    codes: isCoded
      ? [
          {
            code: PREVIEW_CODE,
            promotionId: promotion.id,
            usageLimit: null,
            timesUsed: 0,
          },
        ]
      : [],
    usage: data.usage,
    taxRegions: data.taxRegions,
    locations: data.stores.map((store) => ({ id: store.id, address: store.address })),
  };
  return priceCart(cart, context);
}
