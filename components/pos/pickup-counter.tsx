"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import {
  findPickupAction,
  handOverAction,
  pickupPaymentAction,
  pickupQueueAction,
} from "@/app/(pos)/pos/actions";
import { formatMoney, plural } from "@/components/ui/format";
import { useEventStream } from "@/components/ui/use-event-stream";
import { parsePrice } from "@/lib/catalog/parse-price";
import type { TenderInput } from "@/lib/payments/tenders";
import { TEST_CARDS, testCardToken } from "@/lib/payments/test-cards";
import type { PickupOrder } from "@/lib/pos/pickups";
import { callAction } from "./call-action";
import { useHardwareScanner } from "./use-hardware-scanner";

const CameraScanner = dynamic(
  () => import("./camera-scanner").then((m) => m.CameraScanner),
  { ssr: false },
);

/**
 * The pickup counter: a live queue of orders ready for collection at this
 * store; scan the shopper's QR code (or type the order number), check the
 * items, take what is due and hand the order over.
 */
export function PickupCounter({
  storeId,
  onBack,
}: {
  storeId: string;
  onBack: () => void;
}) {
  const [current, setCurrent] = useState<PickupOrder | null>(null);
  const [code, setCode] = useState("");
  const [isCameraOn, setIsCameraOn] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const queue = useQuery({
    queryKey: ["pos-pickups", storeId],
    queryFn: () => callAction(pickupQueueAction, { locationId: storeId }),
  });
  const refetch = () => void queue.refetch();
  useEventStream({
    topics: ["fulfillment", "orders"],
    locationId: storeId,
    onEvent: refetch,
    onResync: refetch,
  });

  async function open(value: string) {
    const typed = value.trim();
    if (!typed) return;
    setMessage(null);
    try {
      setCurrent(
        await callAction(findPickupAction, { locationId: storeId, code: typed }),
      );
      setIsCameraOn(false);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "That order was not found.");
    }
  }
  useHardwareScanner((scanned) => void open(scanned), !current);

  if (current) {
    return (
      <Handover
        order={current}
        onDone={(text) => {
          setCurrent(null);
          setMessage(text);
          refetch();
        }}
        onBack={() => setCurrent(null)}
      />
    );
  }
  return (
    <section aria-label="Pickups" className="flex-1 overflow-y-auto p-3">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-bold">Pickups</h2>
        <button type="button" onClick={onBack} className="min-h-11 px-2 underline">
          Back to the sale
        </button>
      </div>
      <form
        className="mt-2 flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void open(code);
          setCode("");
        }}
      >
        <label htmlFor="pickup-code" className="sr-only">
          Order number
        </label>
        <input
          id="pickup-code"
          data-scan-target
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="Scan QR or type order number"
          autoComplete="off"
          className="min-h-12 min-w-0 flex-1 rounded-xl bg-white px-3 text-ink"
        />
        <button
          type="submit"
          className="min-h-12 rounded-xl bg-brand-500 px-3 font-semibold"
        >
          Find
        </button>
        <button
          type="button"
          aria-pressed={isCameraOn}
          onClick={() => setIsCameraOn(!isCameraOn)}
          className="min-h-12 rounded-xl bg-white/10 px-3 font-semibold"
        >
          Camera
        </button>
      </form>
      {isCameraOn && (
        <div className="mt-3">
          <CameraScanner
            onScan={(scanned) => void open(scanned)}
            onClose={() => setIsCameraOn(false)}
          />
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <p role="alert" className="mt-3 rounded-xl bg-amber-200 p-3 text-ink">
            {message}
          </p>
        )}
      </div>
      <h3 className="mt-4 text-sm text-white/70">Ready for collection</h3>
      {queue.data?.length === 0 && <p className="mt-2 text-white/60">Nothing waiting.</p>}
      <ul className="mt-2 space-y-2" aria-label="Pickup queue">
        {queue.data?.map((order) => (
          <li key={order.fulfillmentId}>
            <button
              type="button"
              onClick={() => setCurrent(order)}
              className="min-h-12 w-full rounded-2xl bg-white p-3 text-left text-ink"
            >
              <span className="flex justify-between font-semibold">
                <span className="font-mono">{order.number}</span>
                {order.dueMinor > 0 && (
                  <span className="text-red-700">
                    {formatMoney(order.dueMinor, order.currency)} to pay
                  </span>
                )}
              </span>
              <span className="block text-sm text-ink/60">
                {order.customerName ?? order.email ?? "Guest"} ·{" "}
                {plural(
                  order.lines.reduce((n, l) => n + l.quantity, 0),
                  "item",
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One order at the counter: check each item, take what is due, hand over. */
function Handover({
  order,
  onDone,
  onBack,
}: {
  order: PickupOrder;
  onDone: (message: string) => void;
  onBack: () => void;
}) {
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [due, setDue] = useState(order.dueMinor);
  const [method, setMethod] = useState<"cash" | "card">("cash");
  const [handedText, setHandedText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const money = (minor: number) => formatMoney(minor, order.currency);
  const isAllChecked = order.lines.every((l) => checked.has(l.id));

  async function pay() {
    setProblem(null);
    let tender: TenderInput;
    if (method === "cash") {
      const handed = handedText.trim()
        ? parsePrice(handedText, order.currency, 100_000_000)
        : { ok: true as const, minor: due };
      if (!handed.ok || handed.minor < due) {
        return setProblem(`At least ${money(due)} must be handed over.`);
      }
      tender = { kind: "cash", amountMinor: due, tenderedMinor: handed.minor };
    } else {
      const token = testCardToken(TEST_CARDS[0]?.number ?? "");
      if (!token) return setProblem("No test card is available.");
      tender = { kind: "card", amountMinor: due, token };
    }
    setIsBusy(true);
    try {
      const result = await callAction(pickupPaymentAction, {
        orderId: order.orderId,
        tenders: [tender],
      });
      if (result.outcome === "paid") {
        setDue(0);
        if (result.changeDueMinor > 0)
          setProblem(`Change due: ${money(result.changeDueMinor)}`);
      } else setProblem(`${result.message} Nothing was taken; try again.`);
    } catch (error) {
      setProblem(
        error instanceof Error ? error.message : "The payment did not go through.",
      );
    } finally {
      setIsBusy(false);
    }
  }

  async function handOver() {
    setIsBusy(true);
    setProblem(null);
    try {
      await callAction(handOverAction, { fulfillmentId: order.fulfillmentId });
      onDone(`Order ${order.number} picked up.`);
    } catch (error) {
      setProblem(
        error instanceof Error ? error.message : "The handover did not go through.",
      );
      setIsBusy(false);
    }
  }

  return (
    <section aria-label={`Order ${order.number}`} className="flex-1 overflow-y-auto p-3">
      <div className="flex items-center justify-between">
        <h2 className="font-mono text-lg font-bold">{order.number}</h2>
        <button type="button" onClick={onBack} className="min-h-11 px-2 underline">
          Back to pickups
        </button>
      </div>
      <p className="text-sm text-white/70">
        {order.customerName ?? order.email ?? "Guest"}
      </p>
      <fieldset className="mt-3 space-y-2">
        <legend className="text-sm text-white/70">Check each item</legend>
        {order.lines.map((line) => (
          <label
            key={line.id}
            className="flex min-h-12 items-center gap-3 rounded-2xl bg-white p-3 text-ink"
          >
            <input
              type="checkbox"
              className="size-6"
              checked={checked.has(line.id)}
              onChange={(e) => {
                const next = new Set(checked);
                if (e.target.checked) next.add(line.id);
                else next.delete(line.id);
                setChecked(next);
              }}
            />
            <span>
              {line.quantity} × {line.title}
              <span className="block text-sm text-ink/60">{line.sku}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {due > 0 && (
        <div className="mt-4 rounded-2xl bg-white/10 p-3">
          <p className="text-xl font-bold" data-testid="pickup-due">
            {money(due)} to pay
          </p>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {(["cash", "card"] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={method === m}
                onClick={() => setMethod(m)}
                className={`min-h-12 rounded-xl font-semibold ${method === m ? "bg-white text-brand-900" : "bg-white/10"}`}
              >
                {m === "cash" ? "Cash" : "Card (TEST MODE)"}
              </button>
            ))}
          </div>
          {method === "cash" && (
            <>
              <label htmlFor="pickup-handed" className="mt-2 block text-sm">
                Cash handed over
              </label>
              <input
                id="pickup-handed"
                inputMode="decimal"
                value={handedText}
                placeholder={(due / 100).toFixed(2)}
                onChange={(e) => setHandedText(e.target.value)}
                className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
              />
            </>
          )}
          <button
            type="button"
            disabled={isBusy}
            onClick={() => void pay()}
            className="mt-3 min-h-12 w-full rounded-xl bg-brand-500 font-bold disabled:opacity-50"
          >
            Take {money(due)}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {problem && (
          <p role="alert" className="mt-3 rounded-xl bg-amber-200 p-3 text-ink">
            {problem}
          </p>
        )}
      </div>
      <button
        type="button"
        disabled={isBusy || due > 0 || !isAllChecked}
        onClick={() => void handOver()}
        className="mt-4 min-h-14 w-full rounded-xl bg-brand-500 text-lg font-bold disabled:opacity-50"
      >
        {due > 0 ? "Take payment first" : isAllChecked ? "Hand over" : "Check every item"}
      </button>
    </section>
  );
}
