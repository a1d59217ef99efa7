"use client";

import { useEffect, useRef } from "react";

/** Keys closer together than this come from a scanner, not a person. */
const MAX_GAP_MS = 60;
const MIN_LENGTH = 4;

/**
 * Listens for a hardware barcode scanner that types like a keyboard:
 * a burst of characters faster than anyone types, ended by Enter,
 * wherever the focus is. A burst that landed in some other text field is
 * taken back out of it, so a scan never leaves digits in, say, the cash
 * amount. Elements marked data-scan-target handle Enter themselves.
 */
export function useHardwareScanner(onScan: (code: string) => void, isEnabled = true) {
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    if (!isEnabled) return;
    let buffer = "";
    let last = 0;
    let field: { element: HTMLInputElement; value: string } | null = null;

    const onKeyDown = (event: KeyboardEvent) => {
      // When the key was pressed, not when this handler got to run: a page
      // busy for a moment must not split a scanner's burst in two.
      const now = event.timeStamp;
      const isFast = now - last <= MAX_GAP_MS;
      last = now;
      const target = event.target as HTMLElement | null;

      if (event.key === "Enter") {
        const code = buffer;
        buffer = "";
        if (code.length < MIN_LENGTH || !isFast) return;
        if (target?.closest("[data-scan-target]")) return;
        event.preventDefault();
        if (field) restore(field.element, field.value);
        field = null;
        handler.current(code);
        return;
      }
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) {
        buffer = "";
        return;
      }
      if (!isFast) {
        buffer = "";
        field =
          target instanceof HTMLInputElement
            ? { element: target, value: target.value }
            : null;
      }
      buffer += event.key;
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [isEnabled]);
}

/** Puts a field back as it was, telling React through a native input event. */
function restore(element: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(
    HTMLInputElement.prototype,
    "value",
  )?.set;
  setter?.call(element, value);
  element.dispatchEvent(new Event("input", { bubbles: true }));
}
