import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadTransfer, transferView } from "@/lib/inventory/transfers";
import { apiRoute } from "@/lib/next/api-route";

/** One transfer with its lines and any discrepancies. */
export const GET = apiRoute("inventory:read", async (_request, { actor, params }) => {
  const transfer = await loadTransfer(db, params.id ?? "");
  const isVisible =
    transfer &&
    [transfer.fromLocationId, transfer.toLocationId].some((locationId) =>
      can(actor, "inventory:read", { locationId }),
    );
  if (!transfer || !isVisible)
    throw new AppError("not_found", "That transfer was not found.");
  return Response.json(transferView(transfer));
});
