"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatMoney } from "@/components/ui/format";
import { parsePrice } from "@/lib/catalog/parse-price";
import type { CartView } from "@/lib/checkout/cart-view";
import type { PosCustomer, PosVariant } from "@/lib/pos-sync/bundle";
import { indexCodes, showTicket, type TicketChange } from "@/lib/pos-sync/local-ticket";
import {
  indexVariants,
  offlineSaleFrom,
  priceOfflineCart,
  type TillLine,
} from "@/lib/pos-sync/price-offline";
import type { OfflineTender, OfflineTenderKind } from "@/lib/pos-sync/sale";
import { useHardwareScanner } from "../use-hardware-scanner";
import { waitingChangesKey } from "../use-ticket";
import type { QueuedSale } from "./offline-db";
import { createPinChecker } from "./offline-pin";
import { useOfflineTill } from "./offline-till";

const NOTES = [500, 1000, 2000, 5000];
const checkPin = createPinChecker();
const TENDER_LABELS: Record<OfflineTenderKind, string> = {
  cash: "Cash",
  gift_card: "Gift card",
  store_credit: "Store credit",
};

/**
 * The till while the network is down: the catalogue, promotions and tax
 * from this device's copy, priced by the same engine as the server, paid
 * with the tenders that work offline. Each sale is written to the
 * device's queue before its receipt shows.
 */
