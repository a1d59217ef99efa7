import { type InputHTMLAttributes, type ReactNode, useId } from "react";

export const INPUT_CLASS =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm " +
  "aria-[invalid=true]:border-red-600";

/**
 * A labelled control with its refusal reason read out with it. For client
 * components only: it takes a render function and uses a hook.
 */
export function Field({
  label,
  name,
  error,
  hint,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children: (props: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  // Unique per control: two forms on a page may both have a "name" field.
  const id = `field-${useId()}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        name,
        "aria-invalid": !!error,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The common case of `Field`: one text-like input. Every other attribute
 * (type, autoComplete, inputMode, defaultValue…) passes to the input.
 */
export function TextField({
  label,
  name,
  error,
  hint,
  ...input
}: {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className">) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      {(p) => <input {...input} {...p} className={INPUT_CLASS} />}
    </Field>
  );
}

/** A form's closing row: its main button and the outcome beside it. */
export function FormFooter({
  isPending,
  label,
  error,
  success,
}: {
  isPending: boolean;
  label: string;
  error?: string | null | undefined;
  success?: string | null | undefined;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <SubmitButton isPending={isPending}>{label}</SubmitButton>
      <FormMessage error={error} success={success} />
    </div>
  );
}

/** The form's overall outcome, announced to screen readers. */
export function FormMessage({
  error,
  success,
}: {
  error?: string | null;
  success?: string | null;
}) {
  return (
    <p
      role={error ? "alert" : "status"}
      aria-live="polite"
      className={`min-h-5 text-sm ${error ? "text-red-700" : "text-brand-700"}`}
    >
      {error ?? success ?? ""}
    </p>
  );
}

/** The main button of a form. */
export function SubmitButton({
  isPending,
  children,
  pendingLabel = "Saving…",
}: {
  isPending: boolean;
  children: ReactNode;
  pendingLabel?: string;
}) {
  return (
    <button
      type="submit"
      disabled={isPending}
      className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
    >
      {isPending ? pendingLabel : children}
    </button>
  );
}

/** A titled white panel for a group of settings. */
export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-xl bg-white p-4 shadow-sm md:p-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
