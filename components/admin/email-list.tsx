import Link from "next/link";
import type { EmailList as EmailListData } from "@/lib/email/list-emails";
import { PAGE_SIZE } from "@/lib/email/list-emails";
import { DataTable } from "./data-table";
import { ResendEmailButton } from "./resend-email-button";

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "Europe/London",
});

const KIND_LABELS: Record<string, string> = {
  order_confirmation: "Order confirmation",
  pos_receipt: "Till receipt",
  back_in_stock: "Back in stock",
  account_confirmation: "Account link",
  pickup_ready: "Ready to collect",
  shipped: "Shipped",
};

const STATUS_STYLES: Record<string, string> = {
  PENDING: "bg-sky-100 text-sky-900",
  HELD: "bg-amber-100 text-amber-900",
  SENT: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
};

const STATUS_LABELS: Record<string, string> = {
  PENDING: "Queued",
  HELD: "Held",
  SENT: "Sent",
  FAILED: "Failed",
};

type Email = EmailListData["emails"][number];

/** The emails to shoppers with their attempts; each opens to its text. */
export function EmailList({ list }: { list: EmailListData }) {
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (list.status) params.set("status", list.status);
    params.set("page", String(page));
    return `/admin/emails?${params}`;
  };
  return (
    <>
      <DataTable<Email>
        rows={list.emails}
        rowKey={(email) => email.id}
        empty="No emails yet."
        columns={[
          { header: "Queued", cell: (e) => WHEN.format(e.createdAt) },
          { header: "To", cell: (e) => <span className="break-all">{e.toAddress}</span> },
          {
            header: "Email",
            cell: (e) => (
              <details>
                <summary className="cursor-pointer">
                  <span className="text-slate-500">{KIND_LABELS[e.kind] ?? e.kind}:</span>{" "}
                  {e.subject}
                </summary>
                <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                  {e.text}
                </pre>
              </details>
            ),
          },
          {
            header: "Status",
            cell: (e) => (
              <>
                <span
                  className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[e.status] ?? ""}`}
                >
                  {STATUS_LABELS[e.status] ?? e.status}
                </span>
                {e.status === "FAILED" && <ResendEmailButton emailId={e.id} />}
              </>
            ),
          },
          { header: "Attempts", cell: (e) => <Attempts email={e} /> },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {list.page > 1 && <Link href={pageHref(list.page - 1)}>Newer</Link>}
          <span>
            Page {list.page} of {pages}
          </span>
          {list.page < pages && <Link href={pageHref(list.page + 1)}>Older</Link>}
        </nav>
      )}
    </>
  );
}

function Attempts({ email }: { email: Email }) {
  const next =
    email.status === "PENDING" && email.attempts > 0
      ? `Next try ${WHEN.format(email.nextAttemptAt)}`
      : null;
  if (email.attemptLog.length === 0) {
    return (
      <span className="text-slate-500">
        {email.status === "HELD" ? "Waiting for SMTP" : "None yet"}
      </span>
    );
  }
  return (
    <div className="space-y-1">
      <ol className="space-y-1">
        {email.attemptLog.map((attempt) => (
          <li key={attempt.number}>
            <span className="font-medium">
              #{attempt.number} {attempt.outcome.toLowerCase()}
            </span>{" "}
            <span className="text-slate-500">{WHEN.format(attempt.finishedAt)}</span>
            <br />
            <span className="break-all text-xs text-slate-600">{attempt.detail}</span>
          </li>
        ))}
      </ol>
      {next && <p className="text-xs text-slate-500">{next}</p>}
    </div>
  );
}
