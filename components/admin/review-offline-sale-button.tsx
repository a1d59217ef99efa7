"use client";

import { reviewOfflineSaleAction } from "@/app/(admin)/admin/offline-sales/actions";
import { useAction } from "./use-action";

/** Marks an offline sale's differences (or rejection) as dealt with. */
export function ReviewOfflineSaleButton({ saleId }: { saleId: string }) {
  const review = useAction(reviewOfflineSaleAction);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={review.isPending}
        onClick={() => void review.run({ saleId })}
        className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
      >
        Mark reviewed
      </button>
      {review.failure && (
        <span role="alert" className="text-sm text-red-700">
          {review.failure.message}
        </span>
      )}
    </span>
  );
}
