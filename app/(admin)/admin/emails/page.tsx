import type { Metadata } from "next";
import Link from "next/link";
import { EmailList } from "@/components/admin/email-list";
import { db } from "@/lib/db/client";
import { listEmails } from "@/lib/email/list-emails";
import { describeSmtpServer, mailConfigFromEnv } from "@/lib/email/mail-config";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Emails" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminEmailsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("settings:manage", "/admin/emails");
  const raw = await searchParams;
  const list = await listEmails(db, staff, {
    status: typeof raw.status === "string" ? raw.status : undefined,
    page: typeof raw.page === "string" ? raw.page : undefined,
  });
  const config = mailConfigFromEnv();

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Emails</h1>
      <p className="text-sm text-slate-500">
        Order confirmations, till receipts, back-in-stock notices and account links sent
        to shoppers, newest first, with every attempt to hand them to the mail server. A
        failed attempt is retried after 1, 5 and 15 minutes, then 1, 3, 6 and 12 hours.
      </p>
      {config.problem ? (
        <p role="alert" className="rounded-xl bg-red-50 p-4 text-sm text-red-900">
          Email sending is off: {config.problem} Emails are kept here until it is fixed.
        </p>
      ) : config.smtpUrl ? (
        <p className="rounded-xl bg-white p-4 text-sm shadow-sm">
          Sending through <strong>{describeSmtpServer(config.smtpUrl)}</strong> as{" "}
          <strong>{config.from}</strong>.
        </p>
      ) : (
        <p role="status" className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900">
          Email sending is not configured on this server: set <code>SMTP_URL</code> (and{" "}
          <code>EMAIL_FROM</code>) where the app or the worker runs. Until then emails are
          held here ({list.byStatus.HELD} now) and go out once a sender with SMTP starts.
        </p>
      )}
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        <FilterLink href="/admin/emails" isCurrent={list.status === null}>
          All
        </FilterLink>
        {(["PENDING", "HELD", "SENT", "FAILED"] as const).map((status) => (
          <FilterLink
            key={status}
            href={`/admin/emails?status=${status}`}
            isCurrent={list.status === status}
          >
            {STATUS_LABELS[status]} ({list.byStatus[status]})
          </FilterLink>
        ))}
      </nav>
      <EmailList list={list} />
    </div>
  );
}

const STATUS_LABELS = {
  PENDING: "Queued",
  HELD: "Held",
  SENT: "Sent",
  FAILED: "Failed",
} as const;

function FilterLink({
  href,
  isCurrent,
  children,
}: {
  href: string;
  isCurrent: boolean;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`min-h-11 rounded-lg px-3 py-2 ${
        isCurrent ? "bg-brand-900 text-white" : "bg-white text-brand-900 shadow-sm"
      }`}
    >
      {children}
    </Link>
  );
}
