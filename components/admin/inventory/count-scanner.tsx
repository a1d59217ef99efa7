"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { scanCountAction } from "@/app/(admin)/admin/inventory/actions";
import { FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";

interface Scanned {
  sku: string;
  counted: number;
}

/**
 * Blind counting: scan a barcode (a handheld scanner types it and presses
 * Enter) or type a SKU, optionally with a quantity. Shows what has been
 * counted, never what the system expects.
 */
export function CountScanner({ id, initial }: { id: string; initial: Scanned[] }) {
  const scan = useAction(scanCountAction);
  const [counted, setCounted] = useState<Scanned[]>(initial);
  const [last, setLast] = useState<Scanned | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  // A handheld scanner types into whatever has focus: be ready for it.
  useEffect(() => codeRef.current?.focus(), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const quantity = String(data.get("quantity") ?? "").trim();
    const isSet = data.get("mode") === "set";
    const result = await scan.run({
      id,
      code: String(data.get("code") ?? ""),
      quantity: quantity === "" ? 1 : Number(quantity),
      mode: isSet ? "set" : "add",
    });
    if (result.ok) {
      const line = { sku: result.data.sku, counted: result.data.counted };
      setLast(line);
      setCounted((all) => [line, ...all.filter((c) => c.sku !== line.sku)]);
      form.reset();
    }
    codeRef.current?.focus();
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        className="flex flex-wrap items-end gap-2"
      >
        <div className="w-full sm:w-auto sm:min-w-64 sm:flex-1">
          <label htmlFor="count-code" className="block text-sm font-medium">
            Barcode or SKU
          </label>
          <input
            ref={codeRef}
            id="count-code"
            name="code"
            autoComplete="off"
            aria-invalid={!!scan.errorFor("code")}
            className={`${INPUT_CLASS} font-mono`}
          />
        </div>
        <div className="w-24">
          <label htmlFor="count-quantity" className="block text-sm font-medium">
            Units
          </label>
          <input
            id="count-quantity"
            name="quantity"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            placeholder="1"
            className={INPUT_CLASS}
          />
        </div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="mode" value="set" className="size-4" />
          Replace count
        </label>
        <SubmitButton isPending={scan.isPending} pendingLabel="Counting…">
          Count
        </SubmitButton>
      </form>
      <FormMessage
        error={
          scan.failure
            ? (scan.errorFor("code") ?? scan.errorFor("quantity") ?? scan.failure.message)
            : null
        }
        success={last ? `${last.sku}: ${last.counted} counted` : null}
      />
      {counted.length > 0 && (
        <table className="w-full max-w-md text-sm">
          <caption className="text-left text-sm font-medium text-slate-600">
            Counted so far ({counted.length} item{counted.length === 1 ? "" : "s"})
          </caption>
          <tbody>
            {counted.map((c) => (
              <tr key={c.sku} className="border-t border-slate-100">
                <td className="py-1 font-mono">{c.sku}</td>
                <td className="py-1 text-right tabular-nums">{c.counted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
