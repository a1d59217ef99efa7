/**
 * Generates the Prisma client into lib/db/generated.
 *
 * `prisma generate` does not use the schema engine, but the CLI insists on
 * finding one and would try to download it. Pointing it at any existing
 * executable satisfies that check without network access.
 */
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

const result = spawnSync("npx", ["prisma", "generate"], { env, stdio: "inherit" });
process.exit(result.status ?? 1);
