import type { ActionResult } from "@/lib/errors/http";

/** A refusal from a POS action, with its field errors, as a thrown error for queries. */
export class PosActionError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** Calls a server action and returns its data, or throws its refusal in plain words. */
export async function callAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  input: I,
): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await action(input);
  } catch {
    throw new PosActionError(
      "The till could not reach the server. Check the connection and try again.",
      "internal",
    );
  }
  if (!result.ok) {
    const detail = Object.values(result.fields ?? {})[0]?.[0];
    const message = result.code === "invalid_input" && detail ? detail : result.message;
    throw new PosActionError(message, result.code, result.fields);
  }
  return result.data;
}
