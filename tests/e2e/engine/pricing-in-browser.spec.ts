import { expect, test } from "@playwright/test";
import { build } from "esbuild";
import { PricingCartSchema, PricingContextSchema, priceCart } from "@/lib/pricing";
import { PRICING_VECTORS } from "../../unit/pricing/vectors";

// The POS prices baskets in the browser, also offline, with the very same
// engine as the server. Bundle the engine and the hand-worked vectors for a
// browser, run them in Chromium and compare with Node, result for result.
test("the pricing engine gives Chromium the same results as Node", async ({ page }) => {
  const bundle = await build({
    stdin: {
      contents: [
        'import { PricingCartSchema, PricingContextSchema, priceCart } from "./lib/pricing";',
        'import { PRICING_VECTORS } from "./tests/unit/pricing/vectors";',
        "globalThis.__priceVectors = () => PRICING_VECTORS.map((v) =>",
        "  priceCart(PricingCartSchema.parse(v.cart), PricingContextSchema.parse(v.context)));",
      ].join("\n"),
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
  });
  const script = bundle.outputFiles[0]?.text ?? "";

  await page.setContent("<!doctype html><title>pricing engine</title>");
  await page.addScriptTag({ content: script });
  const inBrowser = await page.evaluate(() =>
    JSON.stringify(
      (globalThis as unknown as { __priceVectors: () => unknown }).__priceVectors(),
    ),
  );

  const inNode = PRICING_VECTORS.map((v) =>
    priceCart(PricingCartSchema.parse(v.cart), PricingContextSchema.parse(v.context)),
  );
  expect(PRICING_VECTORS.length).toBeGreaterThan(0);
  expect(JSON.parse(inBrowser)).toEqual(JSON.parse(JSON.stringify(inNode)));
});
