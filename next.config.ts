import path from "node:path";
import type { NextConfig } from "next";
import { LISTING_QUERY_KEYS } from "./lib/catalog/listing-keys";
import {
  API_CONTENT_SECURITY_POLICY,
  PUBLIC_CATALOG_SOURCES,
  publicCatalogContentSecurityPolicy,
  staticSecurityHeaders,
} from "./lib/next/security-headers";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages load from node_modules at run time
  // instead of being bundled into the server build.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pino",
    "pg",
  ],
  poweredByHeader: false,
  // Next hashes every page body in JavaScript to make its ETag: a third of
  // the CPU time of serving a cached catalogue page. The pages change with
  // the catalogue and carry no max-age, so a 304 would rarely be earned.
  generateEtags: false,
  // Whole public catalogue pages are cached in memory, where the storefront's
  // event watcher can drop them on every instance (lib/next/page-cache-handler.cjs).
  cacheHandler: path.join(process.cwd(), "lib/next/page-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  // `npm test` type-checks the whole project (tests included) with tsc;
  // the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // A category listing without filters is its cached page `…/all` (see
  // app/(storefront)/categories/[handle]/[filters]/page.tsx). A listing with
  // filters is rewritten by proxy.ts instead, which puts them in the path in
  // a canonical order; this cheaper rule is the common case.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/categories/:handle",
          missing: LISTING_QUERY_KEYS.map((key) => ({ type: "query" as const, key })),
          destination: "/categories/:handle/all",
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Every response; pages get their nonce-bearing policy from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: staticSecurityHeaders(process.env.NODE_ENV === "production"),
      },
      // The public catalogue pages skip proxy.ts: one fixed policy, no nonce.
      ...PUBLIC_CATALOG_SOURCES.map((source) => ({
        source,
        headers: [
          {
            key: "Content-Security-Policy",
            value: publicCatalogContentSecurityPolicy({
              isDev: process.env.NODE_ENV === "development",
              isHttps: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
            }),
          },
        ],
      })),
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
