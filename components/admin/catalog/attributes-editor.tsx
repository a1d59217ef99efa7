"use client";

import { INPUT_CLASS } from "@/components/admin/form-controls";
import type { AttributeRow } from "./product-form-model";

/** Typed key-values such as material and care. */
export function AttributesEditor({
  rows,
  onChange,
  errorFor,
}: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const update = (index: number, patch: Partial<AttributeRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <div className="space-y-3">
      {rows.length === 0 && (
        <p className="text-sm text-slate-500">
          No attributes yet (material, care, fit…).
        </p>
      )}
      {rows.map((row, index) => {
        const keyError = errorFor(`attributes.${index}.key`);
        const valueError = errorFor(`attributes.${index}.value`);
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
            key={index}
            className="grid gap-2 sm:grid-cols-[10rem_7rem_minmax(0,1fr)_auto]"
          >
            <div>
              <input
                aria-label={`Attribute ${index + 1} name`}
                aria-invalid={!!keyError}
                placeholder="material"
                className={INPUT_CLASS}
                value={row.key}
                maxLength={40}
                onChange={(e) => update(index, { key: e.target.value })}
              />
              {keyError && <p className="text-sm text-red-700">{keyError}</p>}
            </div>
            <select
              aria-label={`Attribute ${index + 1} type`}
              className={INPUT_CLASS}
              value={row.type}
              onChange={(e) =>
                update(index, {
                  type: e.target.value as AttributeRow["type"],
                  value: e.target.value === "boolean" ? "true" : row.value,
                })
              }
            >
              <option value="text">Text</option>
              <option value="number">Number</option>
              <option value="boolean">Yes/no</option>
            </select>
            <div>
              {row.type === "boolean" ? (
                <select
                  aria-label={`Attribute ${index + 1} value`}
                  className={INPUT_CLASS}
                  value={row.value}
                  onChange={(e) => update(index, { value: e.target.value })}
                >
                  <option value="true">Yes</option>
                  <option value="false">No</option>
                </select>
              ) : (
                <input
                  aria-label={`Attribute ${index + 1} value`}
                  aria-invalid={!!valueError}
                  inputMode={row.type === "number" ? "decimal" : undefined}
                  className={INPUT_CLASS}
                  value={row.value}
                  maxLength={500}
                  onChange={(e) => update(index, { value: e.target.value })}
                />
              )}
              {valueError && <p className="text-sm text-red-700">{valueError}</p>}
            </div>
            <button
              type="button"
              className="min-h-11 rounded-lg px-3 text-sm text-red-700 hover:bg-red-50"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
        onClick={() => onChange([...rows, { key: "", type: "text", value: "" }])}
      >
        Add attribute
      </button>
    </div>
  );
}
