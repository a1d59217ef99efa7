import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/** A count session or `not_found`. */
export async function findCountSession(tx: Db, id: string) {
  const session = await tx.countSession.findUnique({
    where: { id },
    include: { location: { select: { id: true, code: true, name: true } } },
  });
  if (!session) throw new AppError("not_found", "That count was not found.");
  return session;
}

export type CountSessionRow = Awaited<ReturnType<typeof findCountSession>>;

/** The SQL condition for levels inside a count's scope (its location and zone). */
export function scopeCondition(session: {
  locationId: string;
  binPrefix: string | null;
}) {
  const zone = session.binPrefix
    ? Prisma.sql`AND starts_with(COALESCE(l.bin, ''), ${session.binPrefix})`
    : Prisma.empty;
  return Prisma.sql`l."locationId" = ${session.locationId} ${zone}`;
}

/** Whether two zones of one location overlap (either one contains the other). */
export function zonesOverlap(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return a.startsWith(b) || b.startsWith(a);
}

/** A count session as the API and screens show it to counters (blind: no expected figures). */
export function countView(session: CountSessionRow) {
  return {
    id: session.id,
    number: session.number,
    status: session.status,
    location: session.location.code,
    binPrefix: session.binPrefix,
    note: session.note,
    startedAt: session.startedAt.toISOString(),
    approvedAt: session.approvedAt?.toISOString() ?? null,
    cancelledAt: session.cancelledAt?.toISOString() ?? null,
  };
}
