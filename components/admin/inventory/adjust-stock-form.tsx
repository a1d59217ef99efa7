"use client";

import type { FormEvent } from "react";
import { adjustStockAction } from "@/app/(admin)/admin/inventory/actions";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";
import { LocationOptions } from "./location-options";

export interface LocationOption {
  code: string;
  name: string;
}

/** Corrects one variant's stock at a location, with a reason. */
export function AdjustStockForm({
  sku,
  locations,
}: {
  sku: string;
  locations: LocationOption[];
}) {
  const adjust = useAction(adjustStockAction);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const quantity = Number(data.get("quantity"));
    const result = await adjust.run({
      location: String(data.get("location") ?? ""),
      reason: String(data.get("reason") ?? "") as "ADJUSTMENT" | "DAMAGE",
      note: String(data.get("note") ?? "") || undefined,
      lines: [{ sku, quantity: Number.isFinite(quantity) ? quantity : Number.NaN }],
    });
    if (result.ok) form.reset();
  }

  const done = adjust.done?.lines[0];
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="grid gap-3 md:grid-cols-2"
    >
      <Field label="Location" name="location" error={adjust.errorFor("location")}>
        {(p) => (
          <select {...p} className={INPUT_CLASS} defaultValue={locations[0]?.code}>
            <LocationOptions locations={locations} />
          </select>
        )}
      </Field>
      <Field label="Reason" name="reason" error={adjust.errorFor("reason")}>
        {(p) => (
          <select {...p} className={INPUT_CLASS} defaultValue="ADJUSTMENT">
            <option value="ADJUSTMENT">Adjustment (found, lost, miskeyed)</option>
            <option value="DAMAGE">Damaged (write off)</option>
          </select>
        )}
      </Field>
      <Field
        label="Quantity"
        name="quantity"
        hint="Positive adds units, negative removes them."
        error={adjust.errorFor("lines.0.quantity") ?? adjust.errorFor("lines.0.sku")}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            step={1}
            inputMode="numeric"
            className={INPUT_CLASS}
          />
        )}
      </Field>
      <Field label="Note" name="note" error={adjust.errorFor("note")}>
        {(p) => <input {...p} maxLength={500} className={INPUT_CLASS} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <SubmitButton isPending={adjust.isPending} pendingLabel="Adjusting…">
          Adjust stock
        </SubmitButton>
        <FormMessage
          error={adjust.failure && !adjust.failure.fields ? adjust.failure.message : null}
          success={
            done ? `Adjusted: ${done.onHandBefore} → ${done.onHand} on hand.` : null
          }
        />
      </div>
    </form>
  );
}
