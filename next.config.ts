import type { NextConfig } from "next";

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
};

export default nextConfig;
