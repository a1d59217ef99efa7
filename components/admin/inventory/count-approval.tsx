"use client";

import { type FormEvent, useState } from "react";
import {
  approveCountAction,
  cancelCountAction,
} from "@/app/(admin)/admin/inventory/actions";
import { FormMessage, SubmitButton } from "../form-controls";
import { useAction } from "../use-action";

/** Approves a reviewed count (writing its corrections), or abandons it. */
export function CountApproval({ id, uncounted }: { id: string; uncounted: number }) {
  const approve = useAction(approveCountAction);
  const cancel = useAction(cancelCountAction);
  const [zeroUncounted, setZeroUncounted] = useState(true);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await approve.run({ id, zeroUncounted });
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-3">
      {uncounted > 0 && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={zeroUncounted}
            onChange={(e) => setZeroUncounted(e.target.checked)}
            className="mt-0.5 size-4"
          />
          <span>
            Nobody found the {uncounted} item{uncounted === 1 ? "" : "s"} marked “not
            counted”: set {uncounted === 1 ? "it" : "them"} to zero.
          </span>
        </label>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton isPending={approve.isPending} pendingLabel="Approving…">
          Approve count
        </SubmitButton>
        <button
          type="button"
          onClick={() => void cancel.run({ id })}
          className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm hover:bg-slate-50"
        >
          Cancel count
        </button>
        <FormMessage
          error={approve.failure?.message ?? cancel.failure?.message ?? null}
        />
      </div>
    </form>
  );
}
