import type { CartLine, ItemSet, ItemTarget } from "./schemas";

interface CompiledSet {
  categoryIds: ReadonlySet<string>;
  collectionIds: ReadonlySet<string>;
  productIds: ReadonlySet<string>;
  variantIds: ReadonlySet<string>;
  isEmpty: boolean;
}

interface CompiledTarget {
  isAll: boolean;
  include: CompiledSet;
  exclude: CompiledSet;
}

// Promotions are often the same objects from one call to the next (the POS
// keeps them in memory), so their id sets are built once per target.
const compiled = new WeakMap<ItemTarget, CompiledTarget>();

/** True when a line is discountable and in the target (and not excluded). */
export function matchesTarget(line: CartLine, target: ItemTarget): boolean {
  if (!line.isDiscountable) return false;

  const { isAll, include, exclude } = compile(target);
  if (!exclude.isEmpty && isInSet(line, exclude)) return false;
  return isAll || isInSet(line, include);
}

function compile(target: ItemTarget): CompiledTarget {
  let result = compiled.get(target);
  if (!result) {
    result = {
      isAll: target.scope === "all",
      include: compileSet(target),
      exclude: compileSet(target.exclude),
    };
    compiled.set(target, result);
  }
  return result;
}

function compileSet(set: ItemSet): CompiledSet {
  return {
    categoryIds: new Set(set.categoryIds),
    collectionIds: new Set(set.collectionIds),
    productIds: new Set(set.productIds),
    variantIds: new Set(set.variantIds),
    isEmpty:
      set.categoryIds.length + set.collectionIds.length + set.productIds.length === 0 &&
      set.variantIds.length === 0,
  };
}

function isInSet(line: CartLine, set: CompiledSet): boolean {
  return (
    set.variantIds.has(line.variantId) ||
    set.productIds.has(line.productId) ||
    line.categoryIds.some((id) => set.categoryIds.has(id)) ||
    line.collectionIds.some((id) => set.collectionIds.has(id))
  );
}
