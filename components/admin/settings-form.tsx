"use client";

import { type FormEvent, useState } from "react";
import { updateSettingsAction } from "@/app/(admin)/admin/settings/actions";
import type { BusinessSettings, Market } from "@/lib/settings/schemas";
import { Field, FormMessage, INPUT_CLASS, Panel, SubmitButton } from "./form-controls";
import { useAction } from "./use-action";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

type MarketRow = Market & { key: number };

/** The business's name, markets and currencies, receipt texts and return policy. */
export function SettingsForm({ initial }: { initial: BusinessSettings }) {
  const save = useAction(updateSettingsAction);
  const [markets, setMarkets] = useState<MarketRow[]>(() =>
    initial.markets.map((market, key) => ({ ...market, key })),
  );
  const [nextKey, setNextKey] = useState(initial.markets.length);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await save.run({
      businessName: text(form, "businessName"),
      baseCurrency: text(form, "baseCurrency"),
      markets: markets.map((market) => ({
        code: text(form, `markets.${market.key}.code`),
        name: text(form, `markets.${market.key}.name`),
        currency: text(form, `markets.${market.key}.currency`),
        countries: text(form, `markets.${market.key}.countries`)
          .split(/[\s,]+/)
          .filter(Boolean),
        isTaxInclusive: form.get(`markets.${market.key}.isTaxInclusive`) === "on",
      })),
      receiptHeader: text(form, "receiptHeader"),
      receiptFooter: text(form, "receiptFooter"),
      returnPolicy: text(form, "returnPolicy"),
      offlineTenders: form.getAll("offlineTenders").map(String),
    });
  }

  function addMarket() {
    setMarkets((rows) => [
      ...rows,
      {
        key: nextKey,
        code: "",
        name: "",
        currency: "",
        countries: [],
        isTaxInclusive: true,
      },
    ]);
    setNextKey((key) => key + 1);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-6">
      <Panel title="Business">
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Business name"
            name="businessName"
            error={save.errorFor("businessName")}
            hint="Shown in the shop's header and footer, the back-office and on receipts."
          >
            {(p) => (
              <input {...p} defaultValue={initial.businessName} className={INPUT_CLASS} />
            )}
          </Field>
          <Field
            label="Base currency"
            name="baseCurrency"
            error={save.errorFor("baseCurrency")}
            hint="The currency reports are in; one of the markets' currencies."
          >
            {(p) => (
              <input
                {...p}
                defaultValue={initial.baseCurrency}
                maxLength={3}
                className={`${INPUT_CLASS} uppercase`}
              />
            )}
          </Field>
        </div>
      </Panel>

      <Panel title="Markets">
        <p className="text-sm text-slate-600">
          Where the business sells, in which currency, and whether shelf prices include
          tax.
        </p>
        {save.errorFor("markets") && (
          <p className="text-sm text-red-700">{save.errorFor("markets")}</p>
        )}
        <ul className="space-y-4">
          {markets.map((market, index) => {
            const at = (field: string) => save.errorFor(`markets.${index}.${field}`);
            const name = (field: string) => `markets.${market.key}.${field}`;
            return (
              <li key={market.key} className="rounded-lg border border-slate-200 p-4">
                <div className="grid gap-4 md:grid-cols-4">
                  <Field label="Code" name={name("code")} error={at("code")}>
                    {(p) => (
                      <input
                        {...p}
                        defaultValue={market.code}
                        className={`${INPUT_CLASS} uppercase`}
                      />
                    )}
                  </Field>
                  <Field label="Name" name={name("name")} error={at("name")}>
                    {(p) => (
                      <input {...p} defaultValue={market.name} className={INPUT_CLASS} />
                    )}
                  </Field>
                  <Field label="Currency" name={name("currency")} error={at("currency")}>
                    {(p) => (
                      <input
                        {...p}
                        defaultValue={market.currency}
                        maxLength={3}
                        className={`${INPUT_CLASS} uppercase`}
                      />
                    )}
                  </Field>
                  <Field
                    label="Countries"
                    name={name("countries")}
                    error={at("countries")}
                    hint="Two-letter codes, e.g. GB IE"
                  >
                    {(p) => (
                      <input
                        {...p}
                        defaultValue={market.countries.join(" ")}
                        className={`${INPUT_CLASS} uppercase`}
                      />
                    )}
                  </Field>
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-4">
                  <label className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={name("isTaxInclusive")}
                      defaultChecked={market.isTaxInclusive}
                      className="size-5"
                    />
                    Prices include tax
                  </label>
                  {markets.length > 1 && (
                    <button
                      type="button"
                      onClick={() =>
                        setMarkets((rows) => rows.filter((r) => r.key !== market.key))
                      }
                      className="ml-auto min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
                    >
                      Remove market<span className="sr-only"> {market.name}</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          onClick={addMarket}
          className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm"
        >
          Add market
        </button>
      </Panel>

      <Panel title="Receipts and returns">
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Receipt header"
            name="receiptHeader"
            error={save.errorFor("receiptHeader")}
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                defaultValue={initial.receiptHeader}
                className={`${INPUT_CLASS} py-2`}
              />
            )}
          </Field>
          <Field
            label="Receipt footer"
            name="receiptFooter"
            error={save.errorFor("receiptFooter")}
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                defaultValue={initial.receiptFooter}
                className={`${INPUT_CLASS} py-2`}
              />
            )}
          </Field>
        </div>
        <Field
          label="Return policy"
          name="returnPolicy"
          error={save.errorFor("returnPolicy")}
          hint="Plain text, shown to shoppers and on receipts."
        >
          {(p) => (
            <textarea
              {...p}
              rows={6}
              defaultValue={initial.returnPolicy}
              className={`${INPUT_CLASS} py-2`}
            />
          )}
        </Field>
      </Panel>

      <Panel title="Selling offline">
        <fieldset className="space-y-2 text-sm">
          <legend className="mb-1 text-slate-600">
            Cash is always taken when a till is offline; cards never are (they need the
            network). These are settled when the till syncs, and a balance that no longer
            covers the sale is reported to the store manager.
          </legend>
          {(
            [
              ["gift_card", "Gift cards"],
              ["store_credit", "Store credit"],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="offlineTenders"
                value={kind}
                defaultChecked={initial.offlineTenders.includes(kind)}
                className="size-5"
              />
              {label} while offline
            </label>
          ))}
          {save.errorFor("offlineTenders") && (
            <p role="alert" className="text-red-700">
              {save.errorFor("offlineTenders")}
            </p>
          )}
        </fieldset>
      </Panel>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton isPending={save.isPending}>Save settings</SubmitButton>
        <FormMessage
          error={save.failure?.message}
          success={save.done ? "Settings saved." : null}
        />
      </div>
    </form>
  );
}
