"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { currentShiftAction, switchAssociateAction } from "@/app/(pos)/pos/actions";
import { formatMoney, plural } from "@/components/ui/format";
import type { CartView } from "@/lib/checkout/cart-view";
import type { ShiftReport } from "@/lib/pos/shift-report";
import { ticketLineKey } from "@/lib/pos-sync/local-ticket";
import { AdjustSheet } from "./adjust-sheet";
import { callAction } from "./call-action";
import { CustomerPanel, TicketCustomer } from "./customer-panel";
import { type CardMode, type Completed, PaymentPanel } from "./payment-panel";
import { PickupCounter } from "./pickup-counter";
import { ReceiptView } from "./receipt-view";
import { OpenShiftForm, ShiftReportView, ShiftSheet } from "./shift-panel";
import { useHardwareScanner } from "./use-hardware-scanner";
import { useLiveLookup } from "./use-live-lookup";
import { type ScanResult, useTicket } from "./use-ticket";

// The camera and its decoder load only when the associate opens them.
const CameraScanner = dynamic(
  () => import("./camera-scanner").then((m) => m.CameraScanner),
  {
    ssr: false,
  },
);

export interface LookupResult {
  id: string;
  sku: string;
  barcode: string | null;
  title: string;
  options: string;
  priceMinor: number;
  currency: string;
  here: number;
  elsewhere: { name: string; available: number }[];
}

