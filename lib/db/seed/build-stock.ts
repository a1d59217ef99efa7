import type { Prisma } from "../generated/client";
import type { VariantInfo } from "./build-catalog";
import type { LocationSpec } from "./locations";
import { SeededRandom, seedId } from "./random";
import { daysBefore } from "./time";

type LevelRow = Prisma.InventoryLevelCreateManyInput & {
  onHand: number;
  updatedAt: Date;
};
type MovementRow = Prisma.StockMovementCreateManyInput & { id: string };

/** A location as the stock and order builders see it. */
export interface SeedLocation {
  id: string;
  spec: LocationSpec;
  /** Who signs for deliveries here, as a movement's actor. */
  receiverActor: string;
}

// Typical units per variant at each location before size and price shape
// them: the Midlands warehouse feeds most of the country.
const BASE_UNITS: Readonly<Record<string, number>> = {
  "WH-MID": 40,
  "WH-NTH": 24,
  "STR-LDN": 8,
  "STR-MAN": 7,
  "STR-EDI": 5,
  "DRK-LDN": 9,
  "POP-KXC": 6,
};

// The share of ranged variants that have sold through at each kind of
// location by the time the demo starts.
const EMPTY_SHARE: Readonly<Record<string, number>> = {
  WAREHOUSE: 0.04,
  STORE: 0.1,
  DARK_STORE: 0.12,
  POPUP: 0.08,
};

// Retail buys follow the size curve: fewer of the outer sizes.
const SIZE_CURVE: Readonly<Record<string, number>> = {
  XS: 0.5,
  S: 0.85,
  M: 1.25,
  L: 1.1,
  XL: 0.75,
  XXL: 0.45,
  "8": 0.6,
  "10": 1,
  "12": 1.25,
  "14": 1,
  "16": 0.6,
  "30": 0.7,
  "32": 1.2,
  "34": 1.1,
  "36": 0.7,
  Single: 0.7,
  Double: 1.2,
  King: 1.1,
  "Super King": 0.6,
};

/** When a location's opening stock and later top-up arrived. */
function receiptDays(spec: LocationSpec): { opening: number; topUp: number } {
  // The pop-up opened recently; everywhere else took the autumn range in early September.
  return spec.kind === "POPUP" ? { opening: 44, topUp: 38 } : { opening: 62, topUp: 50 };
}

/**
 * The stock ledger being built: inventory levels and the movements behind
 * them, kept in step so that every level's onHand is the sum of its
 * movements, and never negative.
 */
export class StockBook {
  readonly levels = new Map<string, LevelRow>();
  readonly movements: MovementRow[] = [];

  constructor(private readonly seed: number) {}

  private key(variantId: string, locationId: string): string {
    return `${variantId}|${locationId}`;
  }

  /** Ranges a variant at a location: a level row, at first empty. */
  open(
    variantId: string,
    locationId: string,
    at: Date,
    settings: Partial<LevelRow>,
  ): void {
    this.levels.set(this.key(variantId, locationId), {
      variantId,
      locationId,
      onHand: 0,
      reserved: 0,
      safetyStock: 0,
      reorderPoint: 0,
      bin: null,
      ...settings,
      updatedAt: at,
    });
  }

  onHand(variantId: string, locationId: string): number {
    return this.levels.get(this.key(variantId, locationId))?.onHand ?? 0;
  }

  /** Appends a movement and moves the level with it. */
  move(movement: Omit<MovementRow, "id"> & { name: string; createdAt: Date }): void {
    const level = this.levels.get(this.key(movement.variantId, movement.locationId));
    if (!level)
      throw new Error(`No level for ${movement.variantId} at ${movement.locationId}`);
    if (level.onHand + movement.quantity < 0) {
      throw new Error(`Demo stock would go negative for ${movement.variantId}`);
    }

    const { name, ...row } = movement;
    this.movements.push({
      ...row,
      id: seedId(this.seed, `movement:${name}`, row.createdAt),
    });
    level.onHand += movement.quantity;
    if (row.createdAt > level.updatedAt) level.updatedAt = row.createdAt;
  }
}

/** Which locations carry a product, given its status, size and price. */
function rangedAt(
  variant: VariantInfo,
  locations: readonly SeedLocation[],
  random: SeededRandom,
): SeedLocation[] {
  const { spec } = variant;
  if (spec.status === "ARCHIVED")
    return locations.filter((l) => l.spec.code === "WH-NTH");
  if (spec.status === "DRAFT") return locations.filter((l) => l.spec.code === "WH-MID");

  return locations.filter((location) => {
    switch (location.spec.code) {
      case "WH-MID":
      case "STR-LDN":
      case "STR-MAN":
        return true;
      case "WH-NTH":
        return random.chance(0.9);
      case "STR-EDI":
        return !spec.isBulky && random.chance(0.75);
      case "DRK-LDN":
        return !spec.isBulky && spec.priceGbp < 150 && random.chance(0.65);
      case "POP-KXC":
        return spec.isPopupRange === true;
      default:
        return false;
    }
  });
}

