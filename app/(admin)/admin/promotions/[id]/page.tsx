import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodePanel } from "@/components/admin/promotions/code-panel";
import { PromotionEditor } from "@/components/admin/promotions/promotion-editor";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { requireStaffPage } from "@/lib/next/session";
import { getPromotion, toStoredDefinition } from "@/lib/promotions";
import { loadPromotionEditorData } from "@/lib/promotions/editor-data";

export const metadata: Metadata = { title: "Promotion" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function PromotionPage({ params }: Props) {
  const { id } = await params;
  await requireStaffPage("promotions:write", `/admin/promotions/${id}`);
  const found = await getPromotion(db, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const data = await loadPromotionEditorData(db, { excludePromotionId: id });
  const { row, definition } = found;

  return (
    <div className="space-y-4">
      <Link href="/admin/promotions" className="text-sm text-brand-700 underline">
        ← Promotions
      </Link>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">{row.name}</h1>
        <span className="text-sm text-slate-600">
          {found.status} · {row.timesRedeemed} redemption
          {row.timesRedeemed === 1 ? "" : "s"}
          {row.usageLimit !== null ? ` of ${row.usageLimit}` : ""}
        </span>
      </div>
      {definition ? (
        <PromotionEditor
          initial={{
            id: row.id,
            version: row.version,
            description: row.description,
            isActive: row.isActive,
            definition: toStoredDefinition(definition),
          }}
          data={data}
        />
      ) : (
        <p className="text-red-700">
          This promotion's stored definition no longer matches the pricing engine, so it
          is left out of pricing. Recreate it.
        </p>
      )}
      <div className="max-w-3xl">
        <CodePanel
          data={{
            promotionId: row.id,
            requiresCode: row.requiresCode,
            sharedCodes: found.sharedCodes.map((c) => ({
              code: c.code,
              usageLimit: c.usageLimit,
              timesUsed: c.timesUsed,
            })),
            batches: found.batches.map((b) => ({
              ...b,
              createdAt: b.createdAt?.toISOString() ?? null,
            })),
          }}
        />
      </div>
    </div>
  );
}
