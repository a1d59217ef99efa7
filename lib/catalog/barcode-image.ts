import bwipjs from "bwip-js/node";
import { gtinFormatOf } from "./barcode";

// bwip-js symbology per GTIN length; a variant without a GTIN gets its SKU
// as Code 128, which any scanner at the till reads too.
const SYMBOLOGY = {
  EAN_8: "ean8",
  UPC_A: "upca",
  EAN_13: "ean13",
  GTIN_14: "itf14",
} as const;

/** A barcode drawn as SVG: the GTIN in its own symbology, else the SKU as Code 128. */
export function barcodeSvg(code: string | null, sku: string): string {
  const format = code ? gtinFormatOf(code) : undefined;
  if (code && format) {
    return bwipjs.toSVG({
      bcid: SYMBOLOGY[format],
      text: code,
      includetext: true,
      textxalign: "center",
      height: format === "GTIN_14" ? 10 : 14,
    });
  }
  return bwipjs.toSVG({ bcid: "code128", text: sku, includetext: true, height: 10 });
}

/** The SVG as a data URI for an <img>, which the content security policy allows. */
export function barcodeDataUri(code: string | null, sku: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(barcodeSvg(code, sku)).toString("base64")}`;
}
