import type { z } from "zod";
import { AppError, type FieldErrors } from "./app-error";

/** Turns zod issues into field errors keyed by dotted path. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

/**
 * Parses input with a schema, or throws an `invalid_input` AppError that
 * names every refused field and its reason.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const fields = fieldErrorsFrom(result.error);
  const summary = Object.entries(fields)
    .map(([field, reasons]) => `${field}: ${reasons.join("; ")}`)
    .join(", ");
  throw new AppError("invalid_input", "Some fields need attention.", {
    internal: `invalid input (${summary})`,
    fields,
  });
}
