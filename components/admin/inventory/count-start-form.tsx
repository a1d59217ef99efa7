"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { startCountAction } from "@/app/(admin)/admin/inventory/actions";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";
import type { LocationOption } from "./adjust-stock-form";
import { LocationOptions } from "./location-options";

/** Starts a cycle count of a location, or of the bins starting with a prefix. */
export function CountStartForm({ locations }: { locations: LocationOption[] }) {
  const router = useRouter();
  const start = useAction(startCountAction);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = await start.run({
      location: String(data.get("location") ?? ""),
      binPrefix: String(data.get("binPrefix") ?? ""),
      note: String(data.get("note") ?? "") || undefined,
    });
    if (result.ok) router.push(`/admin/inventory/counts/${result.data.id}`);
  }

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="grid gap-3 md:grid-cols-3"
    >
      <Field label="Location" name="location" error={start.errorFor("location")}>
        {(p) => (
          <select {...p} className={INPUT_CLASS} defaultValue={locations[0]?.code}>
            <LocationOptions locations={locations} />
          </select>
        )}
      </Field>
      <Field
        label="Zone (bin prefix)"
        name="binPrefix"
        hint="Empty counts the whole location."
        error={start.errorFor("binPrefix")}
      >
        {(p) => <input {...p} maxLength={40} placeholder="M-A" className={INPUT_CLASS} />}
      </Field>
      <Field label="Note" name="note" error={start.errorFor("note")}>
        {(p) => <input {...p} maxLength={500} className={INPUT_CLASS} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 md:col-span-3">
        <SubmitButton isPending={start.isPending} pendingLabel="Starting…">
          Start count
        </SubmitButton>
        <FormMessage
          error={start.failure && !start.failure.fields ? start.failure.message : null}
        />
      </div>
    </form>
  );
}
