import { formatMoney } from "@/components/ui/format";
import type { OfflineReport } from "@/lib/pos-sync/offline-report";
import { ReviewOfflineSaleButton } from "./review-offline-sale-button";

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});

const DIFFERENCE_LABELS: Record<string, string> = {
  UNIT_PRICE: "Unit price",
  DISCOUNT: "Discount",
  TAX: "Tax",
  LINE_TOTAL: "Line total",
  UNPRICED_LINE: "Not for sale any more",
  SALE_TOTAL: "Sale total",
};

/**
 * The offline sales report, for the back-office and for store managers at
 * the till: per register, the sales to review, and the recounts to do.
 */
export function OfflineSalesReport({
  report,
  canReview,
}: {
  report: OfflineReport;
  /** May mark sales reviewed (orders:manage). */
  canReview: boolean;
}) {
  return (
    <div className="space-y-6 text-slate-900">
      <section aria-labelledby="offline-registers" className="space-y-2">
        <h2 id="offline-registers" className="text-lg font-semibold">
          Sales made offline, per register
        </h2>
        {report.registers.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-slate-500 shadow-sm">
            No till has synced sales made offline since {WHEN.format(report.since)}.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-sm">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="p-3 font-medium">Register</th>
                  <th className="p-3 font-medium">Sales</th>
                  <th className="p-3 font-medium">Accepted</th>
                  <th className="p-3 font-medium">Priced differently</th>
                  <th className="p-3 font-medium">Rejected</th>
                  <th className="p-3 text-right font-medium">Taken</th>
                  <th className="p-3 font-medium">Offline between</th>
                  <th className="p-3 font-medium">Last synced</th>
                </tr>
              </thead>
              <tbody>
                {report.registers.map((r) => (
                  <tr
                    key={`${r.locationName}-${r.registerId}`}
                    className="border-t border-slate-100"
                    data-testid="offline-register-row"
                  >
                    <td className="p-3">
                      {r.registerName}
                      <span className="block text-xs text-slate-500">
                        {r.locationName}
                      </span>
                    </td>
                    <td className="p-3">{r.sales}</td>
                    <td className="p-3">{r.accepted}</td>
                    <td className="p-3">{r.withDifferences}</td>
                    <td className="p-3">{r.rejected}</td>
                    <td className="p-3 text-right">
                      {formatMoney(r.deviceTotalMinor, r.currency)}
                    </td>
                    <td className="p-3">
                      {WHEN.format(r.firstSaleAt)} – {WHEN.format(r.lastSaleAt)}
                    </td>
                    <td className="p-3">{WHEN.format(r.lastReceivedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="offline-review" className="space-y-2">
        <h2 id="offline-review" className="text-lg font-semibold">
          Differences found at resync
        </h2>
        {report.toReview.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-slate-500 shadow-sm">
            Nothing to review: every offline sale was priced the same by the server, or a
            manager has looked at it.
          </p>
        ) : (
          <ul className="space-y-2">
            {report.toReview.map((sale) => (
              <li
                key={sale.id}
                className="rounded-xl bg-white p-4 shadow-sm"
                data-testid="offline-sale-to-review"
              >
                <p className="font-medium">
                  {sale.status === "REJECTED" ? "Rejected" : "Priced differently"} ·{" "}
                  {sale.orderNumber ?? `sale ${sale.id.slice(0, 8)}`} ·{" "}
                  {formatMoney(sale.deviceTotalMinor, sale.currency)} taken
                  {sale.serverTotalMinor !== null &&
                    sale.serverTotalMinor !== sale.deviceTotalMinor &&
                    ` (server: ${formatMoney(sale.serverTotalMinor, sale.currency)})`}
                </p>
                <p className="text-sm text-slate-600">
                  {sale.staffName ?? "Unknown associate"} at {sale.registerName},{" "}
                  {sale.locationName} · sold {WHEN.format(sale.occurredAt)} · synced{" "}
                  {WHEN.format(sale.receivedAt)}
                </p>
                {sale.reason && (
                  <p className="mt-1 text-sm text-red-700">{sale.reason}</p>
                )}
                {canReview && (
                  <div className="mt-2">
                    <ReviewOfflineSaleButton saleId={sale.id} />
                  </div>
                )}
                {sale.differences.length > 0 && (
                  <table className="mt-2 w-full text-sm">
                    <thead className="text-left text-slate-500">
                      <tr>
                        <th className="py-1 font-medium">Line</th>
                        <th className="py-1 font-medium">What</th>
                        <th className="py-1 text-right font-medium">Till</th>
                        <th className="py-1 text-right font-medium">Server</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sale.differences.map((d) => (
                        <tr
                          key={`${d.lineIndex}-${d.kind}`}
                          className="border-t border-slate-100"
                        >
                          <td className="py-1">
                            {d.lineIndex === null
                              ? "Sale"
                              : `${d.lineIndex + 1}. ${d.sku ?? ""}`}
                          </td>
                          <td className="py-1">{DIFFERENCE_LABELS[d.kind] ?? d.kind}</td>
                          <td className="py-1 text-right">
                            {formatMoney(d.deviceMinor, sale.currency)}
                          </td>
                          <td className="py-1 text-right">
                            {formatMoney(d.serverMinor, sale.currency)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="offline-recounts" className="space-y-2">
        <h2 id="offline-recounts" className="text-lg font-semibold">
          Stock exceptions to recount
        </h2>
        {report.exceptions.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-slate-500 shadow-sm">
            No stock exception is waiting for a recount.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-sm">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="p-3 font-medium">Item</th>
                  <th className="p-3 font-medium">Store</th>
                  <th className="p-3 font-medium">On hand now</th>
                  <th className="p-3 font-medium">Raised</th>
                  <th className="p-3 font-medium">By the sale</th>
                </tr>
              </thead>
              <tbody>
                {report.exceptions.map((e) => (
                  <tr
                    key={e.id}
                    className="border-t border-slate-100"
                    data-testid="stock-exception-row"
                  >
                    <td className="p-3">
                      {e.title}
                      <span className="block font-mono text-xs text-slate-500">
                        {e.sku}
                      </span>
                    </td>
                    <td className="p-3">{e.locationName}</td>
                    <td className="p-3">
                      {e.onHand}
                      {e.kind === "RESERVATION_SHORTFALL" && (
                        <span className="block text-xs text-slate-500">
                          short of online reservations
                        </span>
                      )}
                    </td>
                    <td className="p-3">{WHEN.format(e.raisedAt)}</td>
                    <td className="p-3">
                      {e.orderNumber ?? "—"}
                      {e.isOfflineSale && (
                        <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">
                          offline
                        </span>
                      )}
                      {e.staffName && (
                        <span className="block text-xs text-slate-500">
                          {e.staffName}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
