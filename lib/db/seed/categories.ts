/** A demo category; children name their parent's handle. */
export interface CategorySpec {
  handle: string;
  name: string;
  parent?: string;
}

export const CATEGORY_SPECS: readonly CategorySpec[] = [
  { handle: "women", name: "Women" },
  { handle: "women-tops", name: "Tops & T-shirts", parent: "women" },
  { handle: "women-knitwear", name: "Knitwear", parent: "women" },
  { handle: "women-dresses", name: "Dresses & Skirts", parent: "women" },
  { handle: "women-trousers", name: "Trousers & Jeans", parent: "women" },
  { handle: "women-outerwear", name: "Coats & Jackets", parent: "women" },
  { handle: "men", name: "Men" },
  { handle: "men-tshirts", name: "T-shirts & Polos", parent: "men" },
  { handle: "men-shirts", name: "Shirts", parent: "men" },
  { handle: "men-knitwear", name: "Knitwear", parent: "men" },
  { handle: "men-trousers", name: "Trousers & Jeans", parent: "men" },
  { handle: "men-outerwear", name: "Coats & Jackets", parent: "men" },
  { handle: "accessories", name: "Accessories" },
  {
    handle: "accessories-scarves-hats",
    name: "Scarves, Hats & Gloves",
    parent: "accessories",
  },
  { handle: "accessories-bags", name: "Bags", parent: "accessories" },
  { handle: "home", name: "Home" },
  { handle: "home-bedding", name: "Bedding", parent: "home" },
  { handle: "home-bath", name: "Bath", parent: "home" },
  { handle: "home-kitchen", name: "Kitchen & Dining", parent: "home" },
  { handle: "home-living", name: "Cushions, Throws & Rugs", parent: "home" },
  { handle: "home-fragrance", name: "Candles & Fragrance", parent: "home" },
];
