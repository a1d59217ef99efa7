import type { Metadata } from "next";
import { BagPage } from "@/components/storefront/bag/bag-page";

export const metadata: Metadata = { title: "Your bag", robots: { index: false } };
// The bag is read in the browser; the page is rendered per request so the build needs no database.
export const dynamic = "force-dynamic";

export default function CartPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 pb-16 pt-6">
      <h1 className="text-2xl font-bold tracking-tight">Your bag</h1>
      <BagPage />
    </div>
  );
}
