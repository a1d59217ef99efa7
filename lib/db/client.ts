import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { trackCommits, trackRootAlias } from "./after-commit";
import { type DatabaseTarget, databaseTarget } from "./config";
import { openEmbedded } from "./embedded";
import { type Prisma, PrismaClient } from "./generated/client";

export type { Prisma } from "./generated/client";
export { PrismaClient } from "./generated/client";

/** A transaction client: what every domain function takes first. */
export type Tx = Prisma.TransactionClient;

/** Either the root client or a transaction; domain reads accept both. */
export type Db = PrismaClient | Tx;

/** Creates a Prisma client for a target; tests use it per database. */
export function createPrismaClient(target: DatabaseTarget): PrismaClient {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: poolSize() });
    return trackCommits(new PrismaClient({ adapter }));
  }
  const adapter = new PrismaPGlite(openEmbedded(target.directory));
  return trackCommits(new PrismaClient({ adapter }));
}

function poolSize(): number {
  const fromEnv = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10;
}

const globalForPrisma = globalThis as unknown as { __omnitillPrisma?: PrismaClient };

/** The app's shared client, created on first use (never at build time). */
export function getDb(): PrismaClient {
  globalForPrisma.__omnitillPrisma ??= createPrismaClient(databaseTarget());
  return globalForPrisma.__omnitillPrisma;
}

/**
 * The app's client as a plain import. Property reads are forwarded to the
 * lazily created client so importing this module opens nothing.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
trackRootAlias(db, getDb);
