"use client";

import { useState } from "react";
import { networkPrintAction } from "@/app/(pos)/pos/actions";
import { callAction } from "./call-action";

/**
 * Prints on the register's network printer: the server sends the ESC/POS
 * bytes over TCP, so this works on Safari (iPhone, iPad) too.
 */
export function NetworkPrintButton({
  orderNumber,
  registerId,
}: {
  orderNumber: string;
  registerId: string;
}) {
  const [state, setState] = useState<string | null>(null);
  async function print() {
    setState("Printing…");
    try {
      const done = await callAction(networkPrintAction, { orderNumber, registerId });
      setState(`Sent to the printer at ${done.address}.`);
    } catch (error) {
      setState(error instanceof Error ? error.message : "The printer did not answer.");
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void print()}
        className="min-h-12 rounded-xl bg-white/10 px-4 font-semibold"
      >
        Network printer
      </button>
      {state && (
        <p aria-live="polite" className="w-full text-sm text-white/80">
          {state}
        </p>
      )}
    </>
  );
}
