import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImageManager } from "@/components/admin/catalog/image-manager";
import { ProductForm } from "@/components/admin/catalog/product-form";
import {
  type AttributeRow,
  amountText,
  rowKey,
} from "@/components/admin/catalog/product-form-model";
import { can } from "@/lib/auth/authorize";
import { DEFAULT_CURRENCY } from "@/lib/catalog/currency";
import { renditionUrl } from "@/lib/catalog/images/image-store";
import { listBrands, listCategoryOptions } from "@/lib/catalog/list-products";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Edit product" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export default async function EditProductPage({ params, searchParams }: Props) {
  const { id } = await params;
  const staff = await requireStaffPage("catalog:read", `/admin/products/${id}`);
  const query = await searchParams;
  const isCreated = query.created === "1";
  const isSaved = !!query.saved;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();

  const [product, categories, brands] = await Promise.all([
    db.product.findUnique({
      where: { id },
      include: {
        variants: { orderBy: { position: "asc" } },
        images: { orderBy: { position: "asc" } },
      },
    }),
    listCategoryOptions(db),
    listBrands(db),
  ]);
  if (!product) notFound();
  const currency = product.variants[0]?.currency ?? DEFAULT_CURRENCY;
  const canWrite = can(staff, "catalog:write");

  const attributes: AttributeRow[] = (
    Array.isArray(product.attributes) ? product.attributes : []
  ).flatMap((a) => {
    const item = a as { key?: unknown; type?: unknown; value?: unknown };
    if (typeof item.key !== "string") return [];
    const type = item.type === "number" || item.type === "boolean" ? item.type : "text";
    return [{ key: item.key, type, value: String(item.value ?? "") }];
  });
  const options = product.optionNames.map((name, index) => ({
    name,
    values: [
      ...new Set(
        product.variants
          .filter((v) => v.isActive)
          .map((v) => v.optionValues[index] ?? ""),
      ),
    ]
      .filter(Boolean)
      .join(", "),
  }));

  return (
    <div className="space-y-4">
      <nav className="flex flex-wrap gap-4 text-sm">
        <Link href="/admin/products" className="text-brand-700 hover:underline">
          ← Products
        </Link>
        {product.status === "ACTIVE" && (
          <Link
            href={`/products/${product.handle}`}
            className="text-brand-700 hover:underline"
          >
            View in shop
          </Link>
        )}
        <Link
          href={`/admin/products/labels?products=${product.id}`}
          className="text-brand-700 hover:underline"
        >
          Print labels
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{product.title}</h1>
      {isCreated && (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800"
        >
          Product created. Add photos below, or keep editing.
        </p>
      )}
      {isSaved && (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800"
        >
          Saved.
        </p>
      )}
      {!canWrite && (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          You can look but not change: your role does not edit the catalogue.
        </p>
      )}
      <ImageManager
        key={product.images.map((i) => `${i.id}:${i.alt}`).join()}
        productId={product.id}
        canWrite={canWrite}
        images={product.images.map((i) => ({
          id: i.id,
          alt: i.alt,
          url: renditionUrl(i.path, i.widths.at(-1) ?? i.width),
          width: i.width,
          height: i.height,
        }))}
      />
      <ProductForm
        // A save re-reads the product (new variants get their ids) into a fresh form.
        key={product.updatedAt.toISOString()}
        mode="edit"
        productId={product.id}
        currency={currency}
        categories={categories}
        brands={brands}
        initial={{
          title: product.title,
          handle: product.handle,
          description: product.description,
          brand: product.brand ?? "",
          categoryId: product.categoryId ?? "",
          status: product.status,
          taxCategory: product.taxCategory,
          isFeatured: product.isFeatured,
          attributes,
          options,
          variants: product.variants.map((v) => ({
            key: rowKey(),
            id: v.id,
            sku: v.sku,
            barcode: v.barcode ?? "",
            optionValues: v.optionValues,
            price: amountText(v.priceMinor, v.currency),
            compareAt: amountText(v.compareAtMinor, v.currency),
            cost: amountText(v.costMinor, v.currency),
            weight: v.weightGrams === null ? "" : String(v.weightGrams),
            isActive: v.isActive,
            isSelected: false,
          })),
        }}
      />
    </div>
  );
}
