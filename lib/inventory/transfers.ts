import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import type { TransferStatus } from "@/lib/db/generated/enums";
import { AppError, forbidden } from "@/lib/errors";

/** A transfer with its lines and both ends, as the transfer functions return it. */
export async function loadTransfer(tx: Tx, id: string) {
  return tx.transfer.findUnique({
    where: { id },
    include: {
      fromLocation: { select: { id: true, code: true, name: true, isActive: true } },
      toLocation: { select: { id: true, code: true, name: true, isActive: true } },
      lines: {
        include: { variant: { select: { sku: true, barcode: true } } },
        orderBy: { variant: { sku: "asc" } },
      },
    },
  });
}

/** The transfer, or `not_found`. */
export async function findTransfer(tx: Tx, id: string): Promise<LoadedTransfer> {
  const transfer = await loadTransfer(tx, id);
  if (!transfer) throw new AppError("not_found", "That transfer was not found.");
  return transfer;
}

export type LoadedTransfer = NonNullable<Awaited<ReturnType<typeof loadTransfer>>>;

/** The transfer as the API and screens show it. */
export function transferView(t: LoadedTransfer) {
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    from: t.fromLocation.code,
    to: t.toLocation.code,
    note: t.note,
    requestedAt: t.requestedAt.toISOString(),
    shippedAt: t.shippedAt?.toISOString() ?? null,
    receivedAt: t.receivedAt?.toISOString() ?? null,
    cancelledAt: t.cancelledAt?.toISOString() ?? null,
    lines: t.lines.map((l) => ({
      sku: l.variant.sku,
      quantityRequested: l.quantityRequested,
      quantityShipped: l.quantityShipped,
      quantityReceived: l.quantityReceived,
      discrepancy: l.discrepancy,
      discrepancyNote: l.discrepancyNote,
    })),
  };
}

export type TransferView = ReturnType<typeof transferView>;

/**
 * Moves a transfer from one status to the next with one conditional
 * update, so two people pressing "ship" at once ship it once. Throws
 * not_found or a conflict that says what state it is in.
 */
export async function transitionTransfer(
  tx: Tx,
  options: {
    id: string;
    from: TransferStatus;
    to: TransferStatus;
    data: Record<string, unknown>;
    verb: string;
  },
): Promise<LoadedTransfer> {
  const result = await tx.transfer.updateMany({
    where: { id: options.id, status: options.from },
    data: { status: options.to, ...options.data },
  });
  const transfer = await findTransfer(tx, options.id);
  if (result.count === 0) {
    throw new AppError(
      "conflict",
      `Transfer ${transfer.number} is ${transfer.status.toLowerCase()}; ` +
        `it cannot be ${options.verb}.`,
      { fields: { status: [`Already ${transfer.status.toLowerCase()}.`] } },
    );
  }
  return transfer;
}

/** Allows the action when the actor may act at either end of the transfer. */
export function authorizeEitherEnd(actor: Actor, locationIds: readonly string[]): void {
  if (
    !locationIds.some((locationId) => can(actor, "inventory:transfer", { locationId }))
  ) {
    throw forbidden(`no inventory:transfer at ${locationIds.join(" or ")}`);
  }
}
