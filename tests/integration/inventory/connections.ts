import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll } from "vitest";
import { PrismaClient } from "@/lib/db/client";

/**
 * Several independent Prisma clients on one database, each with its own
 * pool, as several app instances would be: concurrency between them is
 * real concurrency between PostgreSQL sessions.
 */
export function openClients(
  url: string,
  count: number,
  poolSize: number,
): PrismaClient[] {
  const clients = Array.from(
    { length: count },
    () =>
      new PrismaClient({
        adapter: new PrismaPg({ connectionString: url, max: poolSize }),
      }),
  );
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });
  return clients;
}

/** Transaction limits for tests that queue hundreds of transactions on a few connections. */
export const PATIENT_TX = { maxWait: 120_000, timeout: 120_000 } as const;
