import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { conflict, notFound, parseInput } from "@/lib/errors";
import { announceEmailsQueued } from "./emails-queued";

export const ResendEmailSchema = z.strictObject({ emailId: z.uuid() });
export type ResendEmailInput = z.input<typeof ResendEmailSchema>;

/**
 * Puts a failed email back in the queue for one more try now, after its
 * address or the mail server was put right. If that try fails too, it is
 * failed again at once (its retries were used up) unless it had retries
 * left. Audited; only failed emails can be sent again.
 */
export async function resendEmail(
  db: PrismaClient,
  options: { actor: Actor; input: ResendEmailInput },
): Promise<{ emailId: string }> {
  authorize(options.actor, "settings:manage");
  const { emailId } = parseInput(ResendEmailSchema, options.input);

  return db.$transaction(async (tx) => {
    const email = await tx.emailMessage.findUnique({
      where: { id: emailId },
      select: { id: true, status: true, toAddress: true, kind: true },
    });
    if (!email) throw notFound("Email");
    const { count } = await tx.emailMessage.updateMany({
      where: { id: emailId, status: "FAILED" },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    if (count === 0) throw conflict("Only a failed email can be sent again.");

    await recordAudit(tx, {
      actor: options.actor,
      action: "email.resent",
      entityType: "EmailMessage",
      entityId: email.id,
      before: { status: email.status },
      after: { status: "PENDING", to: email.toAddress, kind: email.kind },
    });
    announceEmailsQueued(tx);
    return { emailId };
  });
}
