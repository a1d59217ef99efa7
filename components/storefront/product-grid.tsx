import { ProductCard, type ProductCardData } from "./product-card";

/** Two columns on a phone, four on a desktop; the first row loads eagerly. */
export function ProductGrid({ products }: { products: ProductCardData[] }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 lg:grid-cols-3 xl:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.handle}>
          <ProductCard product={product} isPriority={index < 4} />
        </li>
      ))}
    </ul>
  );
}
