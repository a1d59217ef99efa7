import type { Tx } from "@/lib/db/client";
import { announceEmailsQueued } from "./emails-queued";
import type { RenderedEmail } from "./render-email";

export const EMAIL_KINDS = [
  "order_confirmation",
  "pos_receipt",
  "back_in_stock",
  "account_confirmation",
  "pickup_ready",
  "shipped",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The key that makes an event write one email per recipient, however often it is handed on. */
export function emailDedupeKey(eventId: string, kind: EmailKind, to: string): string {
  return `${eventId}:${kind}:${to.toLowerCase()}`;
}

/**
 * Queues an email in `tx`, once per event, kind and recipient: a second
 * call with the same three writes nothing (INSERT … ON CONFLICT DO
 * NOTHING) and returns false. `isHeld` marks it as waiting for SMTP to be
 * configured.
 */
export async function enqueueEmail(
  tx: Tx,
  email: {
    eventId: string;
    kind: EmailKind;
    to: string;
    rendered: RenderedEmail;
    isHeld: boolean;
  },
): Promise<boolean> {
  const to = email.to.trim().toLowerCase();
  const { count } = await tx.emailMessage.createMany({
    data: [
      {
        dedupeKey: emailDedupeKey(email.eventId, email.kind, to),
        kind: email.kind,
        eventId: BigInt(email.eventId),
        toAddress: to,
        subject: email.rendered.subject,
        html: email.rendered.html,
        text: email.rendered.text,
        status: email.isHeld ? "HELD" : "PENDING",
      },
    ],
    skipDuplicates: true,
  });
  if (count > 0) announceEmailsQueued(tx);
  return count > 0;
}
