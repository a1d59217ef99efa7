import { renditionUrl } from "@/lib/catalog/images/image-store";
import { ProductArt } from "./product-art";

/** A stored product photo: its renditions (largest first) and its size. */
export interface ProductPhoto {
  path: string;
  alt: string;
  width: number;
  height: number;
  widths: number[];
}

/**
 * A product's photo at the right size for the screen, from the stored WebP
 * renditions, with its width and height set so nothing moves as it loads;
 * the colour-field art stands in until a photo is uploaded.
 */
export function ProductImage({
  photo,
  title,
  seed,
  colour,
  size = "card",
  isPriority = false,
}: {
  photo: ProductPhoto | undefined;
  title: string;
  seed: string;
  colour?: string;
  size?: "card" | "hero";
  isPriority?: boolean;
}) {
  if (!photo || photo.widths.length === 0) {
    return <ProductArt title={title} seed={seed} colour={colour} size={size} />;
  }
  const widths = [...photo.widths].sort((a, b) => a - b);
  const srcSet = widths.map((w) => `${renditionUrl(photo.path, w)} ${w}w`).join(", ");
  const fallback =
    widths.find((w) => w >= (size === "hero" ? 800 : 400)) ?? widths.at(-1);
  return (
    // biome-ignore lint/performance/noImgElement: the renditions are already resized WebP; next/image would encode them again
    <img
      src={renditionUrl(photo.path, fallback ?? photo.width)}
      srcSet={srcSet}
      sizes={
        size === "hero"
          ? "(min-width: 768px) 50vw, 100vw"
          : "(min-width: 768px) 25vw, 50vw"
      }
      alt={photo.alt || title}
      width={photo.width}
      height={photo.height}
      loading={isPriority ? "eager" : "lazy"}
      fetchPriority={isPriority ? "high" : "auto"}
      decoding="async"
      className="aspect-[4/5] w-full rounded-xl bg-white object-cover"
    />
  );
}
