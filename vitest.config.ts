import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The logger and libraries read NODE_ENV; a shell that exports
// "production" must not change how the tests behave.
Object.assign(process.env, { NODE_ENV: "test" });

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    env: { NODE_ENV: "test" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          // Cloning a database, starting PGlite or the schema engine takes
          // seconds on a slow machine; these limits only catch a hang.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
