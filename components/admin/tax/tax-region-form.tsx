"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import {
  createTaxRegionAction,
  updateTaxRegionAction,
} from "@/app/(admin)/admin/tax/actions";
import { Field, FormMessage, INPUT_CLASS, Panel, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";

/** A tax region as the form holds it: text while typing. */
export interface TaxRegionFormValues {
  id: string | null;
  name: string;
  country: string;
  region: string;
  postalCodePrefixes: string;
  isActive: boolean;
  standard: string;
  reduced: string;
}

// Blank stays null so the server says the rate is missing instead of reading 0 %.
const rateOf = (text: string) =>
  text.trim() === "" ? null : Number(text.replace(",", "."));

/** Creates or edits a tax region and its rates per category. */
export function TaxRegionForm({ initial }: { initial: TaxRegionFormValues }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const create = useAction(createTaxRegionAction);
  const update = useAction(updateTaxRegionAction);
  const action = values.id ? update : create;
  const set = (patch: Partial<TaxRegionFormValues>) =>
    setValues((v) => ({ ...v, ...patch }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      name: values.name,
      country: values.country,
      region: values.region,
      postalCodePrefixes: values.postalCodePrefixes
        .split(/[,\n]/)
        .map((p) => p.trim())
        .filter(Boolean),
      isActive: values.isActive,
      rates: { STANDARD: rateOf(values.standard), REDUCED: rateOf(values.reduced) },
    };
    if (values.id) {
      await update.run({ ...input, id: values.id });
    } else {
      const result = await create.run(input);
      if (result.ok) router.push("/admin/tax");
    }
  }

  const text = (
    label: string,
    name: keyof TaxRegionFormValues & string,
    error: string | undefined,
    hint?: string,
  ) => (
    <Field label={label} name={name} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          value={String(values[name] ?? "")}
          className={INPUT_CLASS}
          onChange={(event) => set({ [name]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <Panel title="Place">
        {text(
          "Name",
          "name",
          action.errorFor("name"),
          "e.g. United Kingdom, New York City",
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          {text("Country", "country", action.errorFor("country"), "Two letters, e.g. GB")}
          {text(
            "State or province",
            "region",
            action.errorFor("region"),
            "Blank: whole country",
          )}
        </div>
        {text(
          "Postcode prefixes",
          "postalCodePrefixes",
          action.errorFor("postalCodePrefixes"),
          "Separated by commas, e.g. 100, 101. Blank: every postcode.",
        )}
        <label className="flex min-h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={values.isActive}
            onChange={(event) => set({ isActive: event.target.checked })}
          />
          Used for pricing
        </label>
      </Panel>
      <Panel title="Rates">
        <div className="grid gap-4 sm:grid-cols-2">
          {text("Standard rate (%)", "standard", action.errorFor("rates.STANDARD"))}
          {text("Reduced rate (%)", "reduced", action.errorFor("rates.REDUCED"))}
        </div>
        <p className="text-sm text-slate-600">
          Zero-rated and exempt goods always pay 0 %. A product's tax category is set on
          the product.
        </p>
      </Panel>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton isPending={action.isPending}>
          {values.id ? "Save region" : "Add region"}
        </SubmitButton>
        <FormMessage
          error={action.failure?.message}
          success={action.done ? "Saved." : null}
        />
      </div>
    </form>
  );
}
