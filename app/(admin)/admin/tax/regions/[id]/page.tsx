import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TaxRegionForm } from "@/components/admin/tax/tax-region-form";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { listTaxRegions } from "@/lib/tax";

export const metadata: Metadata = { title: "Tax region" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function TaxRegionPage({ params }: Props) {
  const { id } = await params;
  await requireStaffPage("settings:manage", `/admin/tax/regions/${id}`);
  const region = (await listTaxRegions(db)).find((r) => r.id === id);
  if (!region) notFound();

  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/admin/tax" className="text-sm text-brand-700 underline">
        ← Tax
      </Link>
      <h1 className="text-2xl font-bold">{region.name}</h1>
      <TaxRegionForm
        initial={{
          id: region.id,
          name: region.name,
          country: region.country,
          region: region.region ?? "",
          postalCodePrefixes: region.postalCodePrefixes.join(", "),
          isActive: region.isActive,
          standard: String(region.rates.STANDARD),
          reduced: String(region.rates.REDUCED),
        }}
      />
    </div>
  );
}
