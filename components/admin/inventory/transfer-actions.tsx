"use client";

import { type FormEvent, useState } from "react";
import {
  cancelTransferAction,
  receiveTransferAction,
  shipTransferAction,
} from "@/app/(admin)/admin/inventory/actions";
import { FormMessage, INPUT_CLASS, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";

interface Line {
  sku: string;
  quantityRequested: number;
  quantityShipped: number;
}

/**
 * Ship (with what actually went on the van) or receive (with what actually
 * arrived) a transfer, or cancel it before it ships.
 */
export function TransferActions({
  id,
  status,
  lines,
  canShip,
  canReceive,
}: {
  id: string;
  status: string;
  lines: Line[];
  canShip: boolean;
  canReceive: boolean;
}) {
  const ship = useAction(shipTransferAction);
  const receive = useAction(receiveTransferAction);
  const cancel = useAction(cancelTransferAction);
  const isShipping = status === "REQUESTED";
  const step = isShipping ? ship : receive;
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      lines.map((l) => [
        l.sku,
        String(isShipping ? l.quantityRequested : l.quantityShipped),
      ]),
    ),
  );
  const [notes, setNotes] = useState<Record<string, string>>({});

  if (!((isShipping && canShip) || (status === "SHIPPED" && canReceive))) {
    return isShipping && canReceive ? (
      <CancelButton onCancel={() => cancel.run({ id })} />
    ) : null;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const counted = lines.map((l) => ({
      sku: l.sku,
      quantity:
        (quantities[l.sku] ?? "").trim() === "" ? Number.NaN : Number(quantities[l.sku]),
    }));
    if (isShipping) await ship.run({ id, lines: counted });
    else
      await receive.run({
        id,
        lines: counted.map((c) => ({ ...c, note: notes[c.sku] || undefined })),
      });
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-3">
      <p className="text-sm text-slate-600">
        {isShipping
          ? "Enter what actually leaves; anything short stays at the source."
          : "Enter what actually arrived; differences are recorded as discrepancies."}
      </p>
      <ul className="space-y-2">
        {lines.map((line, i) => {
          const error = step.errorFor(`lines.${i}.quantity`);
          return (
            <li key={line.sku} className="flex flex-wrap items-center gap-2">
              <span className="w-40 font-mono text-sm">{line.sku}</span>
              <input
                aria-label={`${isShipping ? "Shipped" : "Received"} units of ${line.sku}`}
                aria-invalid={!!error}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={quantities[line.sku] ?? ""}
                onChange={(e) =>
                  setQuantities({ ...quantities, [line.sku]: e.target.value })
                }
                className={INPUT_CLASS.replace("w-full", "w-28")}
              />
              {!isShipping && (
                <input
                  aria-label={`Discrepancy note for ${line.sku}`}
                  placeholder="Note (if different)"
                  value={notes[line.sku] ?? ""}
                  onChange={(e) => setNotes({ ...notes, [line.sku]: e.target.value })}
                  className={INPUT_CLASS.replace("w-full", "min-w-48 flex-1")}
                />
              )}
              {error && <p className="w-full text-sm text-red-700">{error}</p>}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton
          isPending={step.isPending}
          pendingLabel={isShipping ? "Shipping…" : "Receiving…"}
        >
          {isShipping ? "Ship transfer" : "Receive transfer"}
        </SubmitButton>
        {isShipping && <CancelButton onCancel={() => cancel.run({ id })} />}
        <FormMessage
          error={
            (step.failure &&
              (step.failure.fields?.lines?.join(" ") ?? step.failure.message)) ||
            (cancel.failure ? cancel.failure.message : null)
          }
        />
      </div>
    </form>
  );
}

function CancelButton({ onCancel }: { onCancel: () => Promise<unknown> }) {
  return (
    <button
      type="button"
      onClick={() => void onCancel()}
      className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm hover:bg-slate-50"
    >
      Cancel transfer
    </button>
  );
}
