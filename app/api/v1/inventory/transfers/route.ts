import { z } from "zod";
import { visibleLocationIds } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { listTransfers } from "@/lib/inventory/queries";
import { requestTransfer } from "@/lib/inventory/request-transfer";
import { apiRoute } from "@/lib/next/api-route";
import { idempotentMutation } from "@/lib/next/idempotent-route";

const querySchema = z.strictObject({
  status: z.enum(["REQUESTED", "SHIPPED", "RECEIVED", "CANCELLED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Transfers, newest first. */
export const GET = apiRoute("inventory:read", async (request, { actor }) => {
  const query = parseInput(
    querySchema,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const transfers = await listTransfers(db, {
    visible: visibleLocationIds(actor),
    status: query.status,
    take: query.limit,
  });
  return Response.json({
    data: transfers.map((t) => ({
      id: t.id,
      number: t.number,
      status: t.status,
      from: t.fromLocation.code,
      to: t.toLocation.code,
      lines: t._count.lines,
      requestedAt: t.requestedAt.toISOString(),
      shippedAt: t.shippedAt?.toISOString() ?? null,
      receivedAt: t.receivedAt?.toISOString() ?? null,
    })),
  });
});

/** Requests a transfer between two locations; accepts an Idempotency-Key. */
export const POST = apiRoute("inventory:transfer", (request, context) =>
  idempotentMutation(request, context, async (tx, body) => ({
    status: 201,
    body: await requestTransfer(tx, context.actor, body as never),
  })),
);
