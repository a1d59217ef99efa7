"use client";

import { useRouter } from "next/navigation";
import { requestTransferAction } from "@/app/(admin)/admin/inventory/actions";
import { FormMessage } from "../form-controls";
import { useAction } from "../use-action";

/** Turns a transfer suggestion into a requested transfer in one click. */
export function SuggestionButton({
  from,
  to,
  lines,
}: {
  from: string;
  to: string;
  lines: { sku: string; quantity: number }[];
}) {
  const router = useRouter();
  const request = useAction(requestTransferAction);

  async function onClick() {
    const result = await request.run({
      from,
      to,
      note: "From a replenishment suggestion",
      lines,
    });
    if (result.ok) router.push(`/admin/inventory/transfers/${result.data.id}`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={request.isPending}
        className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {request.isPending ? "Creating…" : "Create transfer"}
      </button>
      <FormMessage error={request.failure?.message ?? null} />
    </div>
  );
}
