import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

type EmbeddedRegistry = Map<string, PGlite>;

const globalForPglite = globalThis as unknown as { __omnitillPglite?: EmbeddedRegistry };

/**
 * The process's one PGlite instance per data directory. PGlite allows one
 * owner per directory, and Next loads server code in several bundles, so
 * the instance lives on globalThis rather than in module state. Callers
 * that query it directly await `waitReady` first.
 */
export function openEmbedded(directory: string): PGlite {
  globalForPglite.__omnitillPglite ??= new Map();
  const registry = globalForPglite.__omnitillPglite;
  let instance = registry.get(directory);
  if (!instance) {
    mkdirSync(directory, { recursive: true });
    // pg_trgm backs catalogue search; the migrations create the extension.
    instance = new PGlite(directory, { extensions: { pg_trgm } });
    registry.set(directory, instance);
  }
  return instance;
}

export async function closeEmbedded(directory: string): Promise<void> {
  const registry = globalForPglite.__omnitillPglite;
  const instance = registry?.get(directory);
  if (!instance) return;
  registry?.delete(directory);
  await instance.close();
}
