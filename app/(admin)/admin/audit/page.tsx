import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { INPUT_CLASS } from "@/components/admin/form-controls";
import { auditFilterChoices, searchAudit } from "@/lib/audit/search-audit";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = [
  "q",
  "actorId",
  "locationId",
  "entityType",
  "action",
  "from",
  "to",
] as const;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "Europe/London",
});

export default async function AdminAuditPage({ searchParams }: Props) {
  const staff = await requireStaffPage("audit:read", "/admin/audit");
  const raw = await searchParams;
  const query = Object.fromEntries(
    [...FILTERS, "page"].map((key) => [key, first(raw[key])]),
  );

  const scope = visibleLocationIds(staff);
  const [choices, locations, result] = await Promise.all([
    auditFilterChoices(db, staff),
    db.location.findMany({
      where: scope ? { id: { in: scope } } : {},
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    searchAudit(db, staff, query).catch((error: unknown) => {
      if (isAppError(error) && error.code === "invalid_input") return error;
      throw error;
    }),
  ]);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));

  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    for (const key of FILTERS) if (query[key]) params.set(key, query[key] as string);
    params.set("page", String(page));
    return `/admin/audit?${params}`;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-sm text-slate-500">
        Every change by staff and API keys, newest first, with who, from where and what it
        was before and after. Entries cannot be edited or removed.
      </p>

      <form
        method="get"
        className="grid gap-3 rounded-xl bg-white p-4 shadow-sm md:grid-cols-4"
      >
        <label className="space-y-1 text-sm md:col-span-2">
          <span className="block font-medium">Search</span>
          <input
            name="q"
            defaultValue={query.q}
            placeholder="Name, action, record id or address"
            className={INPUT_CLASS}
          />
        </label>
        <FilterSelect
          label="Person"
          name="actorId"
          value={query.actorId}
          options={choices.actors.map((a) => [a.id, a.label])}
        />
        <FilterSelect
          label="Location"
          name="locationId"
          value={query.locationId}
          options={locations.map((l) => [l.id, l.name])}
        />
        <FilterSelect
          label="Kind of record"
          name="entityType"
          value={query.entityType}
          options={choices.entityTypes.map((t) => [t, t.replaceAll("_", " ")])}
        />
        <FilterSelect
          label="Action"
          name="action"
          value={query.action}
          options={choices.actions.map((a) => [a, a])}
        />
        <label className="space-y-1 text-sm">
          <span className="block font-medium">From</span>
          <input
            type="date"
            name="from"
            defaultValue={query.from}
            className={INPUT_CLASS}
          />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">To</span>
          <input type="date" name="to" defaultValue={query.to} className={INPUT_CLASS} />
        </label>
        <div className="flex items-end gap-2 md:col-span-4">
          <button
            type="submit"
            className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Filter
          </button>
          <Link
            href="/admin/audit"
            className="inline-flex min-h-11 items-center px-3 text-sm text-brand-700"
          >
            Clear
          </Link>
        </div>
      </form>

      {isAppError(result) ? (
        <p role="alert" className="text-sm text-red-700">
          {Object.values(result.fields ?? {})
            .flat()
            .join(" ") || result.publicMessage}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600" aria-live="polite">
            {result.total} {result.total === 1 ? "entry" : "entries"}
          </p>
          <DataTable
            rows={result.entries}
            rowKey={(e) => e.id}
            empty="No changes match."
            columns={[
              { header: "When", cell: (e) => WHEN.format(e.createdAt) },
              {
                header: "Who",
                cell: (e) => (
                  <>
                    {e.actorLabel}
                    {(e.ipAddress || e.userAgent) && (
                      <span
                        className="block text-xs text-slate-500"
                        title={e.userAgent ?? ""}
                      >
                        from {e.ipAddress ?? "unknown address"}
                      </span>
                    )}
                  </>
                ),
              },
              {
                header: "What",
                cell: (e) => <span className="font-mono text-xs">{e.action}</span>,
              },
              {
                header: "Record",
                cell: (e) => (
                  <span className="font-mono text-xs">
                    {e.entityType} {e.entityId.slice(0, 8)}
                  </span>
                ),
              },
              {
                header: "Where",
                cell: (e) =>
                  e.locationId ? (locationName.get(e.locationId) ?? "—") : "—",
              },
              {
                header: "Change",
                cell: (e) => (
                  <details>
                    <summary className="cursor-pointer text-brand-700">
                      Before / after
                    </summary>
                    <pre className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap text-xs">
                      {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                    </pre>
                  </details>
                ),
              },
            ]}
          />
          <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
            {result.page > 1 && (
              <Link
                href={pageHref(result.page - 1)}
                className="min-h-11 content-center text-brand-700"
              >
                ← Newer
              </Link>
            )}
            <span>
              Page {result.page} of {result.pageCount}
            </span>
            {result.page < result.pageCount && (
              <Link
                href={pageHref(result.page + 1)}
                className="min-h-11 content-center text-brand-700"
              >
                Older →
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: [string, string][];
}) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={INPUT_CLASS}>
        <option value="">Any</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
