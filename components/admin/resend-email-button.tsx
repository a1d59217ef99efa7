"use client";

import { resendEmailAction } from "@/app/(admin)/admin/emails/actions";
import { useAction } from "./use-action";

/** Puts a failed email back in the queue for one more try. */
export function ResendEmailButton({ emailId }: { emailId: string }) {
  const resend = useAction(resendEmailAction);
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={resend.isPending}
        onClick={() => void resend.run({ emailId })}
        className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
      >
        Send again
      </button>
      {resend.failure && (
        <span role="alert" className="text-sm text-red-700">
          {resend.failure.message}
        </span>
      )}
    </span>
  );
}
