import { type AuditInput, auditInsert, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma, Tx } from "@/lib/db/client";
import { type EventInput, emitEvents, outboxInsert } from "@/lib/events/emit-event";

/** Staff and API keys answer for what they do; shoppers are not audited. */
export function isAccountable(actor: Actor | null): actor is Actor {
  return actor?.kind === "staff" || actor?.kind === "api_key";
}

interface OrderAnnouncement {
  actor: Actor | null;
  type: string;
  order: { id: string; number: string; status: string; locationId: string | null };
  payload?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  /** More events of the same change, written in the same statement. */
  alsoEmit?: readonly EventInput[];
}

/**
 * Announces an order change through the outbox, and audits it when staff
 * or an API key made it, in the transaction that makes the change.
 */
export async function announceOrder(tx: Tx, options: OrderAnnouncement): Promise<void> {
  await emitEvents(tx, orderEvents(options));
  const audit = orderAudit(options);
  if (audit) await recordAudit(tx, audit);
}

/**
 * The same records as INSERTs, for a change written in one statement
 * (lib/db/one-statement.ts); the writer announces `types` after it.
 */
export function orderAnnouncementInserts(options: OrderAnnouncement): {
  inserts: Prisma.Sql[];
  types: string[];
} {
  const events = orderEvents(options);
  const audit = orderAudit(options);
  return {
    inserts: [
      ...events.map((event) => outboxInsert(event)),
      ...(audit ? [auditInsert(audit)] : []),
    ],
    types: events.map((event) => event.type),
  };
}

function orderEvents(options: OrderAnnouncement): EventInput[] {
  const { order } = options;
  return [
    {
      type: options.type,
      aggregateType: "order",
      aggregateId: order.id,
      locationId: order.locationId,
      payload: {
        orderId: order.id,
        number: order.number,
        status: order.status,
        ...options.payload,
      },
    },
    ...(options.alsoEmit ?? []),
  ];
}

function orderAudit(options: OrderAnnouncement): AuditInput | null {
  if (!isAccountable(options.actor)) return null;
  const { order } = options;
  return {
    actor: options.actor,
    action: options.type,
    entityType: "order",
    entityId: order.id,
    before: options.before,
    after: options.after ?? { number: order.number, status: order.status },
    locationId: order.locationId,
  };
}
