import { readFileSync } from "node:fs";
import path from "node:path";
import type { StaffActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";

/** A merchandiser acting in tests; audit entries name them. */
export const MERCHANDISER: StaffActor = {
  kind: "staff",
  id: "0190a0a0-0000-7000-8000-000000000001",
  email: "merch@example.test",
  name: "Mia Merchandiser",
  role: "MERCHANDISER",
  locationIds: "all",
};

/** An associate: may read the catalogue but not change it. */
export const ASSOCIATE: StaffActor = {
  kind: "staff",
  id: "0190a0a0-0000-7000-8000-000000000002",
  email: "assoc@example.test",
  name: "Ash Associate",
  role: "ASSOCIATE",
  locationIds: [],
};

/** A fixture file from tests/fixtures/catalog. */
export function fixture(name: string): string {
  return readFileSync(path.resolve("tests", "fixtures", "catalog", name), "utf8");
}

/** Row counts that must not move when nothing is written. */
export async function catalogueCounts(prisma: PrismaClient) {
  const [products, variants, audits, events] = await Promise.all([
    prisma.product.count(),
    prisma.variant.count(),
    prisma.auditEntry.count(),
    prisma.outboxEvent.count(),
  ]);
  return { products, variants, audits, events };
}