/** Units a location starts with, shaped by the size curve and the price. */
function startingUnits(
  variant: VariantInfo,
  location: SeedLocation,
  random: SeededRandom,
): number {
  const { spec } = variant;
  if (spec.status === "ARCHIVED") return random.int(0, 3);
  if (random.chance(EMPTY_SHARE[location.spec.kind] ?? 0)) return 0;

  const base = BASE_UNITS[location.spec.code] ?? 0;
  const sizeFactor = variant.size ? (SIZE_CURVE[variant.size] ?? 1) : 1;
  const price = variant.row.priceMinor / 100;
  const priceFactor = price >= 150 ? 0.4 : price >= 80 ? 0.7 : price < 20 ? 1.6 : 1;
  return Math.round(base * sizeFactor * priceFactor * (0.4 + random.next() * 1.2));
}

function levelSettings(
  variant: VariantInfo,
  location: SeedLocation,
  random: SeededRandom,
): Partial<LevelRow> {
  const kind = location.spec.kind;
  const isFastSeller = variant.size === "M" || variant.size === "12" || !variant.size;

  if (kind === "WAREHOUSE") {
    // One bay per style, one shelf per variant: pickers walk a product once.
    const style = Number(variant.spec.code.slice(-3));
    const aisle = String.fromCharCode(65 + (style % 8));
    const bay = String((style % 24) + 1).padStart(2, "0");
    const shelf = String(variant.row.position ?? 0).padStart(2, "0");
    const hasPlan = random.chance(0.3);
    return {
      bin: `${location.spec.code === "WH-MID" ? "M" : "N"}-${aisle}${bay}-${shelf}`,
      reorderPoint: hasPlan ? random.int(10, 25) : 0,
      safetyStock: hasPlan && random.chance(0.6) ? random.int(2, 5) : 0,
    };
  }
  if (kind === "DARK_STORE") {
    const bay = String(random.int(1, 40)).padStart(2, "0");
    return {
      bin: `D${bay}-${String(variant.row.position ?? 0).padStart(2, "0")}`,
      reorderPoint: random.chance(0.4) ? 4 : 0,
      // A unit held back so a 30-minute promise is never broken by a miscount.
      safetyStock: random.chance(0.25) ? 1 : 0,
    };
  }
  if (kind === "STORE" && isFastSeller && random.chance(0.4)) {
    return { reorderPoint: random.int(2, 4), safetyStock: random.chance(0.4) ? 1 : 0 };
  }
  return {};
}

/**
 * Ranges every variant at its locations and receives its opening stock as
 * RECEIPT movements: one goods-in per location and day, with a top-up for
 * some lines a couple of weeks later.
 */
export function buildStock(
  seed: number,
  variants: readonly VariantInfo[],
  locations: readonly SeedLocation[],
): StockBook {
  const random = new SeededRandom(seed ^ 0x57c0c4);
  const book = new StockBook(seed);

  // A few popular variants have sold out online: nothing left at any
  // location that ships, though stores may still have one on the shelf.
  const soldOutOnline = new Set(
    random
      .sample(
        variants.filter((v) => v.isSellable && v.size === "M"),
        4,
      )
      .map((v) => v.row.id),
  );

  // Ranging is decided per product: a store carries a style in every size.
  const ranges = new Map<string, SeedLocation[]>();
  for (const variant of variants) {
    let range = ranges.get(variant.productId);
    if (!range) {
      range = rangedAt(variant, locations, random);
      ranges.set(variant.productId, range);
    }

    for (const location of range) {
      const { opening, topUp } = receiptDays(location.spec);
      // Draft lines arrived at the warehouse ahead of launch.
      const openingAt =
        variant.spec.status === "DRAFT"
          ? daysBefore(3, 7, 30)
          : daysBefore(opening, 7, 30);
      book.open(
        variant.row.id,
        location.id,
        openingAt,
        levelSettings(variant, location, random),
      );

      const isOnlineSoldOut = soldOutOnline.has(variant.row.id) && location.spec.canShip;
      const units = isOnlineSoldOut ? 0 : startingUnits(variant, location, random);
      if (units === 0) continue;

      const isToppedUp = units >= 6 && variant.isSellable && random.chance(0.4);
      const first = isToppedUp ? Math.ceil(units * (0.55 + random.next() * 0.2)) : units;
      const dated = (at: Date) => at.toISOString().slice(0, 10).replace(/-/g, "");
      const receipt = (quantity: number, at: Date, note: string, n: number) =>
        book.move({
          name: `receipt:${variant.row.sku}:${location.spec.code}:${n}`,
          variantId: variant.row.id,
          locationId: location.id,
          quantity,
          reason: "RECEIPT",
          sourceType: "receipt",
          sourceId: `GRN-${location.spec.code}-${dated(at)}`,
          note,
          actor: location.receiverActor,
          createdAt: at,
        });

      receipt(first, openingAt, "Opening stock, autumn/winter range", 1);
      if (isToppedUp) {
        receipt(units - first, daysBefore(topUp, 8), "Supplier delivery", 2);
      }
    }
  }
  return book;
}
