import Link from "next/link";
import { formatPriceRange } from "@/components/ui/format";
import { ProductImage, type ProductPhoto } from "./product-image";

export interface ProductCardData {
  handle: string;
  title: string;
  optionNames: string[];
  category: { name: string } | null;
  /** The first photo, when one was uploaded. */
  images?: ProductPhoto[];
  variants: {
    priceMinor: number;
    compareAtMinor: number | null;
    currency: string;
    optionValues: string[];
  }[];
}

function firstColour(product: ProductCardData): string | undefined {
  const index = product.optionNames.findIndex((n) => /colou?r/i.test(n));
  return index >= 0 ? product.variants[0]?.optionValues[index] : undefined;
}

/** A product in a grid: its picture, title, category and price range. */
export function ProductCard({
  product,
  isPriority = false,
}: {
  product: ProductCardData;
  /** Above the fold: load its picture first. */
  isPriority?: boolean;
}) {
  const currency = product.variants[0]?.currency ?? "GBP";
  const prices = product.variants.map((v) => v.priceMinor);
  const isOnSale = product.variants.some(
    (v) => v.compareAtMinor !== null && v.compareAtMinor > v.priceMinor,
  );
  return (
    <Link
      href={`/products/${product.handle}`}
      className="group block rounded-xl focus-visible:outline-2"
    >
      <ProductImage
        photo={product.images?.[0]}
        title={product.title}
        seed={product.handle}
        colour={firstColour(product)}
        isPriority={isPriority}
      />
      {/* Title, category, then price, stacked: a price range beside the title
          leaves a phone's half-width card no room for either. */}
      <div className="mt-3 min-w-0">
        <h3 className="font-medium leading-snug [overflow-wrap:anywhere] group-hover:underline">
          {product.title}
        </h3>
        {product.category && (
          <p className="text-sm text-ink/70">{product.category.name}</p>
        )}
        <p className="mt-1">
          <span className={isOnSale ? "font-semibold text-red-700" : "font-medium"}>
            {formatPriceRange(prices, currency)}
          </span>
          {isOnSale && (
            <span className="ml-2 text-xs font-medium text-red-700">Sale</span>
          )}
        </p>
      </div>
    </Link>
  );
}
