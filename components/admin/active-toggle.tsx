"use client";

import type { ActionResult } from "@/lib/errors/http";
import { FormMessage } from "./form-controls";
import { useAction } from "./use-action";

/**
 * A deactivate / reactivate button that shows why the server refused, e.g.
 * a location that still holds stock.
 */
export function ActiveToggle({
  isActive,
  payload,
  action,
  what,
}: {
  isActive: boolean;
  /** The record's id fields; `isActive` is added to them. */
  payload: Record<string, string>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  what: string;
}) {
  const toggle = useAction(action);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={toggle.isPending}
        onClick={() => void toggle.run({ ...payload, isActive: !isActive })}
        className={`min-h-11 rounded-lg px-4 text-sm font-semibold disabled:opacity-60 ${
          isActive
            ? "border border-red-300 text-red-700 hover:bg-red-50"
            : "bg-brand-600 text-white hover:bg-brand-700"
        }`}
      >
        {isActive ? `Deactivate ${what}` : `Reactivate ${what}`}
      </button>
      <FormMessage error={toggle.failure?.message} />
    </div>
  );
}
