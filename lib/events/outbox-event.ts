import type { Db, Prisma } from "@/lib/db/client";

/** A committed outbox event as the realtime hub and the dispatcher hand it on. */
export interface OutboxRecord {
  /** The outbox row's id in decimal: ids only grow, and a bigint does not survive JSON. */
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  locationId: string | null;
  createdAt: Date;
}

interface OutboxRow {
  id: bigint;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  locationId: string | null;
  createdAt: Date;
}

/** Turns a database row into the record handed to subscribers. */
export function toOutboxRecord(row: OutboxRow): OutboxRecord {
  const payload =
    row.payload && typeof row.payload === "object" && !Array.isArray(row.payload)
      ? (row.payload as Record<string, unknown>)
      : {};
  return {
    id: row.id.toString(),
    type: row.type,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    payload,
    locationId: row.locationId,
    createdAt: row.createdAt,
  };
}

const RECORD_SELECT = {
  id: true,
  type: true,
  aggregateType: true,
  aggregateId: true,
  payload: true,
  locationId: true,
  createdAt: true,
} as const;

export interface ReadOutboxOptions {
  /** Events with a greater id. */
  afterId: bigint;
  /** Also these ids, below afterId, if they exist now. */
  alsoIds?: readonly bigint[];
  limit: number;
  /** Narrows the read; the stream's replay passes its topics and locations. */
  where?: Prisma.OutboxEventWhereInput;
}

/** Committed outbox events after an id, in id order. */
export async function readOutboxEvents(
  db: Db,
  options: ReadOutboxOptions,
): Promise<OutboxRecord[]> {
  const alsoIds = options.alsoIds ?? [];
  const byId: Prisma.OutboxEventWhereInput =
    alsoIds.length > 0
      ? { OR: [{ id: { gt: options.afterId } }, { id: { in: [...alsoIds] } }] }
      : { id: { gt: options.afterId } };
  const rows = await db.outboxEvent.findMany({
    where: options.where ? { AND: [byId, options.where] } : byId,
    orderBy: { id: "asc" },
    take: options.limit,
    select: RECORD_SELECT,
  });
  return rows.map(toOutboxRecord);
}

/** The newest outbox id, or 0 when the outbox is empty. */
export async function latestOutboxId(db: Db): Promise<bigint> {
  const row = await db.outboxEvent.findFirst({
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return row?.id ?? 0n;
}
