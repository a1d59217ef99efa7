"use client";

import { useState } from "react";
import { applyImportAction } from "@/app/(admin)/admin/products/import/actions";
import { FormMessage } from "@/components/admin/form-controls";
import { useAction } from "@/components/admin/use-action";
import { plural } from "@/components/ui/format";
import type { ImportReport } from "@/lib/catalog/import/report";

interface DryRun {
  importId: string;
  report: ImportReport;
  encodingNote: string | null;
}

/** Upload → dry-run report (per row and column) → apply. */
export function ImportFlow() {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const apply = useAction(applyImportAction);

  async function check() {
    if (!file) return setUploadError("Choose a CSV file first.");
    setIsChecking(true);
    setUploadError(null);
    setDryRun(null);
    apply.reset();
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/admin/products/import/upload", {
        method: "POST",
        body,
      });
      const json = await response.json().catch(() => null);
      if (!response.ok) {
        setUploadError(
          json?.fields?.file?.[0] ?? json?.title ?? "The file could not be checked.",
        );
      } else setDryRun(json as DryRun);
    } catch {
      setUploadError("The file could not be sent. Check the connection and try again.");
    } finally {
      setIsChecking(false);
    }
  }

  const report = apply.done?.report ?? dryRun?.report;
  const result = apply.done?.result;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-4 shadow-sm">
        <label className="text-sm">
          <span className="mb-1 block font-medium">CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setDryRun(null);
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => void check()}
          disabled={isChecking || !file}
          className="min-h-11 rounded-lg bg-slate-800 px-4 text-sm font-semibold text-white disabled:opacity-50"
        >
          {isChecking ? "Checking…" : "Check file"}
        </button>
        <FormMessage error={uploadError} />
      </div>

      {dryRun?.encodingNote && (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {dryRun.encodingNote}
        </p>
      )}

      {report && (
        <section aria-label="Import report" className="space-y-3">
          <Summary report={report} isApplied={!!result} />
          {result && (
            <p
              role="status"
              className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800"
            >
              Applied: {result.productsCreated} products created, {result.productsUpdated}{" "}
              updated; {result.variantsCreated} variants created, {result.variantsUpdated}{" "}
              updated.
              {result.failed.length > 0 &&
                ` ${result.failed.length} products could not be written.`}
            </p>
          )}
          {!result && dryRun && report.validProductCount > 0 && (
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                disabled={apply.isPending}
                onClick={() => void apply.run({ importId: dryRun.importId })}
                className="min-h-11 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white disabled:opacity-50"
              >
                {apply.isPending
                  ? "Applying…"
                  : `Apply ${plural(report.validProductCount, "valid product")}`}
              </button>
              {report.invalidProductCount > 0 && (
                <p className="text-sm text-slate-600">
                  {report.invalidProductCount} product
                  {report.invalidProductCount === 1 ? "" : "s"} with errors will be
                  skipped.
                </p>
              )}
              <FormMessage error={apply.failure?.message} />
            </div>
          )}
          <IssuesTable report={report} />
          <ChangesTable report={report} />
        </section>
      )}
    </div>
  );
}

function Summary({ report, isApplied }: { report: ImportReport; isApplied: boolean }) {
  const { plan } = report;
  return (
    <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
      {[
        ["Rows", report.rowCount],
        ["Products", report.productCount],
        ["Rows with errors", report.errorRowCount],
        ["Warnings", report.warningCount],
        [isApplied ? "Products created" : "Products to create", plan.productsToCreate],
        [isApplied ? "Products updated" : "Products to update", plan.productsToUpdate],
        [isApplied ? "Variants created" : "Variants to create", plan.variantsToCreate],
        [isApplied ? "Variants updated" : "Variants to update", plan.variantsToUpdate],
      ].map(([label, value]) => (
        <div key={label} className="rounded-lg bg-white p-3 shadow-sm">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function IssuesTable({ report }: { report: ImportReport }) {
  if (report.issues.length === 0) {
    return (
      <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">
        No problems found.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">Problems</h2>
      {report.isTruncated && (
        <p className="text-sm text-amber-900">
          Only the first 5,000 are listed; fix these and check again.
        </p>
      )}
      <div className="max-h-[32rem] overflow-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-sm" aria-label="Problems">
          <thead className="sticky top-0 bg-white text-left text-slate-500">
            <tr>
              <th scope="col" className="p-2 font-medium">
                Row
              </th>
              <th scope="col" className="p-2 font-medium">
                Column
              </th>
              <th scope="col" className="p-2 font-medium">
                Problem
              </th>
              <th scope="col" className="p-2 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {report.issues.map((issue, index) => (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list
                key={index}
                className={`border-t border-slate-100 align-top ${issue.severity === "error" ? "" : "text-slate-600"}`}
              >
                <td className="p-2 tabular-nums">{issue.row}</td>
                <td className="p-2">
                  {issue.column ?? "—"}
                  {issue.columnLetter && (
                    <span className="text-slate-400"> ({issue.columnLetter})</span>
                  )}
                </td>
                <td className="p-2">
                  <span
                    className={`mr-2 rounded px-1.5 py-0.5 text-xs ${
                      issue.severity === "error"
                        ? "bg-red-50 text-red-800"
                        : "bg-amber-50 text-amber-900"
                    }`}
                  >
                    {issue.severity}
                  </span>
                  {issue.message}
                </td>
                <td className="max-w-64 break-words p-2 font-mono text-xs">
                  {issue.value ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ChangesTable({ report }: { report: ImportReport }) {
  if (report.changes.length === 0) return null;
  return (
    <details className="rounded-xl bg-white p-3 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium">
        {report.changes.length} values tidied automatically
      </summary>
      <table className="mt-2 w-full text-sm" aria-label="Tidied values">
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="p-2 font-medium">
              Row
            </th>
            <th scope="col" className="p-2 font-medium">
              Column
            </th>
            <th scope="col" className="p-2 font-medium">
              From
            </th>
            <th scope="col" className="p-2 font-medium">
              To
            </th>
            <th scope="col" className="p-2 font-medium">
              Why
            </th>
          </tr>
        </thead>
        <tbody>
          {report.changes.map((change, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: changes are a fixed list
            <tr key={index} className="border-t border-slate-100 align-top">
              <td className="p-2 tabular-nums">{change.row}</td>
              <td className="p-2">
                {change.column}{" "}
                <span className="text-slate-400">({change.columnLetter})</span>
              </td>
              <td className="p-2 font-mono text-xs whitespace-pre-wrap">
                {JSON.stringify(change.from)}
              </td>
              <td className="p-2 font-mono text-xs whitespace-pre-wrap">
                {JSON.stringify(change.to)}
              </td>
              <td className="p-2">{change.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
