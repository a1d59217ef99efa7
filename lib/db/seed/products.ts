/** A typed key-value stored in Product.attributes. */
export type ProductAttribute =
  | { key: string; type: "text"; value: string }
  | { key: string; type: "number"; value: number }
  | { key: string; type: "boolean"; value: boolean };

/** A demo product; its variants are the matrix of its sizes and colours. */
export interface ProductSpec {
  /** Style code: the start of every SKU of the product. */
  code: string;
  title: string;
  category: string;
  brand: string;
  description: string;
  attributes: ProductAttribute[];
  sizes?: readonly string[];
  colours?: readonly string[];
  /** What the second option is called when it is not a colour. */
  colourLabel?: "Colour" | "Scent";
  /** Tax-inclusive price in pounds, before any sale. */
  priceGbp: number;
  /** Per-size prices in pounds, aligned with `sizes` (bedding, rugs). */
  sizePricesGbp?: readonly number[];
  /** Marked down by this percentage; the full price becomes compare-at. */
  salePercent?: number;
  /** Weight of the smallest variant in grams. */
  weightGrams: number;
  status?: "DRAFT" | "ARCHIVED";
  isFeatured?: boolean;
  /** Too big for the dark store's shelves and the smallest store. */
  isBulky?: boolean;
  /** Part of the King's Cross pop-up's small gifting range. */
  isPopupRange?: boolean;
}

const text = (key: string, value: string): ProductAttribute => ({
  key,
  type: "text",
  value,
});
const num = (key: string, value: number): ProductAttribute => ({
  key,
  type: "number",
  value,
});
const flag = (key: string, value: boolean): ProductAttribute => ({
  key,
  type: "boolean",
  value,
});

const WOMEN_ALPHA = ["XS", "S", "M", "L", "XL"] as const;
const WOMEN_UK = ["8", "10", "12", "14", "16"] as const;
const MEN_ALPHA = ["S", "M", "L", "XL", "XXL"] as const;
const WAIST = ["30", "32", "34", "36"] as const;
const BED = ["Single", "Double", "King", "Super King"] as const;

const OWN = "Alder & Finch";
const OWN_HOME = "Alder & Finch Home";
const FELLSIDE = "Fellside";
const MARRAM = "Marram & Co.";

const WASH_30 = "Machine wash at 30°C. Do not tumble dry. Reshape and dry flat.";
const WOOL_CARE = "Hand wash cold or dry clean. Dry flat away from direct heat.";

