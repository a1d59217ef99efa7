/**
 * `npm run test:e2e`: Playwright against a production build on a fresh
 * PostgreSQL database. Creates the database, migrates and seeds it, builds
 * the app, runs the browser tests, and drops the database afterwards.
 */
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { ensureChromium } from "./lib/chromium";
import { testServerUrl, withDatabase } from "./lib/test-database";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

/** A port nothing listens on, so parallel runs on one machine don't collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

if (!ensureChromium()) process.exit(1);

const server = await testServerUrl();
const extraArgs = process.argv.slice(2);

const status = await withDatabase(server, `omnitill_e2e_${process.pid}`, async (url) => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
    E2E_EMBEDDED_PORT: process.env.E2E_EMBEDDED_PORT ?? String(await freePort()),
  };
  const steps: [string, string[]][] = [
    ["npx", ["tsx", "scripts/db/migrate.ts"]],
    ["npx", ["tsx", "scripts/db/seed.ts"]],
    ...(process.env.E2E_SKIP_BUILD
      ? []
      : ([
          ["npx", ["next", "build"]],
          ["npx", ["tsx", "scripts/build-sw.ts"]],
        ] as [string, string[]][])),
    ["npx", ["playwright", "test", ...extraArgs]],
  ];
  for (const [command, args] of steps) {
    const code = run(command, args, env);
    if (code !== 0) return code;
  }
  return 0;
});

process.exit(status);
