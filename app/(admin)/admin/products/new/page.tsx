import type { Metadata } from "next";
import Link from "next/link";
import { ProductForm } from "@/components/admin/catalog/product-form";
import { DEFAULT_CURRENCY } from "@/lib/catalog/currency";
import { listBrands, listCategoryOptions } from "@/lib/catalog/list-products";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "New product" };
export const dynamic = "force-dynamic";

export default async function NewProductPage() {
  await requireStaffPage("catalog:write", "/admin/products/new");
  const [categories, brands] = await Promise.all([
    listCategoryOptions(db),
    listBrands(db),
  ]);
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link href="/admin/products" className="text-brand-700 hover:underline">
          ← Products
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">New product</h1>
      <ProductForm
        mode="create"
        currency={DEFAULT_CURRENCY}
        categories={categories}
        brands={brands}
        initial={{
          title: "",
          handle: "",
          description: "",
          brand: "",
          categoryId: "",
          status: "DRAFT",
          taxCategory: "STANDARD",
          isFeatured: false,
          attributes: [],
          options: [{ name: "Size", values: "" }],
          variants: [],
        }}
      />
    </div>
  );
}
