import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

/**
 * The till's service worker, built after `next build` by
 * scripts/build-sw.ts. Never cached by the browser, so a new build's
 * worker replaces the old one on the next visit.
 */
export async function GET() {
  try {
    const source = await readFile(path.join(process.cwd(), ".next", "omnitill", "sw.js"));
    return new Response(source, {
      headers: {
        "content-type": "application/javascript; charset=utf-8",
        "cache-control": "no-cache, no-store, must-revalidate",
        "content-security-policy": "default-src 'self'; script-src 'self'",
      },
    });
  } catch {
    return new Response("// The service worker is built by `npm run build`.\n", {
      status: 404,
      headers: { "content-type": "application/javascript; charset=utf-8" },
    });
  }
}