async function lookup(q: string, locationId: string): Promise<LookupResult[]> {
  const params = new URLSearchParams({ q, locationId });
  const response = await fetch(`/api/pos/variants?${params}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.title ?? "The lookup failed.");
  return body.results;
}

type Screen = "sale" | "pay" | "shift" | "open-shift" | "pickups";

/** One register's till: the ticket, scanning and search, payment, receipt and shift. */
export function PosRegister({
  station,
  storeName,
  registerName,
  cardMode,
  staffName,
  onChangeStation,
}: {
  station: { storeId: string; registerId: string };
  storeName: string;
  registerName: string;
  cardMode: CardMode;
  staffName: string;
  onChangeStation: () => void;
}) {
  const queryClient = useQueryClient();
  const {
    ticket,
    shown,
    isLookingUp,
    hasLocalCatalogue,
    scan,
    add,
    setQuantity,
    remove,
    whenSettled,
    finish,
  } = useTicket(station);
  /**
   * Opens what works on the server's ticket (payment, price changes, the
   * customer) once the changes before it are answered, so it never acts on
   * a ticket the server has not caught up with; nothing is greyed out
   * meanwhile, the tap just waits for the answers.
   */
  const afterAnswers = (open: () => void) => void whenSettled().then(open);
  const [screen, setScreen] = useState<Screen>("sale");
  const [code, setCode] = useState("");
  const [search, setSearch] = useState("");
  const [notice, setNotice] = useState<{ text: string; code?: string } | null>(null);
  const [isCameraOn, setIsCameraOn] = useState(false);
  const [completed, setCompleted] = useState<Completed | null>(null);
  const [closedReport, setClosedReport] = useState<ShiftReport | null>(null);
  const [associate, setAssociate] = useState(staffName);
  // The line (or, with null, the whole sale) a manager is asked to adjust.
  const [adjusting, setAdjusting] = useState<{ lineId: string | null } | null>(null);
  const [isChoosingCustomer, setIsChoosingCustomer] = useState(false);

  const shift = useQuery({
    queryKey: ["pos-shift", station.registerId],
    queryFn: () => callAction(currentShiftAction, { registerId: station.registerId }),
  });
  const results = useQuery({
    queryKey: ["pos-lookup", search, station.storeId],
    queryFn: () => lookup(search, station.storeId),
    enabled: search.length > 0,
  });
  // Stock shown for the results follows this store's events.
  useLiveLookup({
    storeId: station.storeId,
    variantIds: results.data?.map((r) => r.id) ?? [],
    queryKey: ["pos-lookup"],
  });

  function onScan(scanned: string) {
    const value = scanned.trim();
    if (!value) return;
    setNotice(null);
    void scan(value).then((result: ScanResult) => {
      if (result.kind === "unknown") {
        setNotice({ text: `“${value}” is not in the catalogue.`, code: value });
      } else if (result.kind === "failed") {
        setNotice({ text: result.message });
      }
    });
  }
  /** Shows a refused change in words; the line goes back to what the server holds. */
  function onRefused(error: unknown) {
    setNotice({
      text:
        error instanceof Error ? error.message : "The till could not change the sale.",
    });
  }
  const isSelling = screen === "sale" && !completed;
  useHardwareScanner(onScan, isSelling);

  async function switchAssociate() {
    const pin = window.prompt("Colleague's PIN");
    if (!pin) return;
    try {
      const who = await callAction(switchAssociateAction, {
        locationId: station.storeId,
        pin,
      });
      setAssociate(who.name);
    } catch (error) {
      setNotice({
        text: error instanceof Error ? error.message : "That PIN is not right.",
      });
    }
  }

  const header = (
    <header className="flex items-center gap-2 border-b border-white/10 px-3 py-2 print:hidden">
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold">{storeName}</p>
        <p className="truncate text-sm text-white/60">
          {registerName} · {associate}
        </p>
      </div>
      {shift.data && (
        <button
          type="button"
          onClick={() => setScreen(screen === "shift" ? "sale" : "shift")}
          className="min-h-11 rounded-lg border border-white/30 px-3 text-sm"
        >
          Shift
        </button>
      )}
      <button
        type="button"
        onClick={() => setScreen(screen === "pickups" ? "sale" : "pickups")}
        className="min-h-11 rounded-lg border border-white/30 px-3 text-sm"
      >
        Pickups
      </button>
      <button
        type="button"
        onClick={() => void switchAssociate()}
        className="min-h-11 rounded-lg border border-white/30 px-3 text-sm"
      >
        Switch
      </button>
      <button
        type="button"
        onClick={onChangeStation}
        className="min-h-11 rounded-lg border border-white/30 px-3 text-sm"
      >
        Change
      </button>
    </header>
  );

  if (closedReport) {
    return (
      <>
        {header}
        <div className="flex-1 space-y-4 overflow-y-auto p-4">
          <ShiftReportView report={closedReport} title="Z report" />
          <button
            type="button"
            onClick={() => setClosedReport(null)}
            className="min-h-12 w-full rounded-xl bg-brand-500 font-bold"
          >
            Done
          </button>
        </div>
      </>
    );
  }
  if (screen === "open-shift" && !shift.data) {
    return (
      <>
        {header}
        <OpenShiftForm
          registerId={station.registerId}
          currency={ticket?.currency ?? "GBP"}
          onOpened={() => {
            setScreen("sale");
            void shift.refetch();
          }}
        />
      </>
    );
  }
  if (completed) {
    return (
      <>
        {header}
        <ReceiptView
          receipt={completed.receipt}
          changeDueMinor={completed.changeDueMinor}
          registerId={station.registerId}
          suggestedEmail={completed.suggestedEmail ?? null}
          onNewSale={() => {
            setCompleted(null);
            setScreen("sale");
          }}
        />
      </>
    );
  }
  if (screen === "shift" && shift.data) {
    return (
      <>
        {header}
        <ShiftSheet
          shiftId={shift.data.id}
          report={shift.data.report}
          onBack={() => setScreen("sale")}
          onClosed={(z) => {
            setClosedReport(z);
            setScreen("sale");
            void queryClient.invalidateQueries({ queryKey: ["pos-shift"] });
          }}
        />
      </>
    );
  }
  if (screen === "pay" && ticket) {
    return (
      <>
        {header}
        <PaymentPanel
          ticket={ticket}
          cardMode={cardMode}
          onCancel={() => setScreen("sale")}
          onPaid={(done) => {
            setCompleted({
              ...done,
              suggestedEmail: ticket.customerEmail ?? ticket.email,
            });
            finish();
            setScreen("sale");
            void queryClient.invalidateQueries({ queryKey: ["pos-shift"] });
          }}
        />
      </>
    );
  }

  if (screen === "pickups") {
    return (
      <>
        {header}
        <PickupCounter storeId={station.storeId} onBack={() => setScreen("sale")} />
      </>
    );
  }
  if (isChoosingCustomer && ticket) {
    return (
      <>
        {header}
        <CustomerPanel ticket={ticket} onClose={() => setIsChoosingCustomer(false)} />
      </>
    );
  }
  if (adjusting && ticket) {
    return (
      <>
        {header}
        <AdjustSheet
          ticket={ticket}
          lineId={adjusting.lineId}
          onClose={() => setAdjusting(null)}
        />
      </>
    );
  }

  const view = shown.view;
  const money = (minor: number) => formatMoney(minor, view?.currency ?? "GBP");
  const lines = view?.lines ?? [];
  const keys = lineKeys(lines);
  // Lines the server has not created yet cannot be changed until it has.
  const confirmedIds = new Set(ticket?.lines.map((line) => line.id) ?? []);
  const isConfirming = shown.isProvisional;
  return (
    <>
      {header}
      {shift.isSuccess && !shift.data && (
        <div className="flex items-center gap-2 bg-amber-300 px-3 py-2 text-ink">
          <p className="flex-1 text-sm">No shift is open on this register.</p>
          <button
            type="button"
            onClick={() => setScreen("open-shift")}
            className="min-h-11 rounded-lg bg-ink px-3 font-semibold text-white"
          >
            Open shift
          </button>
        </div>
      )}
      <form
        className="flex gap-2 px-3 pt-3"
        data-catalogue={hasLocalCatalogue ? "local" : "server"}
        onSubmit={(e) => {
          e.preventDefault();
          onScan(code);
          setCode("");
        }}
      >
        <label className="sr-only" htmlFor="pos-scan">
          Barcode or SKU
        </label>
        <input
          id="pos-scan"
          data-scan-target
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="Scan or type barcode / SKU"
          autoComplete="off"
          className="min-h-12 min-w-0 flex-1 rounded-xl bg-white px-3 text-ink placeholder:text-ink/50"
        />
        <button
          type="submit"
          className="min-h-12 rounded-xl bg-brand-500 px-3 font-semibold"
        >
          Add
        </button>
        <button
          type="button"
          onClick={() => setIsCameraOn(!isCameraOn)}
          aria-pressed={isCameraOn}
          className="min-h-12 rounded-xl bg-white/10 px-3 font-semibold"
        >
          Camera
        </button>
      </form>
      <form
        className="flex gap-2 px-3 pt-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setSearch(String(form.get("q") ?? "").trim());
        }}
      >
        <label className="sr-only" htmlFor="pos-lookup">
          Barcode, SKU or name
        </label>
        <input
          id="pos-lookup"
          name="q"
          key={search}
          defaultValue={search}
          placeholder="Search by name"
          inputMode="search"
          autoComplete="off"
          className="min-h-11 min-w-0 flex-1 rounded-xl bg-white/90 px-3 text-ink placeholder:text-ink/50"
        />
        <button type="submit" className="min-h-11 rounded-xl bg-white/10 px-3">
          Find
        </button>
      </form>

      <div className="min-h-0 flex-1 overflow-y-auto px-3 pb-3">
        {isCameraOn && (
          <div className="mt-3">
            <CameraScanner onScan={onScan} onClose={() => setIsCameraOn(false)} />
          </div>
        )}
        <div aria-live="polite">
          {isLookingUp && <p className="mt-2 text-sm text-white/70">Adding…</p>}
          {notice && (
            <div role="alert" className="mt-3 rounded-xl bg-amber-200 p-3 text-ink">
              <p>{notice.text}</p>
              {notice.code && (
                <button
                  type="button"
                  onClick={() => {
                    setSearch(notice.code ?? "");
                    setNotice(null);
                  }}
                  className="mt-2 min-h-11 rounded-lg bg-ink px-3 text-white"
                >
                  Search instead
                </button>
              )}
            </div>
          )}
        </div>

        {search && (
          <section aria-label="Search results" className="mt-3">
            <div className="flex items-center justify-between">
              <h2 className="text-sm text-white/70">Results for “{search}”</h2>
              <button
                type="button"
                onClick={() => setSearch("")}
                className="min-h-11 px-2 underline"
              >
                Close
              </button>
            </div>
            {results.isFetching && <p className="text-white/70">Looking up…</p>}
            {results.error && <p className="text-red-300">{results.error.message}</p>}
            {results.data?.length === 0 && (
              <p className="text-white/70">
                Nothing in the catalogue matches “{search}”.
              </p>
            )}
            <ul className="space-y-2">
              {results.data?.map((r) => (
                <li key={r.id} className="rounded-2xl bg-white p-3 text-ink">
                  <div className="flex items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold">{r.title}</p>
                      <p className="text-sm text-ink/60">
                        {r.options} · {r.sku}
                      </p>
                    </div>
                    <p className="font-bold">{formatMoney(r.priceMinor, r.currency)}</p>
                  </div>
                  <p
                    className={`mt-1 text-sm ${r.here > 0 ? "text-brand-700" : "text-red-700"}`}
                  >
                    {r.here > 0 ? `${r.here} in this store` : "None in this store"}
                  </p>
                  {r.elsewhere.length > 0 && (
                    <p className="text-sm text-ink/60">
                      Elsewhere:{" "}
                      {r.elsewhere.map((e) => `${e.name} ${e.available}`).join(", ")}
                    </p>
                  )}
                  <button
                    type="button"
                    onClick={() => void add(r.id).catch(onRefused)}
                    className="mt-2 min-h-11 w-full rounded-lg bg-brand-600 font-semibold text-white"
                  >
                    Add to sale
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-label="Ticket" className="mt-3">
          {lines.length === 0 && !search && (
            <p className="mt-8 text-center text-white/60">
              Scan an item to start a sale.
            </p>
          )}
          <ul className="space-y-2">
            {lines.map((line, index) => {
              const isWaiting = shown.provisionalLineIds.has(line.id);
              const isOnServer = confirmedIds.has(line.id);
              return (
                <li
                  key={keys[index]}
                  className="rounded-2xl bg-white p-3 text-ink"
                  data-testid="ticket-line"
                  data-provisional={isWaiting ? "true" : undefined}
                  aria-busy={isWaiting}
                >
                  <div className="flex justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-semibold">{line.title}</p>
                      <p className="text-sm text-ink/60">
                        {line.sku} · {money(line.unitPriceMinor)} each
                      </p>
                    </div>
                    <div className="text-right">
                      <p className={`font-bold ${isWaiting ? "text-ink/60" : ""}`}>
                        {money(line.totalMinor)}
                      </p>
                      {isWaiting && (
                        <p className="text-xs text-ink/50" data-testid="line-pending">
                          confirming
                        </p>
                      )}
                    </div>
                  </div>
                  {line.discountMinor > 0 && (
                    <p className="text-sm text-brand-700">
                      Saving {money(line.discountMinor)}
                    </p>
                  )}
                  <LineAdjustments line={line} money={money} />
                  <div className="mt-2 flex items-center gap-2">
                    <button
                      type="button"
                      aria-label={`One fewer ${line.title}`}
                      disabled={line.quantity <= 1 || !isOnServer}
                      onClick={() =>
                        void setQuantity({
                          lineId: line.id,
                          quantity: line.quantity - 1,
                        }).catch(onRefused)
                      }
                      className="size-11 rounded-lg bg-ink/10 text-xl disabled:opacity-40"
                    >
                      −
                    </button>
                    <output
                      className="w-8 text-center font-semibold"
                      aria-label="Quantity"
                    >
                      {line.quantity}
                    </output>
                    <button
                      type="button"
                      aria-label={`One more ${line.title}`}
                      disabled={!isOnServer}
                      onClick={() =>
                        void setQuantity({
                          lineId: line.id,
                          quantity: line.quantity + 1,
                        }).catch(onRefused)
                      }
                      className="size-11 rounded-lg bg-ink/10 text-xl disabled:opacity-40"
                    >
                      +
                    </button>
                    <button
                      type="button"
                      aria-label={`Change price of ${line.title}`}
                      disabled={!isOnServer}
                      onClick={() =>
                        afterAnswers(() => setAdjusting({ lineId: line.id }))
                      }
                      className="ml-auto min-h-11 rounded-lg bg-ink/10 px-3 disabled:opacity-40"
                    >
                      Price
                    </button>
                    <button
                      type="button"
                      disabled={!isOnServer}
                      onClick={() => void remove(line.id).catch(onRefused)}
                      className="min-h-11 rounded-lg px-3 text-red-700 underline disabled:opacity-40"
                    >
                      Remove
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          {view && lines.length > 0 && (
            <TicketCustomer
              ticket={ticket ?? view}
              whenSettled={whenSettled}
              onChoose={() => afterAnswers(() => setIsChoosingCustomer(true))}
            />
          )}
          {view && lines.length > 0 && (
            <div className="mt-3 flex items-center justify-between gap-2 text-sm">
              <span data-testid="sale-discount">
                {view.saleDiscountMinor > 0
                  ? `Sale discount -${money(view.saleDiscountMinor)}`
                  : ""}
              </span>
              <button
                type="button"
                onClick={() => afterAnswers(() => setAdjusting({ lineId: null }))}
                className="min-h-11 rounded-lg border border-white/30 px-3 disabled:opacity-40"
              >
                Discount sale
              </button>
            </div>
          )}
          {view && view.promotions.length > 0 && (
            <div className="mt-3 rounded-xl bg-white/10 p-3 text-sm">
              <p className="font-semibold">Promotions applied</p>
              <ul>
                {view.promotions.map((p) => (
                  <li key={`${p.name}-${p.code}`} className="flex justify-between gap-2">
                    <span>{p.code ? `${p.name} (${p.code})` : p.name}</span>
                    <span>-{money(p.amountMinor)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>

      <footer className="border-t border-white/10 p-3 print:hidden">
        <div className="flex items-baseline justify-between">
          <span className="text-white/70">
            {plural(
              lines.reduce((n, l) => n + l.quantity, 0),
              "item",
            )}
            {view &&
              view.totals.discountMinor > 0 &&
              ` · saved ${money(view.totals.discountMinor)}`}
          </span>
          <span
            className={`text-2xl font-bold ${isConfirming ? "text-white/70" : ""}`}
            data-testid="ticket-total"
            data-provisional={isConfirming ? "true" : undefined}
          >
            {money(view?.totals.totalMinor ?? 0)}
          </span>
        </div>
        {/* Paid only as the server priced it: the tap waits for its answers. */}
        <button
          type="button"
          disabled={lines.length === 0 || !shift.data}
          onClick={() => afterAnswers(() => setScreen("pay"))}
          className="mt-2 min-h-14 w-full rounded-xl bg-brand-500 text-lg font-bold disabled:opacity-50"
        >
          Pay {view && lines.length > 0 ? money(view.totals.totalMinor) : ""}
        </button>
      </footer>
    </>
  );
}

/** Keys that keep a line in place when the server's line replaces the drawn one. */
function lineKeys(lines: readonly CartView["lines"][number][]): string[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    const key = ticketLineKey(line);
    const unique = seen.has(key) ? `${key}:${line.id}` : key;
    seen.add(unique);
    return unique;
  });
}

/** A line's approved price override and manual discount, as the associate sees them. */
function LineAdjustments({
  line,
  money,
}: {
  line: CartView["lines"][number];
  money: (minor: number) => string;
}) {
  const isOverridden = line.listUnitPriceMinor !== line.unitPriceMinor;
  if (!isOverridden && line.manualDiscountMinor === 0) return null;
  return (
    <p className="text-sm text-amber-700" data-testid="line-adjustment">
      {isOverridden && `Price changed from ${money(line.listUnitPriceMinor)}. `}
      {line.manualDiscountMinor > 0 &&
        `Manual discount -${money(line.manualDiscountMinor)}`}
    </p>
  );
}
