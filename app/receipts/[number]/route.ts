import { db } from "@/lib/db/client";
import { problemResponse } from "@/lib/errors/http";
import { authSecret } from "@/lib/next/auth-secret";
import { currentActor } from "@/lib/next/session";
import { barcodeSvg } from "@/lib/receipts/barcode-svg";
import { encodeReceiptEscPos } from "@/lib/receipts/encode-escpos";
import { loadReceipt } from "@/lib/receipts/load-receipt";
import { renderReceiptHtml } from "@/lib/receipts/render-receipt-html";
import { orderIdFromStatusToken } from "@/lib/storefront/order-status-link";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ number: string }> };

/**
 * An order's receipt: a printable, emailable HTML page, or with
 * ?format=escpos the bytes for a thermal printer (the POS prints these).
 * For staff who may see the order, its signed-in customer, or whoever
 * holds the order's signed link (?t=), as emailed to a guest.
 */
export async function GET(request: Request, { params }: Context) {
  try {
    const { number } = await params;
    const url = new URL(request.url);
    const token = url.searchParams.get("t");
    const linkedOrderId = token ? orderIdFromStatusToken(token, authSecret()) : null;
    const receipt = linkedOrderId
      ? await loadReceipt(db, { actor: null, orderId: linkedOrderId, isLinkHolder: true })
      : await loadReceipt(db, { actor: await currentActor(), number });
    if (receipt.orderNumber !== number.toUpperCase()) {
      return new Response("Not found", { status: 404 });
    }
    const headers = {
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    };
    if (url.searchParams.get("format") === "escpos") {
      const columns = Number(url.searchParams.get("columns")) === 32 ? 32 : 42;
      return new Response(Buffer.from(encodeReceiptEscPos(receipt, { columns })), {
        headers: { ...headers, "content-type": "application/octet-stream" },
      });
    }
    const html = renderReceiptHtml(receipt, { barcodeSvg: barcodeSvg(receipt.barcode) });
    return new Response(html, {
      headers: { ...headers, "content-type": "text/html; charset=utf-8" },
    });
  } catch (error) {
    return problemResponse(error, { route: request.url });
  }
}
