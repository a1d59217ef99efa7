import type { Page } from "@playwright/test";

/** Milliseconds between a USB scanner's keystrokes (they type 50 to 200 characters a second). */
const SCANNER_KEY_GAP_MS = 8;

/**
 * Types `code` and Enter the way a USB barcode scanner does: real key
 * events through Chromium's input pipeline, each stamped a few
 * milliseconds after the one before. The stamps are what the till's
 * scanner detection reads (`KeyboardEvent.timeStamp`), so a burst stays a
 * burst however slowly a loaded machine delivers it, just as a busy
 * phone still stamps a scanner's keys when they arrive.
 */
export async function scanWithHardwareScanner(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...code].map((char) => ({
    key: char,
    code: /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`,
    text: char,
    windowsVirtualKeyCode: char.toUpperCase().charCodeAt(0),
  }));
  keys.push({ key: "Enter", code: "Enter", text: "\r", windowsVirtualKeyCode: 13 });
  try {
    for (const [index, key] of keys.entries()) {
      const timestamp = start + (index * SCANNER_KEY_GAP_MS) / 1000;
      await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", timestamp, ...key });
      await cdp.send("Input.dispatchKeyEvent", {
        type: "keyUp",
        timestamp: timestamp + 0.002,
        key: key.key,
        code: key.code,
        windowsVirtualKeyCode: key.windowsVirtualKeyCode,
      });
    }
  } finally {
    await cdp.detach();
  }
}
