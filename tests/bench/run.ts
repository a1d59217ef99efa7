/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn (or those named
 * on the command line) and reports which ones failed. Each benchmark prints
 * its own figures beside a baseline measured in the same run.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "tests", "bench");
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const result = spawnSync("npx", ["tsx", path.join(dir, file)], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn" },
  });
  if (result.status !== 0) failed.push(file);
}

console.log(`\n${files.length - failed.length} benchmarks ran, ${failed.length} failed`);
if (failed.length > 0) {
  console.log(`failed: ${failed.join(", ")}`);
  process.exit(1);
}
