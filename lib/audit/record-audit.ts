import { type Actor, actorLabel } from "@/lib/auth/actor";
import type { Prisma, Tx } from "@/lib/db/client";
import { Prisma as Sql } from "@/lib/db/generated/client";
import { jsonParam } from "@/lib/db/one-statement";
import { uuid7 } from "@/lib/db/uuid7";
import { currentAuditContext } from "./audit-context";

export interface AuditInput {
  actor: Actor;
  /** Verb in the past tense, dotted by domain: "product.updated". */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  locationId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
}

const ACTOR_KIND = {
  staff: "STAFF",
  api_key: "API_KEY",
  customer: "CUSTOMER",
  guest: "CUSTOMER",
  system: "SYSTEM",
} as const;

// JSON columns cannot hold undefined, Dates or BigInts as such; a
// round-trip through JSON gives the shape a reader will see.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Writes an audit entry (who, what, before, after, where) inside the
 * transaction that makes the change, so the two commit or fail together.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(input) });
}

/**
 * Writes many audit entries in one statement, for bulk changes (a CSV
 * import of thousands of products) where one insert each is too slow.
 */
export async function recordAudits(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.auditEntry.createMany({ data: inputs.map(auditRow) });
}

/**
 * The entry of `recordAudit` as an INSERT, for writers that make their
 * change and its audit entry in one statement (lib/db/one-statement.ts):
 * one row, or one per row of `from` (a FROM clause, say the guard's).
 */
export function auditInsert(input: AuditInput, from: Sql.Sql = Sql.empty): Sql.Sql {
  const row = auditRow(input);
  return Sql.sql`INSERT INTO "AuditEntry" (id, "actorKind", "actorId", "actorLabel", action,
      "entityType", "entityId", before, after, "locationId", "ipAddress", "userAgent",
      "createdAt")
    SELECT ${uuid7()}, ${row.actorKind}::"ActorKind", ${row.actorId}::text,
      ${row.actorLabel}, ${row.action}, ${row.entityType}, ${row.entityId},
      ${jsonParam(row.before)}, ${jsonParam(row.after)}, ${row.locationId}::text,
      ${row.ipAddress}::text, ${row.userAgent}::text, now() AT TIME ZONE 'UTC'
    ${from}`;
}

function auditRow(input: AuditInput) {
  const { actor } = input;
  const origin = currentAuditContext();
  return {
    actorKind: ACTOR_KIND[actor.kind],
    actorId: actor.kind === "system" || actor.kind === "guest" ? null : actor.id,
    actorLabel: actorLabel(actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJson(input.before),
    after: toJson(input.after),
    locationId: input.locationId ?? null,
    ipAddress: input.ipAddress ?? origin.ipAddress ?? null,
    userAgent: (input.userAgent ?? origin.userAgent ?? null)?.slice(0, 400) ?? null,
  };
}
