/** The browser-only printer library ships no types; the POS uses this much of it. */
declare module "@point-of-sale/webserial-receipt-printer" {
  export default class WebSerialReceiptPrinter {
    constructor(options?: { baudRate?: number });
    connect(): Promise<void>;
    print(data: Uint8Array): Promise<void>;
    addEventListener(event: string, callback: (detail: unknown) => void): void;
  }
}
