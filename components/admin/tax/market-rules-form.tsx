"use client";

import { type FormEvent, useState } from "react";
import { saveMarketPricingAction } from "@/app/(admin)/admin/tax/actions";
import type { MarketPricingInput } from "@/lib/tax/schemas";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";

type Rules = Required<Omit<MarketPricingInput, "marketCode">>;

export interface MarketRules extends Rules {
  code: string;
  name: string;
  currency: string;
  pricesIncludeTax: boolean;
  hasOwnRules: boolean;
}

/** How one market rounds tax and discounts, and taxes delivery. */
export function MarketRulesForm({ market }: { market: MarketRules }) {
  const [rules, setRules] = useState<Rules>({
    taxRounding: market.taxRounding,
    roundingMode: market.roundingMode,
    shippingTaxMode: market.shippingTaxMode,
    shippingTaxCategory: market.shippingTaxCategory,
  });
  const save = useAction(saveMarketPricingAction);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await save.run({ marketCode: market.code, ...rules });
  }

  const select = <K extends keyof Rules>(
    label: string,
    key: K,
    options: [Rules[K], string][],
  ) => (
    <Field label={label} name={`${market.code}-${key}`} error={save.errorFor(key)}>
      {(props) => (
        <select
          {...props}
          value={rules[key]}
          className={INPUT_CLASS}
          onChange={(event) => setRules((r) => ({ ...r, [key]: event.target.value }))}
        >
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-xl bg-white p-4 shadow-sm md:p-6"
      aria-label={`Market ${market.name}`}
    >
      <div>
        <h3 className="font-semibold">
          {market.name} · {market.currency}
        </h3>
        <p className="text-sm text-slate-600">
          Prices{" "}
          {market.pricesIncludeTax ? "include tax (VAT)" : "exclude tax (sales tax)"}.
          {market.hasOwnRules ? "" : " Using the default rules."}
        </p>
      </div>
      {select("Tax is rounded", "taxRounding", [
        ["LINE", "On each line"],
        ["INVOICE", "Once per rate on the invoice"],
      ])}
      {select("Rounding of halves", "roundingMode", [
        ["HALF_UP", "Half up (as tax authorities do)"],
        ["HALF_EVEN", "Half to even (banker's rounding)"],
      ])}
      {select("Delivery is taxed", "shippingTaxMode", [
        ["CATEGORY", "At the destination's rate for a category"],
        ["PROPORTIONAL", "Like the goods it delivers"],
        ["NONE", "Not at all"],
      ])}
      {rules.shippingTaxMode === "CATEGORY" &&
        select("Delivery's tax category", "shippingTaxCategory", [
          ["STANDARD", "Standard"],
          ["REDUCED", "Reduced"],
          ["ZERO", "Zero"],
          ["EXEMPT", "Exempt"],
        ])}
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton isPending={save.isPending}>Save rules</SubmitButton>
        <FormMessage
          error={save.failure?.message}
          success={save.done ? "Saved." : null}
        />
      </div>
    </form>
  );
}
