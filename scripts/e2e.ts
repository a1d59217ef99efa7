/**
 * `npm run test:e2e`: Playwright against a production build on a fresh
 * PostgreSQL database. Creates the database, migrates and seeds it, builds
 * the app, runs the browser tests, and drops the database afterwards.
 */
import { spawnSync } from "node:child_process";
import { ensureChromium } from "./lib/chromium";
import { testServerUrl, withDatabase } from "./lib/test-database";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status ?? 1;
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
  };
  const steps: [string, string[]][] = [
    ["npx", ["tsx", "scripts/db/migrate.ts"]],
    ["npx", ["tsx", "scripts/db/seed.ts"]],
    ...(process.env.E2E_SKIP_BUILD
      ? []
      : ([["npx", ["next", "build"]]] as [string, string[]][])),
    ["npx", ["playwright", "test", ...extraArgs]],
  ];
  for (const [command, args] of steps) {
    const code = run(command, args, env);
    if (code !== 0) return code;
  }
  return 0;
});

process.exit(status);