export function OfflineRegister({
  station,
  storeName,
  registerName,
  staff,
  onSaleOpenChange,
}: {
  station: { storeId: string; registerId: string };
  storeName: string;
  registerName: string;
  staff: { id: string; name: string };
  /** Told whether a sale is under way here (lines, payment or its receipt). */
  onSaleOpenChange?: (isOpen: boolean) => void;
}) {
  const till = useOfflineTill();
  const { bundle } = till;
  const [lines, setLines] = useState<TillLine[]>([]);
  const [codes, setCodes] = useState<string[]>([]);
  const [codeText, setCodeText] = useState("");
  const [search, setSearch] = useState("");
  const [customer, setCustomer] = useState<PosCustomer | null>(null);
  const [customerSearch, setCustomerSearch] = useState("");
  const [screen, setScreen] = useState<"sale" | "pay">("sale");
  const [handedText, setHandedText] = useState("");
  const [giftCode, setGiftCode] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [done, setDone] = useState<QueuedSale | null>(null);
  // Who rings the sales up: the signed-in member, or a colleague switched to by PIN.
  const [associate, setAssociate] = useState(staff);
  const [isPinOpen, setIsPinOpen] = useState(false);
  const [pin, setPin] = useState("");
  const [isCheckingPin, setIsCheckingPin] = useState(false);

  const variants = useMemo(() => (bundle ? indexVariants(bundle) : new Map()), [bundle]);

  const isSaleOpen = lines.length > 0 || screen === "pay" || done !== null;
  useEffect(() => {
    onSaleOpenChange?.(isSaleOpen);
  }, [isSaleOpen, onSaleOpenChange]);

  // A ticket open on the online till when the network went moves here, and
  // leaves the online till, so its items cannot be rung up twice; with it,
  // the items scanned there that the server had not confirmed yet.
  const queryClient = useQueryClient();
  const isTicketTaken = useRef(false);
  useEffect(() => {
    if (!bundle || isTicketTaken.current) return;
    isTicketTaken.current = true;
    const key = onlineTicketKey(station.registerId);
    const cartId = localStorage.getItem(key);
    const view = cartId
      ? (queryClient.getQueryData<CartView | null>(["pos-ticket", cartId]) ?? null)
      : null;
    const waiting =
      queryClient.getQueryData<TicketChange[]>(waitingChangesKey(station.registerId)) ??
      [];
    if (!cartId && waiting.length === 0) return;
    const shown = showTicket(indexCodes(bundle), view, waiting, new Date()).view;
    const open = shown?.lines.filter((line) => line.fulfillment === "CARRY_OUT") ?? [];
    const carried = open.filter((line) => variants.has(line.variantId));
    localStorage.removeItem(key);
    queryClient.removeQueries({ queryKey: ["pos-ticket"] });
    queryClient.removeQueries({ queryKey: waitingChangesKey(station.registerId) });
    if (open.length === 0) return;
    setLines(
      carried.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
    );
    setNotice(
      carried.length === open.length
        ? "The open ticket moved to the offline till."
        : `The open ticket moved to the offline till, without ${open.length - carried.length} item(s) this till's catalogue does not have.`,
    );
  }, [bundle, variants, queryClient, station.registerId]);
  // Priced afresh on every change, at that moment: promotions keep their hours.
  const quote = useMemo(() => {
    if (!bundle || lines.length === 0) return null;
    const at = new Date();
    return {
      at,
      result: priceOfflineCart(bundle, { lines, codes, customer, at, variants }),
    };
  }, [bundle, lines, codes, customer, variants]);
  const priced = quote?.result ?? null;

  const currency = bundle?.pricing.market.currency ?? "GBP";
  const money = (minor: number) => formatMoney(minor, currency);

  function add(variant: PosVariant) {
    setNotice(null);
    setLines((current) => {
      const at = current.findIndex((line) => line.variantId === variant.id);
      if (at === -1) return [...current, { variantId: variant.id, quantity: 1 }];
      return current.map((line, i) =>
        i === at ? { ...line, quantity: line.quantity + 1 } : line,
      );
    });
  }

  function findByCode(code: string): PosVariant | undefined {
    const value = code.trim().toUpperCase();
    if (!bundle || !value) return undefined;
    return bundle.variants.find(
      (v) => v.barcode === value || v.sku.toUpperCase() === value,
    );
  }

  function onScan(code: string) {
    const variant = findByCode(code);
    if (variant) add(variant);
    else setNotice(`“${code.trim()}” is not in this till's catalogue.`);
  }
  useHardwareScanner(onScan, screen === "sale" && !done);

  const matches = useMemo(() => {
    const words = search.trim().toLowerCase();
    if (!bundle || words.length < 2) return [];
    return bundle.variants
      .filter((v) =>
        `${v.title} ${v.options} ${v.sku} ${v.barcode ?? ""}`
          .toLowerCase()
          .includes(words),
      )
      .slice(0, 20);
  }, [bundle, search]);

  const customerMatches = useMemo(() => {
    const words = customerSearch.trim().toLowerCase();
    if (!bundle || words.length < 2) return [];
    return bundle.customers
      .filter((c) =>
        `${c.name} ${c.email ?? ""} ${c.phone ?? ""}`.toLowerCase().includes(words),
      )
      .slice(0, 8);
  }, [bundle, customerSearch]);

  if (!bundle) {
    return (
      <div className="flex-1 p-4" data-testid="offline-register">
        <p className="rounded-xl bg-white/10 p-4">
          This till has no copy of the catalogue yet: open it once with the network so it
          can sell offline.
        </p>
      </div>
    );
  }

  const total = priced?.totals.total ?? 0;
  const handed = handedText.trim() === "" ? total : readMoney(handedText, currency);
  const change = handed === null ? null : handed - total;

  async function complete(tender: OfflineTender | null) {
    if (!quote || !bundle) return;
    setIsSaving(true);
    setNotice(null);
    try {
      const { at, result: pricing } = quote;
      const saleId = crypto.randomUUID();
      const queued = await till.queue((sequence, deviceId) =>
        offlineSaleFrom({
          id: saleId,
          deviceId,
          sequence,
          registerId: station.registerId,
          staffId: associate.id,
          at,
          customerId: customer?.id ?? null,
          codes,
          variants,
          pricing,
          tenders: tender ? [tender] : [],
        }),
      );
      setDone(queued);
      setLines([]);
      setCodes([]);
      setCustomer(null);
      setHandedText("");
      setGiftCode("");
      setScreen("sale");
    } catch (error) {
      setNotice(
        error instanceof Error
          ? `The sale was not saved: ${error.message}`
          : "The sale was not saved.",
      );
    } finally {
      setIsSaving(false);
    }
  }

  async function switchByPin() {
    if (!bundle || !pin.trim()) return;
    setIsCheckingPin(true);
    const found = await checkPin(bundle.staff, pin.trim());
    setIsCheckingPin(false);
    setPin("");
    if (found.kind === "found") {
      setAssociate({ id: found.member.id, name: found.member.name });
      setIsPinOpen(false);
      setNotice(null);
    } else {
      setNotice(
        found.kind === "locked"
          ? `Too many wrong PINs: try again in ${found.seconds} s.`
          : "That PIN is not right.",
      );
    }
  }

  const header = (
    <header className="border-b border-white/10 px-3 py-2 print:hidden">
      <div className="flex items-center gap-2">
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold">{storeName}</p>
          <p className="truncate text-sm text-white/60" data-testid="offline-associate">
            {registerName} · {associate.name}
          </p>
        </div>
        <button
          type="button"
          onClick={() => setIsPinOpen(!isPinOpen)}
          className="min-h-11 rounded-lg border border-white/30 px-3 text-sm"
        >
          Switch
        </button>
      </div>
      {till.isOnline && (
        <p className="mt-1 text-xs text-sky-200">
          The network is back: finish this sale here; the next one starts on the online
          till.
        </p>
      )}
      {isPinOpen && (
        <form
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void switchByPin();
          }}
        >
          <input
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-label="Colleague's PIN"
            placeholder="Colleague's PIN"
            className="min-h-11 flex-1 rounded-lg px-3 text-black"
          />
          <button
            type="submit"
            disabled={isCheckingPin}
            className="min-h-11 rounded-lg bg-white px-3 font-semibold text-brand-900"
          >
            {isCheckingPin ? "Checking…" : "Switch"}
          </button>
        </form>
      )}
    </header>
  );

  if (done) {
    return (
      <>
        {header}
        <OfflineReceipt
          queued={done}
          storeName={storeName}
          currency={currency}
          onNewSale={() => setDone(null)}
        />
      </>
    );
  }

  if (screen === "pay" && priced) {
    const enabled = new Set(bundle.offlineTenders);
    return (
      <>
        {header}
        <div
          className="flex-1 space-y-4 overflow-y-auto p-4"
          data-testid="offline-payment"
        >
          <p className="text-center text-3xl font-bold" data-testid="offline-total">
            {money(total)}
          </p>
          <section className="space-y-2 rounded-2xl bg-white/10 p-4">
            <h2 className="font-semibold">Cash</h2>
            <label className="block text-sm">
              Cash handed over
              <input
                value={handedText}
                onChange={(e) => setHandedText(e.target.value)}
                inputMode="decimal"
                placeholder={money(total)}
                className="mt-1 block min-h-12 w-full rounded-lg px-3 text-lg text-black"
              />
            </label>
            <div className="flex flex-wrap gap-2">
              {NOTES.filter((note) => note >= total).map((note) => (
                <button
                  key={note}
                  type="button"
                  onClick={() => setHandedText(String(note / 100))}
                  className="min-h-11 rounded-lg bg-white/20 px-3"
                >
                  {money(note)}
                </button>
              ))}
            </div>
            {change !== null && change >= 0 && (
              <p className="text-lg" data-testid="offline-change">
                Change due: <strong>{money(change)}</strong>
              </p>
            )}
            {(handed === null || (change !== null && change < 0)) && (
              <p role="alert" className="text-amber-300">
                At least {money(total)} must be handed over.
              </p>
            )}
            <button
              type="button"
              disabled={isSaving || handed === null || (change ?? -1) < 0}
              onClick={() =>
                void complete(
                  total === 0
                    ? null
                    : {
                        kind: "cash",
                        amountMinor: total,
                        tenderedMinor: handed ?? total,
                      },
                )
              }
              className="min-h-12 w-full rounded-xl bg-brand-500 font-bold disabled:opacity-50"
            >
              Take cash and finish
            </button>
          </section>
          {(["gift_card", "store_credit"] as const).map((kind) =>
            enabled.has(kind) ? (
              <section key={kind} className="space-y-2 rounded-2xl bg-white/10 p-4">
                <h2 className="font-semibold">{TENDER_LABELS[kind]}</h2>
                {kind === "gift_card" && (
                  <input
                    value={giftCode}
                    onChange={(e) => setGiftCode(e.target.value)}
                    placeholder="Gift card code"
                    aria-label="Gift card code"
                    className="block min-h-12 w-full rounded-lg px-3 text-black"
                  />
                )}
                {kind === "store_credit" && !customer && (
                  <p className="text-sm text-white/70">Attach the customer first.</p>
                )}
                <p className="text-xs text-white/60">
                  Settled when the till is back online; a balance that no longer covers
                  the sale is reported to the manager.
                </p>
                <button
                  type="button"
                  disabled={
                    isSaving ||
                    total === 0 ||
                    (kind === "gift_card" && giftCode.trim().length < 8) ||
                    (kind === "store_credit" && !customer)
                  }
                  onClick={() =>
                    void complete(
                      kind === "gift_card"
                        ? { kind, amountMinor: total, code: giftCode.trim() }
                        : { kind, amountMinor: total },
                    )
                  }
                  className="min-h-12 w-full rounded-xl bg-white/20 font-semibold disabled:opacity-50"
                >
                  Pay {money(total)} by {TENDER_LABELS[kind].toLowerCase()}
                </button>
              </section>
            ) : null,
          )}
          <section className="rounded-2xl bg-white/5 p-4 text-white/60">
            <button
              type="button"
              disabled
              className="min-h-12 w-full rounded-xl bg-white/10 font-semibold"
            >
              Card
            </button>
            <p className="mt-2 text-sm" data-testid="card-offline-reason">
              Cards need the network to be authorised; take cash
              {enabled.size > 1 ? " or another tender above" : ""} until it is back.
            </p>
            {(["gift_card", "store_credit"] as const)
              .filter((kind) => !enabled.has(kind))
              .map((kind) => (
                <p key={kind} className="mt-1 text-sm">
                  {TENDER_LABELS[kind]}: needs the network (not enabled offline in
                  Settings).
                </p>
              ))}
          </section>
          {notice && (
            <p role="alert" className="rounded-xl bg-red-600 p-3">
              {notice}
            </p>
          )}
          <button
            type="button"
            onClick={() => setScreen("sale")}
            className="min-h-12 w-full rounded-xl border border-white/30"
          >
            Back to the sale
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      {header}
      <div
        className="flex-1 space-y-3 overflow-y-auto p-3"
        data-testid="offline-register"
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const variant = findByCode(search);
            if (variant) {
              add(variant);
              setSearch("");
            } else if (matches.length === 0) {
              setNotice(`“${search.trim()}” is not in this till's catalogue.`);
            }
          }}
        >
          <input
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Scan, or type a barcode, SKU or name"
            aria-label="Find an item"
            className="block min-h-12 w-full rounded-xl px-3 text-black"
          />
        </form>
        {matches.length > 0 && (
          <ul className="space-y-1" aria-label="Items found">
            {matches.map((variant) => (
              <li key={variant.id}>
                <button
                  type="button"
                  onClick={() => {
                    add(variant);
                    setSearch("");
                  }}
                  className="flex min-h-12 w-full items-center justify-between rounded-xl bg-white/10 px-3 text-left"
                >
                  <span>
                    {variant.title}{" "}
                    <span className="text-white/60">
                      {variant.options} · {variant.sku}
                    </span>
                  </span>
                  <span>{money(variant.priceMinor)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {notice && (
          <p role="alert" className="rounded-xl bg-amber-500/30 p-3">
            {notice}
          </p>
        )}

        <ul className="space-y-2" aria-label="Ticket">
          {lines.map((line, index) => {
            const variant = variants.get(line.variantId);
            const pricedLine = priced?.lines[index];
            return (
              <li
                key={line.variantId}
                className="flex items-center gap-2 rounded-xl bg-white/10 p-3"
              >
                <div className="min-w-0 flex-1">
                  <p className="truncate font-semibold">{variant?.title}</p>
                  <p className="truncate text-sm text-white/60">
                    {variant?.options} · {variant?.sku}
                  </p>
                  {pricedLine && pricedLine.discount > 0 && (
                    <p className="text-sm text-emerald-300">
                      −{money(pricedLine.discount)}
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  aria-label={`One fewer ${variant?.title}`}
                  onClick={() =>
                    setLines((all) =>
                      all
                        .map((l, i) =>
                          i === index ? { ...l, quantity: l.quantity - 1 } : l,
                        )
                        .filter((l) => l.quantity > 0),
                    )
                  }
                  className="min-h-11 min-w-11 rounded-lg bg-white/20"
                >
                  −
                </button>
                <span className="w-6 text-center">{line.quantity}</span>
                <button
                  type="button"
                  aria-label={`One more ${variant?.title}`}
                  onClick={() =>
                    setLines((all) =>
                      all.map((l, i) =>
                        i === index ? { ...l, quantity: l.quantity + 1 } : l,
                      ),
                    )
                  }
                  className="min-h-11 min-w-11 rounded-lg bg-white/20"
                >
                  +
                </button>
                <span className="w-20 text-right font-semibold">
                  {money(pricedLine?.total ?? 0)}
                </span>
              </li>
            );
          })}
        </ul>

        <details className="rounded-xl bg-white/5 p-3">
          <summary className="cursor-pointer">
            Customer{customer ? `: ${customer.name}` : ""}
          </summary>
          {customer ? (
            <button
              type="button"
              onClick={() => setCustomer(null)}
              className="mt-2 min-h-11 rounded-lg border border-white/30 px-3"
            >
              Remove {customer.name}
            </button>
          ) : (
            <>
              <input
                value={customerSearch}
                onChange={(e) => setCustomerSearch(e.target.value)}
                placeholder="Name, email or phone (customers seen lately)"
                aria-label="Find a customer"
                className="mt-2 block min-h-11 w-full rounded-lg px-3 text-black"
              />
              <ul className="mt-1 space-y-1">
                {customerMatches.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      onClick={() => {
                        setCustomer(c);
                        setCustomerSearch("");
                      }}
                      className="min-h-11 w-full rounded-lg bg-white/10 px-3 text-left"
                    >
                      {c.name} <span className="text-white/60">{c.email ?? c.phone}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>

        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const code = codeText.trim();
            if (code && !codes.includes(code)) setCodes([...codes, code]);
            setCodeText("");
          }}
        >
          <input
            value={codeText}
            onChange={(e) => setCodeText(e.target.value)}
            placeholder="Promotion code"
            aria-label="Promotion code"
            className="min-h-11 flex-1 rounded-lg px-3 text-black"
          />
          <button type="submit" className="min-h-11 rounded-lg bg-white/20 px-3">
            Apply
          </button>
        </form>
        {codes.length > 0 && (
          <p className="text-sm text-white/70">Codes: {codes.join(", ")}</p>
        )}

        {priced && (
          <section className="space-y-1 rounded-xl bg-white/10 p-3" aria-label="Totals">
            {priced.explanation.applied.map((applied) => (
              <p
                key={applied.promotionId}
                className="flex justify-between text-emerald-300"
              >
                <span>{applied.name}</span>
                <span>−{money(applied.amount)}</span>
              </p>
            ))}
            <p className="flex justify-between text-sm text-white/70">
              <span>Tax {priced.pricesIncludeTax ? "included" : ""}</span>
              <span>{money(priced.totals.tax)}</span>
            </p>
            <p className="flex justify-between text-xl font-bold">
              <span>Total</span>
              <span data-testid="offline-ticket-total">{money(total)}</span>
            </p>
          </section>
        )}
        <button
          type="button"
          disabled={!priced}
          onClick={() => setScreen("pay")}
          className="min-h-14 w-full rounded-xl bg-brand-500 text-lg font-bold disabled:opacity-50"
        >
          Pay {priced ? money(total) : ""}
        </button>
        <RecentOfflineSales recent={till.recent} currency={currency} />
      </div>
    </>
  );
}

/** Where the online till remembers its open ticket (components/pos/use-ticket.ts). */
function onlineTicketKey(registerId: string): string {
  return `omnitill.pos.ticket.${registerId}`;
}

function readMoney(text: string, currency: string): number | null {
  const parsed = parsePrice(text, currency, 100_000_000);
  return parsed.ok ? parsed.minor : null;
}

const STATUS_LABELS: Record<QueuedSale["status"], string> = {
  queued: "Waiting to sync",
  accepted: "Accepted",
  accepted_with_differences: "Accepted, priced differently",
  rejected: "Rejected",
};

function RecentOfflineSales({
  recent,
  currency,
}: {
  recent: readonly QueuedSale[];
  currency: string;
}) {
  if (recent.length === 0) return null;
  return (
    <section
      aria-label="Sales on this till"
      className="rounded-xl bg-white/5 p-3 text-sm"
    >
      <h2 className="mb-1 font-semibold">Sales made on this till</h2>
      <ul className="space-y-1" data-testid="offline-queue">
        {recent.map((sale) => (
          <li
            key={sale.id}
            className="flex justify-between gap-2"
            data-status={sale.status}
          >
            <span>
              #{sale.sequence} ·{" "}
              {new Date(sale.sale.occurredAt).toLocaleTimeString("en-GB")}
            </span>
            <span>{formatMoney(sale.sale.pricing.totals.total, currency)}</span>
            <span>
              {STATUS_LABELS[sale.status]}
              {sale.verdict?.reason ? `: ${sale.verdict.reason}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OfflineReceipt({
  queued,
  storeName,
  currency,
  onNewSale,
}: {
  queued: QueuedSale;
  storeName: string;
  currency: string;
  onNewSale: () => void;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  const { sale } = queued;
  const cash = sale.tenders.find((t) => t.kind === "cash");
  return (
    <div className="flex-1 overflow-y-auto p-4" data-testid="offline-receipt">
      <article className="mx-auto max-w-sm rounded-xl bg-white p-4 text-black">
        <h2 className="text-center font-bold">{storeName}</h2>
        <p className="text-center text-xs">
          {new Date(sale.occurredAt).toLocaleString("en-GB")} · Sale {sale.id.slice(0, 8)}
        </p>
        <p className="mt-1 text-center text-xs">
          Made offline: the order number follows when the till syncs.
        </p>
        <ul className="mt-3 space-y-1 text-sm">
          {sale.lines.map((line) => (
            <li key={line.variantId} className="flex justify-between gap-2">
              <span>
                {line.quantity} × {line.title}
              </span>
              <span>{money(line.totalMinor)}</span>
            </li>
          ))}
        </ul>
        {sale.pricing.explanation.applied.map((applied) => (
          <p key={applied.promotionId} className="flex justify-between text-sm">
            <span>{String(applied.name ?? "Promotion")}</span>
            <span>−{money(applied.amount)}</span>
          </p>
        ))}
        <p className="mt-2 flex justify-between border-t pt-2 font-bold">
          <span>Total</span>
          <span>{money(sale.pricing.totals.total)}</span>
        </p>
        <p className="flex justify-between text-xs">
          <span>of which tax</span>
          <span>{money(sale.pricing.totals.tax)}</span>
        </p>
        {cash && cash.kind === "cash" && (
          <>
            <p className="flex justify-between text-sm">
              <span>Cash</span>
              <span>{money(cash.tenderedMinor)}</span>
            </p>
            <p className="flex justify-between text-sm font-semibold">
              <span>Change</span>
              <span data-testid="receipt-change">
                {money(cash.tenderedMinor - cash.amountMinor)}
              </span>
            </p>
          </>
        )}
      </article>
      <div className="mx-auto mt-4 flex max-w-sm gap-2 print:hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="min-h-12 flex-1 rounded-xl border border-white/30"
        >
          Print receipt
        </button>
        <button
          type="button"
          onClick={onNewSale}
          className="min-h-12 flex-1 rounded-xl bg-brand-500 font-bold"
        >
          New sale
        </button>
      </div>
    </div>
  );
}
