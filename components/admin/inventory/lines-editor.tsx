"use client";

import { INPUT_CLASS } from "../form-controls";

export interface LineDraft {
  key: number;
  sku: string;
  quantity: string;
}

let nextKey = 1;

/** A blank line, or one filled in. */
export function newLine(sku = "", quantity = ""): LineDraft {
  return { key: nextKey++, sku, quantity };
}

/** The SKU and quantity lines of a receipt or transfer, each with its refusal. */
export function LinesEditor({
  lines,
  onChange,
  errorFor,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const update = (key: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Lines</legend>
      {lines.map((line, i) => {
        const skuError = errorFor(`lines.${i}.sku`);
        const quantityError = errorFor(`lines.${i}.quantity`);
        return (
          <div key={line.key} className="flex flex-wrap items-start gap-2">
            <div className="min-w-40 flex-1">
              <input
                aria-label={`SKU of line ${i + 1}`}
                aria-invalid={!!skuError}
                value={line.sku}
                onChange={(e) => update(line.key, { sku: e.target.value })}
                placeholder="SKU"
                className={`${INPUT_CLASS} font-mono`}
              />
              {skuError && <p className="text-sm text-red-700">{skuError}</p>}
            </div>
            <div className="w-28">
              <input
                aria-label={`Quantity of line ${i + 1}`}
                aria-invalid={!!quantityError}
                value={line.quantity}
                onChange={(e) => update(line.key, { quantity: e.target.value })}
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                placeholder="Qty"
                className={INPUT_CLASS}
              />
              {quantityError && <p className="text-sm text-red-700">{quantityError}</p>}
            </div>
            <button
              type="button"
              onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
              disabled={lines.length === 1}
              className="min-h-11 rounded-lg px-3 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-40"
              aria-label={`Remove line ${i + 1}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      {errorFor("lines") && <p className="text-sm text-red-700">{errorFor("lines")}</p>}
      <button
        type="button"
        onClick={() => onChange([...lines, newLine()])}
        className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm hover:bg-slate-50"
      >
        Add line
      </button>
    </fieldset>
  );
}

/**
 * Lines as the schemas take them, quantities as numbers. Every row is sent,
 * blank ones too, so refusals keep the index of the row they are about.
 */
export function linesInput(lines: LineDraft[]) {
  return lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity.trim() === "" ? Number.NaN : Number(l.quantity),
  }));
}
