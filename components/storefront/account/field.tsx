import type { InputHTMLAttributes } from "react";

/** A labelled text input with its error below, tied together for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  ...input
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3 aria-[invalid]:border-red-600"
        {...input}
      />
      {(error || hint) && (
        <p
          id={`${id}-note`}
          className={`mt-1 text-sm ${error ? "text-red-700" : "text-ink/70"}`}
        >
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
