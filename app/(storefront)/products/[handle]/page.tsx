import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductArt } from "@/components/storefront/product-art";
import { VariantPicker } from "@/components/storefront/variant-picker";
import { findProductByHandle } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";
import { availabilityForVariants } from "@/lib/inventory/availability";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { handle } = await params;
  const product = await findProductByHandle(db, handle);
  return { title: product?.title ?? "Product not found" };
}

export default async function ProductPage({ params }: Params) {
  const { handle } = await params;
  const product = await findProductByHandle(db, handle);
  if (!product) notFound();

  const availability = await availabilityForVariants(
    db,
    product.variants.map((v) => v.id),
  );
  const colourIndex = product.optionNames.findIndex((n) => /colou?r/i.test(n));
  const variants = product.variants.map((v) => {
    const stock = availability.get(v.id);
    return {
      ...v,
      shippable: stock?.shippable ?? 0,
      pickup: (stock?.byLocation ?? [])
        .filter((l) => l.canPickup)
        .map((l) => ({ name: l.locationName, city: l.city, available: l.available })),
    };
  });
  const attributes = Array.isArray(product.attributes)
    ? (product.attributes as { key?: string; value?: unknown }[])
    : [];

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink/60">
        <Link href="/" className="hover:underline">
          Home
        </Link>
        {product.category?.parent && <span> / {product.category.parent.name}</span>}
        {product.category && <span> / {product.category.name}</span>}
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <ProductArt
          title={product.title}
          seed={product.handle}
          colour={
            colourIndex >= 0 ? product.variants[0]?.optionValues[colourIndex] : undefined
          }
          size="hero"
        />
        <div>
          {product.brand && (
            <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">
              {product.brand}
            </p>
          )}
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
            {product.title}
          </h1>
          <VariantPicker optionNames={product.optionNames} variants={variants} />
          {product.description && (
            <div className="mt-8 whitespace-pre-line leading-relaxed text-ink/80">
              {product.description}
            </div>
          )}
          {attributes.length > 0 && (
            <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              {attributes.map((a) => (
                <div key={String(a.key)} className="contents">
                  <dt className="font-medium capitalize">{String(a.key)}</dt>
                  <dd className="text-ink/70">{String(a.value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </div>
  );
}
