"use client";

import { type FormEvent, useState } from "react";
import { receiveStockAction } from "@/app/(admin)/admin/inventory/actions";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";
import type { LocationOption } from "./adjust-stock-form";
import { LinesEditor, linesInput, newLine } from "./lines-editor";
import { LocationOptions } from "./location-options";

/** Receives a delivery into a location: the date it arrived, a reference and its lines. */
export function ReceiveStockForm({ locations }: { locations: LocationOption[] }) {
  const receive = useAction(receiveStockAction);
  const [lines, setLines] = useState(() => [newLine()]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const receivedAt = String(data.get("receivedAt") ?? "");
    const result = await receive.run({
      location: String(data.get("location") ?? ""),
      reference: String(data.get("reference") ?? "") || undefined,
      receivedAt: receivedAt ? new Date(receivedAt) : undefined,
      note: String(data.get("note") ?? "") || undefined,
      lines: linesInput(lines),
    });
    if (result.ok) {
      form.reset();
      setLines([newLine()]);
    }
  }

  const done = receive.done;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="Location" name="location" error={receive.errorFor("location")}>
          {(p) => (
            <select {...p} className={INPUT_CLASS} defaultValue={locations[0]?.code}>
              <LocationOptions locations={locations} />
            </select>
          )}
        </Field>
        <Field
          label="Received on"
          name="receivedAt"
          hint="Leave empty for now."
          error={receive.errorFor("receivedAt")}
        >
          {(p) => <input {...p} type="date" className={INPUT_CLASS} />}
        </Field>
        <Field
          label="Delivery reference"
          name="reference"
          error={receive.errorFor("reference")}
        >
          {(p) => (
            <input {...p} maxLength={80} placeholder="PO-1234" className={INPUT_CLASS} />
          )}
        </Field>
        <Field label="Note" name="note" error={receive.errorFor("note")}>
          {(p) => <input {...p} maxLength={500} className={INPUT_CLASS} />}
        </Field>
      </div>
      <LinesEditor lines={lines} onChange={setLines} errorFor={receive.errorFor} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton isPending={receive.isPending} pendingLabel="Receiving…">
          Receive stock
        </SubmitButton>
        <FormMessage
          error={receive.failure ? receive.failure.message : null}
          success={
            done
              ? `Received ${done.lines.reduce((n, l) => n + l.quantity, 0)} units ` +
                `into ${done.location}.`
              : null
          }
        />
      </div>
    </form>
  );
}
