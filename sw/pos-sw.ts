/**
 * The till's service worker, built after `next build` by
 * scripts/build-sw.ts (esbuild, then @serwist/build injects the list of
 * built assets). Registered by the POS with scope /pos, so it serves the
 * till only: the storefront and back-office are never cached by it.
 *
 * - Every built script, stylesheet and font is precached at install, so
 *   the till's code is all there after one online visit.
 * - /pos pages: network first, the last good copy when the network is
 *   down (or slower than a few seconds), so /pos opens offline.
 * - API calls are never cached: the catalogue and the sale queue live in
 *   IndexedDB, where the till manages them itself.
 */
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  type PrecacheEntry,
  Serwist,
} from "serwist";

declare const self: typeof globalThis & {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ request, url }) =>
        request.mode === "navigate" &&
        url.origin === self.location.origin &&
        (url.pathname === "/pos" || url.pathname.startsWith("/pos/")),
      handler: new NetworkFirst({
        cacheName: "omnitill-pos-pages",
        networkTimeoutSeconds: 4,
        plugins: [new CacheableResponsePlugin({ statuses: [200] })],
      }),
    },
    {
      matcher: ({ url }) =>
        url.origin === self.location.origin &&
        (url.pathname.startsWith("/_next/static/") ||
          url.pathname === "/pos-icon.svg" ||
          url.pathname === "/manifest-pos.webmanifest"),
      handler: new CacheFirst({
        cacheName: "omnitill-pos-assets",
        plugins: [
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 30 * 24 * 3600 }),
        ],
      }),
    },
  ],
});

serwist.addEventListeners();
