import bwipjs from "bwip-js/node";

/**
 * A Code 128 barcode of a value as a PNG data: URL, text printed below: the
 * receipt's barcode in email, where most clients draw no SVG (the sender
 * turns the data: URL into an inline attachment).
 */
export async function barcodePngDataUrl(value: string): Promise<string> {
  const png = await bwipjs.toBuffer({
    bcid: "code128",
    text: value,
    height: 12,
    scale: 2,
    includetext: true,
  });
  return `data:image/png;base64,${png.toString("base64")}`;
}
