"use client";

import { useState } from "react";
import { closeShiftAction, openShiftAction } from "@/app/(pos)/pos/actions";
import { formatMoney } from "@/components/ui/format";
import { parsePrice } from "@/lib/catalog/parse-price";
import type { ShiftReport } from "@/lib/pos/shift-report";
import { callAction } from "./call-action";

function readCash(text: string, currency: string): number | null {
  const parsed = parsePrice(text, currency, 100_000_000);
  return parsed.ok ? parsed.minor : null;
}

/** Opens the register's shift with the float counted into the drawer. */
export function OpenShiftForm({
  registerId,
  currency,
  onOpened,
}: {
  registerId: string;
  currency: string;
  onOpened: () => void;
}) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function open(event: React.FormEvent) {
    event.preventDefault();
    const minor = readCash(text, currency);
    if (minor === null)
      return setProblem("Enter the cash counted into the drawer, e.g. 100.00.");
    setIsBusy(true);
    try {
      await callAction(openShiftAction, { registerId, openingFloatMinor: minor });
      onOpened();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The shift did not open.");
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form onSubmit={open} className="flex-1 overflow-y-auto p-4">
      <h2 className="text-xl font-bold">Open the shift</h2>
      <p className="mt-1 text-white/70">
        Count the cash in the drawer before the first sale.
      </p>
      <label htmlFor="float" className="mt-4 block text-sm">
        Float counted
      </label>
      <input
        id="float"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="100.00"
        className="mt-1 min-h-12 w-full rounded-xl bg-white px-4 text-ink"
      />
      {problem && (
        <p role="alert" className="mt-2 text-red-300">
          {problem}
        </p>
      )}
      <button
        type="submit"
        disabled={isBusy}
        className="mt-4 min-h-12 w-full rounded-xl bg-brand-500 font-bold"
      >
        Open shift
      </button>
    </form>
  );
}

/** The X report while the shift is open, or the Z report after it closes. */
export function ShiftReportView({
  report,
  title,
}: {
  report: ShiftReport;
  title: string;
}) {
  const money = (minor: number) => formatMoney(minor, report.currency);
  const row = (label: string, value: string, testId?: string) => (
    <div className="flex justify-between gap-2 py-0.5">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section aria-label={title} className="rounded-2xl bg-white p-4 text-ink">
      <h3 className="font-bold">{title}</h3>
      <dl className="mt-2 text-sm">
        {row("Sales", `${report.orderCount} · ${money(report.salesMinor)}`)}
        {report.byTender.map((t) => row(`${t.label} (${t.count})`, money(t.amountMinor)))}
        <hr className="my-2 border-ink/20" />
        {row("Opening float", money(report.cash.openingFloatMinor))}
        {row("Cash sales", money(report.cash.salesMinor))}
        {report.cash.payInsMinor > 0 && row("Paid in", money(report.cash.payInsMinor))}
        {report.cash.payOutsMinor > 0 && row("Paid out", money(report.cash.payOutsMinor))}
        {row("Expected cash", money(report.cash.expectedMinor), "expected-cash")}
        {report.cash.countedMinor !== null &&
          row("Counted cash", money(report.cash.countedMinor), "counted-cash")}
        {report.cash.varianceMinor !== null &&
          row(
            report.cash.varianceMinor < 0
              ? "Short"
              : report.cash.varianceMinor > 0
                ? "Over"
                : "Variance",
            money(Math.abs(report.cash.varianceMinor)),
            "cash-variance",
          )}
      </dl>
    </section>
  );
}

/** The shift sheet: X report at any time, and closing with the counted drawer. */
export function ShiftSheet({
  shiftId,
  report,
  onClosed,
  onBack,
}: {
  shiftId: string;
  report: ShiftReport;
  onClosed: (z: ShiftReport) => void;
  onBack: () => void;
}) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function close(event: React.FormEvent) {
    event.preventDefault();
    const minor = readCash(text, report.currency);
    if (minor === null) return setProblem("Enter the cash counted in the drawer.");
    setIsBusy(true);
    try {
      onClosed(await callAction(closeShiftAction, { shiftId, countedCashMinor: minor }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The shift did not close.");
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="flex-1 space-y-4 overflow-y-auto p-4">
      <button type="button" onClick={onBack} className="min-h-11 text-white/80 underline">
        Back to the sale
      </button>
      <ShiftReportView report={report} title="X report" />
      <form onSubmit={close} className="rounded-2xl bg-white/10 p-4">
        <h3 className="font-semibold">Close the shift</h3>
        <label htmlFor="counted" className="mt-2 block text-sm">
          Cash counted in the drawer
        </label>
        <input
          id="counted"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="mt-1 min-h-12 w-full rounded-xl bg-white px-4 text-ink"
        />
        {problem && (
          <p role="alert" className="mt-2 text-red-300">
            {problem}
          </p>
        )}
        <button
          type="submit"
          disabled={isBusy}
          className="mt-3 min-h-12 w-full rounded-xl bg-red-700 font-bold"
        >
          Close shift
        </button>
      </form>
    </div>
  );
}
