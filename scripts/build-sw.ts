/**
 * Builds the till's service worker after `next build`: bundles sw/pos-sw.ts
 * with esbuild, then lets @serwist/build list every file of .next/static in
 * it for precaching. Writes .next/omnitill/sw.js, which app/sw.js/route.ts
 * serves. Kept out of Next's own build, whose Turbopack the Serwist Next
 * plugin does not support.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { injectManifest } from "@serwist/build";
import { build } from "esbuild";

const root = process.cwd();
const outDir = path.join(root, ".next", "omnitill");
const bundled = path.join(outDir, "sw.src.js");
const target = path.join(outDir, "sw.js");

mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [path.join(root, "sw", "pos-sw.ts")],
  outfile: bundled,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});

const result = await injectManifest({
  swSrc: bundled,
  swDest: target,
  globDirectory: path.join(root, ".next", "static"),
  globPatterns: ["**/*.{js,css,woff,woff2,svg,png,jpg,webp,ico}"],
  modifyURLPrefix: { "": "/_next/static/" },
  // Next names every built file by its content: no cache-busting needed.
  dontCacheBustURLsMatching: /^\/_next\/static\//,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
for (const warning of result.warnings) console.warn(`service worker: ${warning}`);
console.log(
  `service worker: ${result.count} files precached (${(result.size / 1024 / 1024).toFixed(1)} MB) in .next/omnitill/sw.js`,
);
