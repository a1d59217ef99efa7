import type { NextConfig } from "next";
import {
  API_CONTENT_SECURITY_POLICY,
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
  // `npm test` type-checks the whole project (tests included) with tsc;
  // the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Every response; pages get their nonce-bearing policy from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: staticSecurityHeaders(process.env.NODE_ENV === "production"),
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
