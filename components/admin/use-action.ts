"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/errors/http";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Runs a server action from a form: tracks pending, keeps the refusal
 * (message and field errors) to show beside the fields, and refreshes the
 * page's server data after a success (unless `refresh: false`).
 */
export function useAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  options: { refresh?: boolean } = {},
) {
  const router = useRouter();
  const [isPending, setIsPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<T | null>(null);

  async function run(input: I): Promise<ActionResult<T>> {
    setIsPending(true);
    setFailure(null);
    setDone(null);
    try {
      const result = await action(input);
      if (result.ok) {
        setDone(result.data);
        // A form that navigates away on success says so; a refresh racing
        // that navigation could remount the next page mid-typing.
        if (options.refresh !== false) router.refresh();
      } else {
        setFailure(result);
      }
      return result;
    } catch {
      const result: Failure = {
        ok: false,
        code: "internal",
        message: "The change could not be sent. Check the connection and try again.",
      };
      setFailure(result);
      return result;
    } finally {
      setIsPending(false);
    }
  }

  /** The reasons a field (dotted path) was refused, if any. */
  function errorFor(field: string): string | undefined {
    return failure?.fields?.[field]?.join(" ");
  }

  return { run, isPending, failure, done, errorFor, reset: () => setFailure(null) };
}
