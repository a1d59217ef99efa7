/**
 * `npm test`: every check the project has, in order of speed — lint and
 * format, types, unit, integration, end to end. Runs them all, prints a
 * summary, and fails when any part fails.
 */
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const STEPS: { name: string; command: string; args: string[] }[] = [
  { name: "lint and format", command: "npx", args: ["biome", "ci", "."] },
  { name: "types", command: "npx", args: ["tsc", "--noEmit"] },
  { name: "unit", command: "npx", args: ["vitest", "run", "--project", "unit"] },
  {
    name: "integration",
    command: "npx",
    args: ["vitest", "run", "--project", "integration"],
  },
  { name: "end to end", command: "npx", args: ["tsx", "scripts/e2e.ts"] },
];

const only = process.env.TEST_ONLY?.split(",").map((s) => s.trim());
const results: { name: string; ok: boolean; seconds: number }[] = [];

for (const step of STEPS) {
  if (only && !only.includes(step.name)) continue;
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: "inherit", env });
  results.push({
    name: step.name,
    ok: result.status === 0,
    seconds: Math.round((Date.now() - started) / 1000),
  });
}

console.log("\nSummary");
for (const r of results) {
  console.log(`  ${r.ok ? "pass" : "FAIL"}  ${r.name} (${r.seconds}s)`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
