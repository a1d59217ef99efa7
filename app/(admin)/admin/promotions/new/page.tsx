import type { Metadata } from "next";
import Link from "next/link";
import { newPromotion } from "@/components/admin/promotions/defaults";
import { PromotionEditor } from "@/components/admin/promotions/promotion-editor";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { loadPromotionEditorData } from "@/lib/promotions/editor-data";

export const metadata: Metadata = { title: "New promotion" };
export const dynamic = "force-dynamic";

export default async function NewPromotionPage() {
  await requireStaffPage("promotions:write", "/admin/promotions/new");
  const data = await loadPromotionEditorData(db);

  return (
    <div className="space-y-4">
      <Link href="/admin/promotions" className="text-sm text-brand-700 underline">
        ← Promotions
      </Link>
      <h1 className="text-2xl font-bold">New promotion</h1>
      <PromotionEditor initial={newPromotion(data.currency)} data={data} />
    </div>
  );
}
