/**
 * `npm start`: builds the app when no build exists or the sources are newer
 * than it, then serves it with `next start`. The server migrates the
 * database on start (instrumentation.ts); with no DATABASE_URL it runs on
 * the embedded database and seeds the demo data the first time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma",
  "sw",
  "instrumentation.ts",
];
const CONFIGS = [
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function needsBuild(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const builtAt = statSync(BUILD_ID).mtimeMs;
  return [...SOURCES, ...CONFIGS].some(
    (entry) => newestMtime(path.join(ROOT, entry)) > builtAt,
  );
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

if (needsBuild()) {
  console.log("Building Omnitill (first start or changed sources)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The till's service worker is built from the finished build's assets.
  const worker = spawnSync("npx", ["tsx", "scripts/build-sw.ts"], {
    stdio: "inherit",
    env,
  });
  if (worker.status !== 0) process.exit(worker.status ?? 1);
}

const server = spawnSync("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
process.exit(server.status ?? 0);
