import bwipjs from "bwip-js/node";

/** A Code 128 barcode of a value as an SVG document, text printed below. */
export function barcodeSvg(value: string): string {
  return bwipjs.toSVG({ bcid: "code128", text: value, height: 12, includetext: true });
}
