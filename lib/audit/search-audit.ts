import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, visibleLocationIds } from "@/lib/auth/authorize";
import type { Db, Prisma } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";

export const AUDIT_PAGE_SIZE = 50;

const day = z.iso.date({ error: "Use a date like 2026-03-01." });
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** The audit log's filters, as the page's query string carries them. */
export const auditSearchSchema = z
  .object({
    q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    actorId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    locationId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    entityType: z.preprocess(blankToUndefined, z.string().max(64).optional()),
    action: z.preprocess(blankToUndefined, z.string().max(120).optional()),
    from: z.preprocess(blankToUndefined, day.optional()),
    to: z.preprocess(blankToUndefined, day.optional()),
    page: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1).max(100_000).default(1),
    ),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    error: "The end date must be on or after the start date.",
    path: ["to"],
  });

export type AuditSearch = z.output<typeof auditSearchSchema>;

function whereFor(
  filters: AuditSearch,
  scope: string[] | null,
): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [];
  // Location-bound staff see only entries about their own locations.
  if (scope) and.push({ locationId: { in: scope } });
  if (filters.locationId) and.push({ locationId: filters.locationId });
  if (filters.actorId) and.push({ actorId: filters.actorId });
  if (filters.entityType) and.push({ entityType: filters.entityType });
  if (filters.action) and.push({ action: filters.action });
  if (filters.from)
    and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) {
    const end = new Date(`${filters.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    and.push({ createdAt: { lt: end } });
  }
  if (filters.q) {
    const text = filters.q;
    and.push({
      OR: [
        { actorLabel: { contains: text, mode: "insensitive" } },
        { action: { contains: text, mode: "insensitive" } },
        { entityType: { contains: text, mode: "insensitive" } },
        { entityId: { startsWith: text.toLowerCase() } },
        { ipAddress: { startsWith: text } },
      ],
    });
  }
  return { AND: and };
}

/**
 * One page of the audit log, newest first, filtered by person, location,
 * kind of record, action, dates and free text, within what the actor may
 * see. Read-only: nothing in the app changes or removes an entry.
 */
export async function searchAudit(db: Db, actor: Actor, input: unknown) {
  authorize(actor, "audit:read");
  const filters = parseInput(auditSearchSchema, input);
  const where = whereFor(filters, visibleLocationIds(actor));

  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return {
    filters,
    entries,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** The choices the filter menus offer: kinds of record, actions and people seen. */
export async function auditFilterChoices(db: Db, actor: Actor) {
  authorize(actor, "audit:read");
  const scope = visibleLocationIds(actor);
  const where = scope ? { locationId: { in: scope } } : {};
  const [entityTypes, actions, actors] = await Promise.all([
    db.auditEntry.findMany({
      where,
      distinct: ["entityType"],
      select: { entityType: true },
    }),
    db.auditEntry.findMany({ where, distinct: ["action"], select: { action: true } }),
    db.auditEntry.findMany({
      where: { ...where, actorId: { not: null } },
      distinct: ["actorId"],
      select: { actorId: true, actorLabel: true },
      orderBy: { actorId: "asc" },
    }),
  ]);
  return {
    entityTypes: entityTypes.map((e) => e.entityType).sort(),
    actions: actions.map((a) => a.action).sort(),
    actors: actors
      .flatMap((a) => (a.actorId ? [{ id: a.actorId, label: a.actorLabel }] : []))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