export const PRODUCT_SPECS: readonly ProductSpec[] = [
  // Women ------------------------------------------------------------------
  {
    code: "WTS101",
    title: "Organic Cotton Crew Tee",
    category: "women-tops",
    brand: OWN,
    description:
      "The tee we reach for first: a soft, mid-weight organic cotton jersey with a " +
      "clean crew neck and a slightly relaxed body. Cut to skim rather than cling, " +
      "and pre-washed so it keeps its shape.",
    attributes: [
      text("material", "100% organic cotton, 180 gsm jersey"),
      text("care", "Machine wash at 40°C. Tumble dry low."),
      text("fit", "Relaxed; true to size"),
      text("origin", "Made in Portugal"),
      flag("organic", true),
    ],
    sizes: WOMEN_ALPHA,
    colours: ["White", "Black", "Sage"],
    priceGbp: 18,
    weightGrams: 160,
    isFeatured: true,
  },
  {
    code: "WTS102",
    title: "Breton Stripe Top",
    category: "women-tops",
    brand: OWN,
    description:
      "A heavyweight cotton Breton with a boat neck, three-quarter sleeves and " +
      "stripes knitted in rather than printed, so they stay crisp wash after wash.",
    attributes: [
      text("material", "100% cotton interlock"),
      text("care", "Machine wash at 30°C. Cool iron on the reverse."),
      text("fit", "Regular"),
      text("origin", "Made in Portugal"),
    ],
    sizes: WOMEN_ALPHA,
    colours: ["Navy/Ecru", "Red/Ecru"],
    priceGbp: 32,
    weightGrams: 240,
  },
  {
    code: "WTS103",
    title: "Linen Relaxed Shirt",
    category: "women-tops",
    brand: OWN,
    description:
      "Washed European linen in an easy, dropped-shoulder shape with a curved hem " +
      "that works tucked or loose. It softens with every wear.",
    attributes: [
      text("material", "100% European flax linen"),
      text("care", "Machine wash at 30°C. Line dry; iron while damp."),
      text("fit", "Oversized; size down for a closer fit"),
      text("origin", "Made in Lithuania"),
    ],
    sizes: WOMEN_ALPHA,
    colours: ["White", "Sky Blue"],
    priceGbp: 55,
    salePercent: 30,
    weightGrams: 210,
  },
  {
    code: "WKN201",
    title: "Merino Crew Jumper",
    category: "women-knitwear",
    brand: OWN,
    description:
      "Fine-gauge extra-fine merino that is warm without bulk and never itchy. " +
      "Ribbed cuffs and hem, and a neat crew neck that layers over a collar.",
    attributes: [
      text("material", "100% extra-fine merino wool, 16.5 micron"),
      text("care", WOOL_CARE),
      text("fit", "Regular"),
      text("origin", "Knitted in Italy"),
      flag("mulesing_free", true),
    ],
    sizes: WOMEN_ALPHA,
    colours: ["Oatmeal", "Navy", "Forest"],
    priceGbp: 69,
    weightGrams: 260,
    isFeatured: true,
    isPopupRange: true,
  },
  {
    code: "WKN202",
    title: "Cashmere Blend Cardigan",
    category: "women-knitwear",
    brand: OWN,
    description:
      "A slouchy V-neck cardigan in a wool and cashmere blend, finished with " +
      "horn-effect buttons and patch pockets deep enough to be useful.",
    attributes: [
      text("material", "70% wool, 30% cashmere"),
      text("care", WOOL_CARE),
      text("fit", "Relaxed"),
      text("origin", "Knitted in Scotland"),
    ],
    sizes: ["S", "M", "L"],
    colours: ["Camel", "Charcoal"],
    priceGbp: 95,
    weightGrams: 420,
  },
  {
    code: "WKN203",
    title: "Chunky Cable Knit Jumper",
    category: "women-knitwear",
    brand: OWN,
    description:
      "Our winter cable, knitted from undyed British wool in a generous shape " +
      "with a high ribbed neck. Arriving for the cold months.",
    attributes: [
      text("material", "100% British wool"),
      text("care", WOOL_CARE),
      text("fit", "Oversized"),
      text("origin", "Knitted in England"),
    ],
    sizes: ["S", "M", "L"],
    colours: ["Cream"],
    priceGbp: 85,
    weightGrams: 780,
    status: "DRAFT",
  },
  {
    code: "WDR301",
    title: "Midi Wrap Dress",
    category: "women-dresses",
    brand: OWN,
    description:
      "A true wrap that ties at the waist, in a fluid crepe that moves well and " +
      "resists creasing. Long sleeves with a buttoned cuff; falls just below the knee.",
    attributes: [
      text("material", "100% recycled polyester crepe"),
      text("care", WASH_30),
      text("fit", "True to size; adjustable at the waist"),
      text("origin", "Made in Turkey"),
      flag("recycled", true),
    ],
    sizes: WOMEN_UK,
    colours: ["Rust", "Navy Floral"],
    priceGbp: 75,
    weightGrams: 340,
  },
  {
    code: "WDR302",
    title: "Cord Pinafore Dress",
    category: "women-dresses",
    brand: OWN,
    description:
      "Needlecord in a deep olive with adjustable straps, a square bib and two " +
      "front pockets. Layer it over a tee now and a jumper later.",
    attributes: [
      text("material", "100% cotton needlecord"),
      text("care", WASH_30),
      text("fit", "Straight"),
      text("origin", "Made in India"),
    ],
    sizes: WOMEN_UK,
    colours: ["Olive"],
    priceGbp: 59,
    weightGrams: 520,
  },
  {
    code: "WDR303",
    title: "Pleated Midi Skirt",
    category: "women-dresses",
    brand: OWN,
    description:
      "Sunray pleats that swing as you walk, on a comfortable elasticated back " +
      "waistband. Fully lined and opaque.",
    attributes: [
      text("material", "100% recycled polyester; lining 100% viscose"),
      text("care", "Machine wash at 30°C on a delicate cycle. Hang to dry."),
      text("fit", "High waisted"),
      text("origin", "Made in Turkey"),
    ],
    sizes: WOMEN_UK,
    colours: ["Black", "Moss"],
    priceGbp: 49,
    salePercent: 20,
    weightGrams: 280,
  },
  {
    code: "WTR401",
    title: "Straight Leg Jeans",
    category: "women-trousers",
    brand: OWN,
    description:
      "A high-rise, straight-leg jean in rigid organic denim that gives just " +
      "enough after the first wear. Full length, with a clean hem.",
    attributes: [
      text("material", "100% organic cotton denim, 12 oz"),
      text("care", "Wash inside out at 30°C. Line dry."),
      text("fit", "High rise, straight leg, 30 in inside leg"),
      text("origin", "Made in Turkey"),
      flag("organic", true),
    ],
    sizes: WOMEN_UK,
    colours: ["Mid Wash", "Black"],
    priceGbp: 65,
    weightGrams: 620,
  },
  {
    code: "WTR402",
    title: "Wide Leg Linen Trousers",
    category: "women-trousers",
    brand: OWN,
    description:
      "Breezy wide-leg trousers in garment-dyed linen with a drawstring waist and " +
      "deep side pockets. As happy on a beach as in an office.",
    attributes: [
      text("material", "100% linen"),
      text("care", "Machine wash at 30°C. Line dry; iron while damp."),
      text("fit", "Mid rise, wide leg"),
      text("origin", "Made in Lithuania"),
    ],
    sizes: WOMEN_UK,
    colours: ["Natural"],
    priceGbp: 59,
    salePercent: 25,
    weightGrams: 380,
  },
  {
    code: "WOW501",
    title: "Wool Blend Car Coat",
    category: "women-outerwear",
    brand: OWN,
    description:
      "A hip-length car coat in a dense Italian wool blend, with a concealed " +
      "placket, a small collar and a quilted lining that keeps the wind out.",
    attributes: [
      text("material", "80% wool, 20% polyamide; lining 100% recycled polyester"),
      text("care", "Dry clean only."),
      text("fit", "Regular; room for a jumper underneath"),
      text("origin", "Made in Romania"),
    ],
    sizes: WOMEN_UK,
    colours: ["Camel", "Black"],
    priceGbp: 189,
    weightGrams: 1350,
    isFeatured: true,
  },
  {
    code: "WOW502",
    title: "Quilted Gilet",
    category: "women-outerwear",
    brand: OWN,
    description:
      "Lightweight diamond quilting with recycled insulation, a stand collar and " +
      "zipped hand pockets. Packs into its own pocket for travel.",
    attributes: [
      text("material", "Shell and filling 100% recycled polyester"),
      text("care", WASH_30),
      text("fit", "Regular"),
      text("origin", "Made in Vietnam"),
      flag("recycled", true),
    ],
    sizes: WOMEN_ALPHA,
    colours: ["Navy"],
    priceGbp: 79,
    weightGrams: 330,
  },
  {
    code: "WOW503",
    title: "Waxed Cotton Field Jacket",
    category: "women-outerwear",
    brand: FELLSIDE,
    description:
      "Made for wet walks: British waxed cotton with a cord collar, a tartan " +
      "lining and four bellows pockets. Rewax once a season and it will last decades.",
    attributes: [
      text("material", "100% cotton, paraffin waxed; lining 100% cotton"),
      text("care", "Sponge clean with cold water. Do not wash or dry clean."),
      text("fit", "Regular"),
      text("origin", "Made in England"),
    ],
    sizes: ["S", "M", "L", "XL"],
    colours: ["Olive"],
    priceGbp: 149,
    weightGrams: 1200,
  },

  // Men --------------------------------------------------------------------
  {
    code: "MTS101",
    title: "Heavyweight Cotton Tee",
    category: "men-tshirts",
    brand: OWN,
    description:
      "A boxy, heavyweight tee with a thick ribbed collar that holds its shape. " +
      "Combed cotton, pre-shrunk and garment dyed for a lived-in colour.",
    attributes: [
      text("material", "100% combed cotton, 240 gsm"),
      text("care", "Machine wash at 40°C. Tumble dry low."),
      text("fit", "Boxy; size down for a regular fit"),
      text("origin", "Made in Portugal"),
    ],
    sizes: MEN_ALPHA,
    colours: ["White", "Navy", "Charcoal"],
    priceGbp: 22,
    weightGrams: 230,
  },
  {
    code: "MTS102",
    title: "Piqué Polo Shirt",
    category: "men-tshirts",
    brand: OWN,
    description:
      "A classic two-button polo in breathable cotton piqué, with a flat-knit " +
      "collar and a longer back hem that stays tucked.",
    attributes: [
      text("material", "100% cotton piqué"),
      text("care", "Machine wash at 40°C. Cool iron."),
      text("fit", "Regular"),
      text("origin", "Made in Portugal"),
    ],
    sizes: MEN_ALPHA,
    colours: ["Navy", "Bottle Green"],
    priceGbp: 39,
    salePercent: 20,
    weightGrams: 250,
  },
  {
    code: "MSH201",
    title: "Oxford Shirt",
    category: "men-shirts",
    brand: OWN,
    description:
      "Our best-selling shirt: a sturdy Oxford cloth with a soft button-down " +
      "collar, a box pleat at the back and a chest pocket. Gets better with age.",
    attributes: [
      text("material", "100% cotton Oxford cloth"),
      text("care", "Machine wash at 40°C. Iron while damp."),
      text("fit", "Regular"),
      text("origin", "Made in Portugal"),
    ],
    sizes: MEN_ALPHA,
    colours: ["White", "Blue"],
    priceGbp: 55,
    weightGrams: 290,
    isFeatured: true,
  },
  {
    code: "MSH202",
    title: "Brushed Flannel Check Shirt",
    category: "men-shirts",
    brand: OWN,
    description:
      "Double-brushed cotton flannel in a muted autumn check. Warm enough to " +
      "wear open as a light layer, with a curved hem and two flap pockets.",
    attributes: [
      text("material", "100% cotton flannel"),
      text("care", "Machine wash at 30°C. Tumble dry low."),
      text("fit", "Regular"),
      text("origin", "Made in India"),
    ],
    sizes: MEN_ALPHA,
    colours: ["Red Check", "Green Check"],
    priceGbp: 59,
    weightGrams: 360,
  },
  {
    code: "MSH203",
    title: "Linen Short-Sleeve Shirt",
    category: "men-shirts",
    brand: OWN,
    description:
      "A camp-collar shirt in washed linen from last summer's collection. " +
      "No longer available to order.",
    attributes: [
      text("material", "100% linen"),
      text("care", "Machine wash at 30°C. Line dry."),
      text("fit", "Relaxed"),
      text("origin", "Made in Lithuania"),
    ],
    sizes: ["S", "M", "L", "XL"],
    colours: ["Sand"],
    priceGbp: 45,
    weightGrams: 200,
    status: "ARCHIVED",
  },
  {
    code: "MKN301",
    title: "Lambswool Crew Jumper",
    category: "men-knitwear",
    brand: OWN,
    description:
      "Spun and knitted in the Scottish Borders from soft lambswool, with a " +
      "saddle shoulder for ease of movement. A jumper to keep for years.",
    attributes: [
      text("material", "100% lambswool"),
      text("care", WOOL_CARE),
      text("fit", "Regular"),
      text("origin", "Knitted in Scotland"),
    ],
    sizes: MEN_ALPHA,
    colours: ["Navy", "Oatmeal", "Burgundy"],
    priceGbp: 65,
    weightGrams: 340,
  },
  {
    code: "MKN302",
    title: "Merino Quarter-Zip",
    category: "men-knitwear",
    brand: OWN,
    description:
      "A fine merino quarter-zip with a metal zip and a neat funnel neck. Light " +
      "enough for the office, warm enough for the walk there.",
    attributes: [
      text("material", "100% extra-fine merino wool"),
      text("care", WOOL_CARE),
      text("fit", "Slim"),
      text("origin", "Knitted in Italy"),
    ],
    sizes: ["S", "M", "L", "XL"],
    colours: ["Charcoal", "Navy"],
    priceGbp: 79,
    weightGrams: 300,
  },
  {
    code: "MTR401",
    title: "Slim Chinos",
    category: "men-trousers",
    brand: OWN,
    description:
      "Cotton twill with a little stretch, cut slim through the thigh and " +
      "tapered to the ankle. A regular 32 in leg, easily taken up in store.",
    attributes: [
      text("material", "98% cotton, 2% elastane twill"),
      text("care", "Machine wash at 30°C. Warm iron."),
      text("fit", "Slim; 32 in inside leg"),
      text("origin", "Made in Bangladesh"),
    ],
    sizes: WAIST,
    colours: ["Stone", "Navy"],
    priceGbp: 49,
    weightGrams: 520,
  },
  {
    code: "MTR402",
    title: "Selvedge Denim Jeans",
    category: "men-trousers",
    brand: OWN,
    description:
      "Raw Japanese selvedge denim in a straight, mid-rise cut. Unwashed, so it " +
      "fades to you; expect some indigo transfer at first.",
    attributes: [
      text("material", "100% cotton selvedge denim, 14 oz"),
      text("care", "Wash rarely, inside out, cold. Line dry."),
      text("fit", "Straight; 32 in inside leg"),
      text("origin", "Made in Japan"),
    ],
    sizes: WAIST,
    colours: ["Indigo"],
    priceGbp: 95,
    weightGrams: 780,
  },
  {
    code: "MOW501",
    title: "Harrington Jacket",
    category: "men-outerwear",
    brand: OWN,
    description:
      "The British classic in showerproof cotton, with a tartan lining, a " +
      "two-button stand collar and ribbed cuffs and hem.",
    attributes: [
      text("material", "65% polyester, 35% cotton; lining 100% cotton"),
      text("care", WASH_30),
      text("fit", "Regular"),
      text("origin", "Made in Portugal"),
    ],
    sizes: ["S", "M", "L", "XL"],
    colours: ["Navy", "Stone"],
    priceGbp: 99,
    weightGrams: 720,
  },
  {
    code: "MOW502",
    title: "Recycled Down Puffer Jacket",
    category: "men-outerwear",
    brand: FELLSIDE,
    description:
      "Responsibly sourced recycled down in a water-repellent shell, baffled to " +
      "stop cold spots. Hood stows in the collar; two-way zip.",
    attributes: [
      text("material", "Shell 100% recycled nylon; fill 80/20 recycled down"),
      text(
        "care",
        "Machine wash at 30°C with down wash. Tumble dry low with dryer balls.",
      ),
      text("fit", "Regular"),
      text("origin", "Made in Vietnam"),
      num("fill_power", 650),
      flag("recycled", true),
    ],
    sizes: MEN_ALPHA,
    colours: ["Black", "Forest"],
    priceGbp: 169,
    weightGrams: 820,
    isFeatured: true,
  },
  {
    code: "MOW503",
    title: "Wool Overcoat",
    category: "men-outerwear",
    brand: OWN,
    description:
      "A single-breasted overcoat in charcoal Italian wool, cut long enough to " +
      "cover a suit jacket. Half lined, with a ticket pocket.",
    attributes: [
      text("material", "90% wool, 10% cashmere; lining 100% cupro"),
      text("care", "Dry clean only."),
      text("fit", "Regular; room for a jacket underneath"),
      text("origin", "Made in Romania"),
    ],
    sizes: ["S", "M", "L", "XL"],
    colours: ["Charcoal"],
    priceGbp: 229,
    weightGrams: 1650,
  },

  // Accessories ------------------------------------------------------------
  {
    code: "ASC601",
    title: "Lambswool Scarf",
    category: "accessories-scarves-hats",
    brand: OWN,
    description:
      "Woven in Scotland from soft lambswool and finished with short fringed " +
      "ends. Generous enough to wrap twice.",
    attributes: [
      text("material", "100% lambswool"),
      text("care", WOOL_CARE),
      text("dimensions", "180 x 30 cm"),
      text("origin", "Woven in Scotland"),
    ],
    colours: ["Grey Marl", "Camel", "Bottle Green", "Navy"],
    priceGbp: 35,
    weightGrams: 170,
    isPopupRange: true,
  },
  {
    code: "ASC602",
    title: "Ribbed Beanie",
    category: "accessories-scarves-hats",
    brand: OWN,
    description:
      "A deep-cuffed beanie in a chunky rib, knitted from a merino blend that " +
      "stays soft and does not itch.",
    attributes: [
      text("material", "50% merino wool, 50% recycled polyamide"),
      text("care", WOOL_CARE),
      text("origin", "Knitted in Italy"),
    ],
    colours: ["Charcoal", "Mustard", "Navy"],
    priceGbp: 22,
    weightGrams: 90,
    isPopupRange: true,
  },
  {
    code: "ASC603",
    title: "Cashmere Gloves",
    category: "accessories-scarves-hats",
    brand: OWN,
    description:
      "Pure cashmere gloves with ribbed cuffs and touchscreen-friendly " +
      "fingertips on the thumb and forefinger.",
    attributes: [
      text("material", "100% cashmere"),
      text("care", WOOL_CARE),
      text("origin", "Knitted in Scotland"),
    ],
    sizes: ["S/M", "M/L"],
    colours: ["Charcoal"],
    priceGbp: 45,
    weightGrams: 60,
  },
  {
    code: "ABG701",
    title: "Canvas Tote Bag",
    category: "accessories-bags",
    brand: OWN,
    description:
      "Heavy cotton canvas with long leather-trimmed handles and an inner zip " +
      "pocket. Big enough for a laptop and the weekly shop.",
    attributes: [
      text("material", "100% cotton canvas, 18 oz; leather trims"),
      text("care", "Spot clean only."),
      text("dimensions", "42 x 38 x 14 cm"),
      text("origin", "Made in India"),
    ],
    priceGbp: 25,
    weightGrams: 420,
    isPopupRange: true,
  },
  {
    code: "ABG702",
    title: "Leather Weekend Bag",
    category: "accessories-bags",
    brand: OWN,
    description:
      "Vegetable-tanned leather holdall with solid brass hardware, a detachable " +
      "shoulder strap and a cotton-lined interior. Fits most cabin-bag limits.",
    attributes: [
      text("material", "Full-grain vegetable-tanned leather; 100% cotton lining"),
      text("care", "Wipe with a dry cloth. Condition twice a year."),
      text("dimensions", "50 x 28 x 25 cm"),
      text("origin", "Made in Spain"),
      num("capacity_litres", 35),
    ],
    colours: ["Tan", "Dark Brown"],
    priceGbp: 229,
    weightGrams: 1800,
    isBulky: true,
  },
  {
    code: "ABG703",
    title: "Leather Cross-body Bag",
    category: "accessories-bags",
    brand: OWN,
    description:
      "A compact cross-body in smooth leather with an adjustable strap, a " +
      "magnetic flap and room for a phone, keys and a cardholder.",
    attributes: [
      text("material", "100% leather; 100% cotton lining"),
      text("care", "Wipe with a dry cloth."),
      text("dimensions", "22 x 16 x 6 cm"),
      text("origin", "Made in Spain"),
    ],
    colours: ["Black", "Tan"],
    priceGbp: 89,
    weightGrams: 480,
  },

  {
    code: "ABG704",
    title: "Leather Card Holder",
    category: "accessories-bags",
    brand: OWN,
    description:
      "A slim card holder with four slots and a centre pocket for folded " +
      "notes, cut from the same leather as our bags.",
    attributes: [
      text("material", "100% vegetable-tanned leather"),
      text("care", "Wipe with a dry cloth."),
      text("dimensions", "10 x 7 cm"),
      text("origin", "Made in Spain"),
    ],
    priceGbp: 29,
    weightGrams: 40,
    isPopupRange: true,
  },

  // Home -------------------------------------------------------------------
  {
    code: "HBD801",
    title: "Stonewashed Linen Duvet Cover",
    category: "home-bedding",
    brand: OWN_HOME,
    description:
      "Stonewashed for a soft, relaxed finish from the first night. Linen keeps " +
      "you cool in summer and warm in winter, with a button closure at the foot.",
    attributes: [
      text("material", "100% European flax linen"),
      text("care", "Machine wash at 40°C. Tumble dry low or line dry."),
      text("origin", "Made in Portugal"),
      num("weight_gsm", 165),
    ],
    sizes: BED,
    colours: ["White", "Clay"],
    priceGbp: 85,
    sizePricesGbp: [85, 110, 125, 145],
    weightGrams: 1100,
    isFeatured: true,
  },
  {
    code: "HBD802",
    title: "Cotton Percale Fitted Sheet",
    category: "home-bedding",
    brand: OWN_HOME,
    description:
      "Crisp, cool percale with deep elasticated corners that fit mattresses up " +
      "to 35 cm. Like a good hotel bed.",
    attributes: [
      text("material", "100% long-staple cotton percale"),
      text("care", "Machine wash at 60°C. Tumble dry low."),
      text("origin", "Made in Portugal"),
      num("thread_count", 300),
    ],
    sizes: BED,
    priceGbp: 35,
    sizePricesGbp: [35, 40, 45, 50],
    weightGrams: 650,
  },
  {
    code: "HBD803",
    title: "Cotton Sateen Pillowcase Pair",
    category: "home-bedding",
    brand: OWN_HOME,
    description:
      "Smooth sateen with a soft sheen, finished with a housewife closure so " +
      "the pillow stays put. Standard size, sold as a pair.",
    attributes: [
      text("material", "100% cotton sateen"),
      text("care", "Machine wash at 60°C. Tumble dry low."),
      text("dimensions", "50 x 75 cm"),
      num("thread_count", 400),
    ],
    colours: ["White", "Stone"],
    priceGbp: 25,
    weightGrams: 320,
  },
  {
    code: "HBD804",
    title: "Waffle Bedspread",
    category: "home-bedding",
    brand: OWN_HOME,
    description:
      "A deep honeycomb waffle in undyed cotton: a light cover on summer " +
      "nights, an extra layer at the foot of the bed in winter.",
    attributes: [
      text("material", "100% cotton"),
      text("care", "Machine wash at 40°C. Line dry."),
      text("origin", "Made in Portugal"),
    ],
    sizes: ["Double", "King"],
    colours: ["Oat"],
    priceGbp: 89,
    sizePricesGbp: [89, 109],
    salePercent: 25,
    weightGrams: 1900,
  },
  {
    code: "HBD805",
    title: "Duck Feather & Down Pillow",
    category: "home-bedding",
    brand: OWN_HOME,
    description:
      "A medium-support pillow filled with responsibly sourced duck feather and " +
      "down in a cotton cambric cover.",
    attributes: [
      text("material", "Cover 100% cotton; fill 85% duck feather, 15% duck down"),
      text("care", "Professional laundry recommended."),
      text("dimensions", "50 x 75 cm"),
      text("support", "Medium"),
    ],
    priceGbp: 35,
    weightGrams: 1100,
  },
  {
    code: "HBT901",
    title: "Turkish Cotton Towel",
    category: "home-bath",
    brand: OWN_HOME,
    description:
      "Thick, absorbent towels woven in Denizli from long-staple Turkish cotton " +
      "with a flat border. They get softer with every wash.",
    attributes: [
      text("material", "100% Turkish cotton"),
      text("care", "Machine wash at 60°C. Tumble dry."),
      text("origin", "Made in Turkey"),
      num("weight_gsm", 650),
    ],
    sizes: ["Hand", "Bath", "Bath Sheet"],
    colours: ["White", "Slate"],
    priceGbp: 12,
    sizePricesGbp: [12, 22, 32],
    weightGrams: 220,
  },
  {
    code: "HBT902",
    title: "Waffle Bath Robe",
    category: "home-bath",
    brand: OWN_HOME,
    description:
      "A lightweight waffle robe that dries quickly, with a shawl collar, a tie " +
      "belt and two patch pockets.",
    attributes: [
      text("material", "100% cotton waffle"),
      text("care", "Machine wash at 40°C. Tumble dry low."),
      text("origin", "Made in Turkey"),
    ],
    sizes: ["S/M", "L/XL"],
    colours: ["White"],
    priceGbp: 59,
    weightGrams: 900,
  },
  {
    code: "HBT903",
    title: "Cotton Bath Mat",
    category: "home-bath",
    brand: OWN_HOME,
    description: "A dense, quick-drying bath mat with a non-slip underside.",
    attributes: [
      text("material", "100% cotton; non-slip latex backing"),
      text("care", "Machine wash at 40°C. Line dry."),
      text("dimensions", "50 x 80 cm"),
    ],
    colours: ["White", "Slate"],
    priceGbp: 18,
    weightGrams: 700,
  },
  {
    code: "HBT904",
    title: "Botanical Hand Wash",
    category: "home-bath",
    brand: MARRAM,
    description:
      "A gentle, plant-based hand wash in a refillable amber glass bottle, " +
      "scented with essential oils.",
    attributes: [
      text("ingredients", "Aqua, coco-glucoside, glycerin, essential oils"),
      num("volume_ml", 300),
      flag("vegan", true),
      text("origin", "Made in England"),
    ],
    colours: ["Sea Salt", "Wild Mint"],
    colourLabel: "Scent",
    priceGbp: 16,
    weightGrams: 560,
    isPopupRange: true,
  },
  {
    code: "HKT011",
    title: "Stoneware Dinner Plate",
    category: "home-kitchen",
    brand: OWN_HOME,
    description:
      "Reactive-glazed stoneware made in a family pottery in Portugal, so no " +
      "two plates are quite the same.",
    attributes: [
      text("material", "Stoneware"),
      text("care", "Dishwasher and microwave safe."),
      num("diameter_cm", 27),
      flag("dishwasher_safe", true),
    ],
    colours: ["Chalk", "Speckled Grey"],
    priceGbp: 12,
    weightGrams: 780,
  },
  {
    code: "HKT012",
    title: "Stoneware Mug",
    category: "home-kitchen",
    brand: OWN_HOME,
    description: "A generous, hand-glazed mug with a comfortable handle.",
    attributes: [
      text("material", "Stoneware"),
      text("care", "Dishwasher and microwave safe."),
      num("capacity_ml", 350),
      flag("dishwasher_safe", true),
    ],
    colours: ["Chalk", "Speckled Grey", "Sage"],
    priceGbp: 10,
    weightGrams: 380,
    isPopupRange: true,
  },
  {
    code: "HKT013",
    title: "Linen Tea Towel Set of 2",
    category: "home-kitchen",
    brand: OWN_HOME,
    description:
      "Absorbent, lint-free linen tea towels with a hanging loop. Sold in twos.",
    attributes: [
      text("material", "100% linen"),
      text("care", "Machine wash at 40°C."),
      text("dimensions", "50 x 70 cm"),
    ],
    colours: ["Natural Stripe", "Blue Stripe"],
    priceGbp: 16,
    weightGrams: 180,
    isPopupRange: true,
  },
  {
    code: "HKT014",
    title: "Enamelled Cast Iron Casserole 24 cm",
    category: "home-kitchen",
    brand: OWN_HOME,
    description:
      "A heavy cast iron casserole for slow cooking on any hob, induction " +
      "included, and in the oven up to 260°C.",
    attributes: [
      text("material", "Enamelled cast iron"),
      text("care", "Hand wash recommended."),
      num("capacity_litres", 4.2),
      flag("induction_safe", true),
    ],
    colours: ["Black", "Sage"],
    priceGbp: 120,
    weightGrams: 5200,
    isBulky: true,
  },
  {
    code: "HKT015",
    title: "Oak Serving Board",
    category: "home-kitchen",
    brand: OWN_HOME,
    description:
      "Cut from a single piece of FSC-certified European oak and finished with " +
      "food-safe oil. For bread, cheese and everything in between.",
    attributes: [
      text("material", "FSC-certified oak"),
      text("care", "Hand wash; oil occasionally."),
      text("dimensions", "45 x 22 x 2 cm"),
    ],
    priceGbp: 38,
    weightGrams: 1200,
  },
  {
    code: "HKT016",
    title: "Recycled Glass Tumblers Set of 4",
    category: "home-kitchen",
    brand: OWN_HOME,
    description:
      "Mouth-blown in Spain from recycled glass, which gives each tumbler its " +
      "faint green tint and the odd bubble.",
    attributes: [
      text("material", "100% recycled glass"),
      num("capacity_ml", 300),
      flag("dishwasher_safe", true),
    ],
    priceGbp: 24,
    weightGrams: 1300,
  },
  {
    code: "HKT017",
    title: "Linen Napkins Set of 4",
    category: "home-kitchen",
    brand: OWN_HOME,
    description: "Stonewashed linen napkins with mitred corners.",
    attributes: [
      text("material", "100% linen"),
      text("care", "Machine wash at 40°C."),
      text("dimensions", "45 x 45 cm"),
    ],
    colours: ["Natural", "Clay"],
    priceGbp: 28,
    weightGrams: 220,
  },
  {
    code: "HLV021",
    title: "Linen Cushion Cover 45 x 45 cm",
    category: "home-living",
    brand: OWN_HOME,
    description:
      "A washed linen cover with a concealed zip. Pad sold separately; we " +
      "recommend a feather pad one size up for a plump look.",
    attributes: [
      text("material", "100% linen"),
      text("care", "Machine wash at 30°C."),
      text("dimensions", "45 x 45 cm"),
    ],
    colours: ["Natural", "Clay", "Sage", "Charcoal"],
    priceGbp: 28,
    weightGrams: 200,
  },
  {
    code: "HLV022",
    title: "Pure Wool Throw",
    category: "home-living",
    brand: OWN_HOME,
    description:
      "Woven in a Welsh mill from pure new wool. Heavy enough to be properly " +
      "warm, with whipstitched edges.",
    attributes: [
      text("material", "100% pure new wool"),
      text("care", "Dry clean or hand wash cold."),
      text("dimensions", "130 x 180 cm"),
      text("origin", "Woven in Wales"),
    ],
    colours: ["Grey Herringbone", "Ochre Check"],
    priceGbp: 85,
    weightGrams: 1300,
    isFeatured: true,
  },
  {
    code: "HLV023",
    title: "Handwoven Jute Rug",
    category: "home-living",
    brand: OWN_HOME,
    description:
      "A chunky, hard-wearing jute rug handwoven in a herringbone pattern. " +
      "Use with an anti-slip underlay on hard floors.",
    attributes: [
      text("material", "100% jute"),
      text("care", "Vacuum regularly; blot spills immediately."),
      text("origin", "Handwoven in India"),
    ],
    sizes: ["120 x 170 cm", "160 x 230 cm"],
    priceGbp: 119,
    sizePricesGbp: [119, 189],
    weightGrams: 4800,
    isBulky: true,
  },
  {
    code: "HLV024",
    title: "Velvet Cushion",
    category: "home-living",
    brand: OWN_HOME,
    description: "Cotton velvet in a rich, deep colour with a feather pad included.",
    attributes: [
      text("material", "Cover 100% cotton velvet; pad duck feather"),
      text("care", "Dry clean cover only."),
      text("dimensions", "50 x 50 cm"),
    ],
    colours: ["Rust", "Teal"],
    priceGbp: 32,
    salePercent: 30,
    weightGrams: 900,
  },
  {
    code: "HLV025",
    title: "Ceramic Table Lamp",
    category: "home-living",
    brand: OWN_HOME,
    description:
      "A textured ceramic base with a natural linen shade. Takes an E27 bulb " +
      "(not included).",
    attributes: [
      text("material", "Ceramic base; linen shade"),
      text("dimensions", "Height 52 cm, shade diameter 35 cm"),
      text("bulb", "E27, max 40 W; LED recommended"),
    ],
    priceGbp: 95,
    weightGrams: 3100,
    isBulky: true,
  },
  {
    code: "HLV026",
    title: "Seagrass Storage Basket",
    category: "home-living",
    brand: OWN_HOME,
    description:
      "Handwoven seagrass baskets with carry handles, for throws, toys and logs.",
    attributes: [text("material", "Seagrass"), text("origin", "Handwoven in Vietnam")],
    sizes: ["Small", "Large"],
    priceGbp: 22,
    sizePricesGbp: [22, 35],
    weightGrams: 600,
  },
  {
    code: "HLV027",
    title: "Hand-thrown Bud Vase",
    category: "home-living",
    brand: OWN_HOME,
    description: "A small stoneware vase thrown by hand in Stoke-on-Trent.",
    attributes: [
      text("material", "Glazed stoneware"),
      text("dimensions", "Height 14 cm"),
      text("origin", "Made in England"),
    ],
    priceGbp: 45,
    weightGrams: 450,
  },
  {
    code: "HFR031",
    title: "Soy Wax Candle",
    category: "home-fragrance",
    brand: MARRAM,
    description:
      "Hand-poured in small batches from natural soy wax with a cotton wick, in " +
      "a reusable glass vessel.",
    attributes: [
      text("material", "Soy wax, cotton wick, fragrance and essential oils"),
      num("burn_time_hours", 45),
      flag("vegan", true),
      text("origin", "Poured in England"),
    ],
    colours: ["Fig & Cedar", "Sea Salt", "Wild Mint"],
    colourLabel: "Scent",
    priceGbp: 28,
    weightGrams: 420,
    isFeatured: true,
    isPopupRange: true,
  },
  {
    code: "HFR032",
    title: "Reed Diffuser",
    category: "home-fragrance",
    brand: MARRAM,
    description:
      "A slow, steady scent for a hallway or bathroom, lasting about three months.",
    attributes: [
      text("ingredients", "Plant-based diffuser base, fragrance and essential oils"),
      num("volume_ml", 200),
      text("origin", "Made in England"),
    ],
    colours: ["Fig & Cedar", "Sea Salt"],
    colourLabel: "Scent",
    priceGbp: 35,
    weightGrams: 520,
    isPopupRange: true,
  },
  {
    code: "HFR033",
    title: "Long Matches in Glass Jar",
    category: "home-fragrance",
    brand: MARRAM,
    description:
      "Long safety matches in a glass apothecary jar with a striker on the base.",
    attributes: [text("contents", "About 100 matches, 10 cm")],
    priceGbp: 8,
    weightGrams: 210,
    isPopupRange: true,
  },
  {
    code: "HFR034",
    title: "Advent Candle",
    category: "home-fragrance",
    brand: MARRAM,
    description:
      "A tall dinner candle marked with the days to Christmas, lightly scented " +
      "with orange and clove. Arriving in late November.",
    attributes: [
      text("material", "Rapeseed wax, cotton wick"),
      num("burn_time_hours", 25),
    ],
    priceGbp: 18,
    weightGrams: 300,
    status: "DRAFT",
  },
];
