import type { Metadata } from "next";
import Link from "next/link";
import { TaxRegionForm } from "@/components/admin/tax/tax-region-form";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "New tax region" };
export const dynamic = "force-dynamic";

export default async function NewTaxRegionPage() {
  await requireStaffPage("settings:manage", "/admin/tax/regions/new");
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/admin/tax" className="text-sm text-brand-700 underline">
        ← Tax
      </Link>
      <h1 className="text-2xl font-bold">New tax region</h1>
      <TaxRegionForm
        initial={{
          id: null,
          name: "",
          country: "GB",
          region: "",
          postalCodePrefixes: "",
          isActive: true,
          standard: "20",
          reduced: "5",
        }}
      />
    </div>
  );
}
