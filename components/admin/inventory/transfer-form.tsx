"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { requestTransferAction } from "@/app/(admin)/admin/inventory/actions";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";
import type { LocationOption } from "./adjust-stock-form";
import { LinesEditor, linesInput, newLine } from "./lines-editor";
import { LocationOptions } from "./location-options";

/** Requests stock to move from one location to another. */
export function TransferForm({ locations }: { locations: LocationOption[] }) {
  const router = useRouter();
  const request = useAction(requestTransferAction);
  const [lines, setLines] = useState(() => [newLine()]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = await request.run({
      from: String(data.get("from") ?? ""),
      to: String(data.get("to") ?? ""),
      note: String(data.get("note") ?? "") || undefined,
      lines: linesInput(lines),
    });
    if (result.ok) router.push(`/admin/inventory/transfers/${result.data.id}`);
  }

  const select = (name: "from" | "to", label: string, initial?: string) => (
    <Field label={label} name={name} error={request.errorFor(name)}>
      {(p) => (
        <select {...p} className={INPUT_CLASS} defaultValue={initial}>
          <LocationOptions locations={locations} />
        </select>
      )}
    </Field>
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <div className="grid gap-3 md:grid-cols-3">
        {select("from", "From", locations[0]?.code)}
        {select("to", "To", locations[1]?.code)}
        <Field label="Note" name="note" error={request.errorFor("note")}>
          {(p) => <input {...p} maxLength={500} className={INPUT_CLASS} />}
        </Field>
      </div>
      <LinesEditor lines={lines} onChange={setLines} errorFor={request.errorFor} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton isPending={request.isPending} pendingLabel="Requesting…">
          Request transfer
        </SubmitButton>
        <FormMessage error={request.failure ? request.failure.message : null} />
      </div>
    </form>
  );
}
