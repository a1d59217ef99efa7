"use client";

/** Opens the browser's print dialog for the label sheet. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-10 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white"
    >
      Print
    </button>
  );
}
