import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/storefront/breadcrumbs";
import { ProductImage } from "@/components/storefront/product-image";
import type { AvailabilityStore } from "@/components/storefront/store-availability";
import { type PickerPrice, VariantPicker } from "@/components/storefront/variant-picker";
import { db } from "@/lib/db/client";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import {
  readPickupStores,
  readProduct,
  readProductStock,
  readVariantPrices,
} from "@/lib/storefront/cached-reads";
import { pickupPromise } from "@/lib/storefront/pickup-promise";

// Cached whole (lib/next/page-cache-handler.cjs) and dropped on every
// catalogue, price, promotion, store or settings event; rendered again at
// most a minute after the last render anyway, for promotions that start or
// end on the clock and for pickup times. Stock figures on the page are only
// a first guess: the open page fetches live ones (use-live-stock.ts).
export const revalidate = 60;
// Never per request: reading cookies or headers here (anything about the
// shopper) fails the render instead of quietly making the page dynamic.
export const dynamic = "error";

/** No product is rendered at build time; each is rendered on first request and cached. */
export async function generateStaticParams(): Promise<{ handle: string }[]> {
  return [];
}

type Params = { params: Promise<{ handle: string }> };

/** Warehouses dispatch the next working day; see README "Storefront". */
const SHIPS_IN_DAYS = 1;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { handle } = await params;
  const product = await readProduct(db, handle);
  if (!product) return { title: "Product not found" };
  const description = product.description.slice(0, 155) || product.title;
  return {
    title: product.title,
    description,
    alternates: { canonical: `/products/${product.handle}` },
    openGraph: { title: product.title, description, type: "website" },
  };
}

export default async function ProductPage({ params }: Params) {
  const { handle } = await params;
  const product = await readProduct(db, handle);
  if (!product) notFound();

  const variantIds = product.variants.map((v) => v.id);
  const [stock, quotes, pickupStores] = await Promise.all([
    readProductStock(db, product.handle, variantIds),
    // The general online price: a customer's own group deals show in the bag.
    readVariantPrices(db, product.handle, variantIds),
    readPickupStores(db),
  ]);
  const { photos } = product;
  const stockById = new Map(stock.map((s) => [s.variantId, s]));
  const colourIndex = product.optionNames.findIndex((n) => /colou?r/i.test(n));
  const variants = product.variants.map((v) => ({
    ...v,
    shippable: stockById.get(v.id)?.shippable ?? 0,
    pickup: stockById.get(v.id)?.pickup ?? [],
  }));
  const prices: Record<string, PickerPrice> = {};
  for (const [id, quote] of quotes) {
    prices[id] = {
      payMinor: quote.payMinor,
      applied: quote.applied,
      nearMisses: quote.nearMisses,
    };
  }
  const now = new Date();
  const stores: AvailabilityStore[] = pickupStores.map((s) => {
    const hours = readWeeklyHours(s.openingHours);
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      city: s.city,
      address: `${s.addressLine1}, ${s.city} ${s.postalCode}`,
      latitude: s.latitude,
      longitude: s.longitude,
      when: pickupPromise(s, now),
      hours: Object.keys(hours).length > 0 ? describeWeeklyHours(hours) : null,
    };
  });
  const attributes = Array.isArray(product.attributes)
    ? (product.attributes as { key?: string; value?: unknown }[])
    : [];

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:py-10">
      <script
        type="application/ld+json"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD, escaped below
        dangerouslySetInnerHTML={{ __html: productJsonLd(product, variants, prices) }}
      />
      <Breadcrumbs
        className="mb-4"
        trail={[product.category?.parent, product.category].flatMap((category) =>
          category
            ? [{ name: category.name, href: `/categories/${category.handle}` }]
            : [],
        )}
      />
      <div className="grid grid-cols-1 gap-8 md:grid-cols-2">
        <div>
          <ProductImage
            photo={photos[0]}
            title={product.title}
            seed={product.handle}
            colour={
              colourIndex >= 0
                ? product.variants[0]?.optionValues[colourIndex]
                : undefined
            }
            size="hero"
            isPriority
          />
          {photos.length > 1 && (
            <ul aria-label="More photos" className="mt-3 grid grid-cols-4 gap-2">
              {photos.slice(1).map((photo) => (
                <li key={photo.path}>
                  <ProductImage
                    photo={photo}
                    title={product.title}
                    seed={product.handle}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          {product.brand && (
            <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">
              {product.brand}
            </p>
          )}
          <h1 className="mt-1 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-3xl">
            {product.title}
          </h1>
          <VariantPicker
            optionNames={product.optionNames}
            variants={variants}
            prices={prices}
            stores={stores}
            shipsInDays={SHIPS_IN_DAYS}
          />
          {product.description && (
            <div className="mt-8 whitespace-pre-line leading-relaxed text-ink/80">
              {product.description}
            </div>
          )}
          {attributes.length > 0 && (
            <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              {attributes.map((a) => (
                <div key={String(a.key)} className="contents">
                  <dt className="font-medium capitalize">
                    {String(a.key).replaceAll("_", " ")}
                  </dt>
                  <dd className="text-ink/70">
                    {typeof a.value === "boolean"
                      ? a.value
                        ? "Yes"
                        : "No"
                      : String(a.value)}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </div>
  );
}

/** schema.org Product with one Offer per variant, its price and availability. */
function productJsonLd(
  product: { title: string; description: string; brand: string | null; handle: string },
  variants: {
    id: string;
    sku: string;
    priceMinor: number;
    currency: string;
    shippable: number;
    pickup: { available: number }[];
  }[],
  prices: Record<string, PickerPrice>,
): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    ...(product.brand ? { brand: { "@type": "Brand", name: product.brand } } : {}),
    offers: variants.map((v) => ({
      "@type": "Offer",
      sku: v.sku,
      price: ((prices[v.id]?.payMinor ?? v.priceMinor) / 100).toFixed(2),
      priceCurrency: v.currency,
      availability:
        v.shippable > 0 || v.pickup.some((p) => p.available > 0)
          ? "https://schema.org/InStock"
          : "https://schema.org/OutOfStock",
      url: `/products/${product.handle}`,
    })),
  };
  // "<" escaped so a title can never close the script element.
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
