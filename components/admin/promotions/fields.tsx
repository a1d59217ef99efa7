"use client";

import { useEffect, useState } from "react";
import { formatMoney } from "@/components/ui/format";
import { Field, INPUT_CLASS } from "../form-controls";
import { amountText, parseAmount } from "./amount";

/** An amount of money typed in major units and kept in minor units. */
export function MoneyField({
  label,
  name,
  value,
  currency,
  onChange,
  error,
  hint,
  isRequired = false,
}: {
  label: string;
  name: string;
  value: number | null;
  currency: string;
  onChange: (minor: number | null) => void;
  error?: string;
  hint?: string;
  isRequired?: boolean;
}) {
  const [text, setText] = useState(amountText(value, currency));
  const [problem, setProblem] = useState<string | null>(null);

  // Follow outside changes (a reset, a type switch) without fighting typing.
  useEffect(() => {
    setText((current) =>
      parseAmount(current, currency) === value ? current : amountText(value, currency),
    );
  }, [value, currency]);

  return (
    <Field
      label={`${label} (${currency})`}
      name={name}
      error={problem ?? error}
      hint={
        hint ?? `e.g. ${amountText(1250, currency)} for ${formatMoney(1250, currency)}`
      }
    >
      {(props) => (
        <input
          {...props}
          inputMode="decimal"
          required={isRequired}
          value={text}
          className={INPUT_CLASS}
          onChange={(event) => {
            setText(event.target.value);
            const minor = parseAmount(event.target.value, currency);
            if (Number.isNaN(minor)) {
              setProblem("Enter an amount such as 12.50.");
              return;
            }
            setProblem(null);
            onChange(minor);
          }}
        />
      )}
    </Field>
  );
}

/** A whole number; blank is null. */
export function IntegerField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  min,
}: {
  label: string;
  name: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  hint?: string;
  min?: number;
}) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="numeric"
          step={1}
          min={min}
          value={value ?? ""}
          className={INPUT_CLASS}
          onChange={(event) => {
            const text = event.target.value;
            onChange(text === "" ? null : Math.trunc(Number(text)));
          }}
        />
      )}
    </Field>
  );
}

/** A percentage with up to four decimals. */
export function PercentField({
  label,
  name,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  name: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <Field label={`${label} (%)`} name={name} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          max={100}
          value={Number.isFinite(value) ? value : ""}
          className={INPUT_CLASS}
          onChange={(event) => onChange(Number(event.target.value))}
        />
      )}
    </Field>
  );
}

/** A group of checkboxes over a list of options, e.g. channels or stores. */
export function CheckboxList({
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
  isScrollable = false,
}: {
  legend: string;
  options: readonly { id: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string;
  hint?: string;
  isScrollable?: boolean;
}) {
  const toggle = (id: string, isOn: boolean) =>
    onChange(isOn ? [...selected, id] : selected.filter((value) => value !== id));
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <div
        className={`grid gap-x-4 sm:grid-cols-2 ${
          isScrollable
            ? "max-h-48 overflow-y-auto rounded-lg border border-slate-200 p-2"
            : ""
        }`}
      >
        {options.map((option) => (
          <label key={option.id} className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={selected.includes(option.id)}
              onChange={(event) => toggle(option.id, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}

/** Local date and time for a datetime-local input, from an ISO instant. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An ISO instant from a datetime-local value read in the browser's zone; null when blank. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
