/**
 * Benchmark of the catalogue CSV import: 10,000 rows (2,500 products of
 * four sizes) checked and applied on a fresh PostgreSQL database made by
 * this script, beside a baseline in the same run: the same rows written
 * by raw multi-row INSERTs through pg, with no checks, audit or events.
 * Then it grows the catalogue to 50,000 variants and times the admin
 * product table's queries (search, filters, sort, deep pages).
 * Asserts nothing about time. Run: npx tsx tests/bench/catalog-import.bench.ts
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { withCheckDigit } from "../../lib/catalog/barcode";
import { applyImportPlan } from "../../lib/catalog/import/apply-import";
import { validateCatalogImport } from "../../lib/catalog/import/validate-import";
import { listProducts, listProductsSchema } from "../../lib/catalog/list-products";
import { searchProducts } from "../../lib/catalog/search-products";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { connectPostgres } from "../../lib/db/sql";

const ROWS = 10_000;
const SIZES = ["S", "M", "L", "XL"];
const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SYSTEM = { kind: "system", reason: "benchmark" } as const;
const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  const sql = await connectPostgres(url);
  await applyMigrations(sql, {
    migrationsDir: path.resolve("prisma", "migrations"),
    log: QUIET,
  });
  await sql.exec(`
    INSERT INTO "Category" (id, handle, name, position) VALUES
      ('00000000-0000-7000-8000-000000000001', 'women', 'Women', 0),
      ('00000000-0000-7000-8000-000000000002', 'men', 'Men', 1),
      ('00000000-0000-7000-8000-000000000003', 'home', 'Home', 2)`);
  await sql.close();
  return url;
}

async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

interface Row {
  handle: string;
  title: string;
  category: string;
  size: string;
  sku: string;
  barcode: string;
  price: string;
}

function generateRows(count: number, offset = 0): Row[] {
  const words = [
    "Merino",
    "Linen",
    "Cotton",
    "Cashmere",
    "Wool",
    "Denim",
    "Silk",
    "Hemp",
  ];
  const kinds = [
    "Jumper",
    "Shirt",
    "Tee",
    "Cardigan",
    "Trousers",
    "Dress",
    "Scarf",
    "Coat",
  ];
  const categories = ["women", "men", "home"];
  return Array.from({ length: count }, (_, i) => {
    const n = offset + Math.floor(i / SIZES.length);
    const size = SIZES[i % SIZES.length] as string;
    return {
      handle: `bench-style-${n}`,
      title: `${words[n % words.length]} ${kinds[(n >> 3) % kinds.length]} ${n}`,
      category: categories[n % 3] as string,
      size,
      sku: `BN${String(n).padStart(6, "0")}-${size}`,
      barcode: withCheckDigit(`50${String(offset * 10 + i).padStart(10, "0")}`),
      price: `${19 + (n % 80)}.${n % 2 ? "50" : "00"}`,
    };
  });
}

function toCsv(rows: Row[]): string {
  const lines = [
    "handle,title,description,brand,category,status,option1_name,option1_value," +
      "sku,barcode,price,cost,weight_grams,attribute:material",
  ];
  let last = "";
  for (const r of rows) {
    const isFirst = r.handle !== last;
    last = r.handle;
    lines.push(
      [
        r.handle,
        isFirst ? r.title : "",
        isFirst ? `"A well-made ${r.title.toLowerCase()}, cut for everyday wear."` : "",
        isFirst ? "Bench & Co" : "",
        isFirst ? r.category : "",
        isFirst ? "active" : "",
        isFirst ? "Size" : "",
        r.size,
        r.sku,
        r.barcode,
        r.price,
        "8.00",
        "250",
        isFirst ? "100% wool" : "",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** "  1234 ms  8,100 rows/s" for ROWS rows. */
function line(ms: number): string {
  return `${ms.toFixed(0).padStart(6)} ms  ${rate(ROWS, ms)}`;
}

function rate(rows: number, ms: number): string {
  return `${Math.round(rows / (ms / 1000)).toLocaleString("en-GB")} rows/s`;
}

async function benchImport(csv: string) {
  const name = `omnitill_bench_import_${process.pid}`;
  const url = await freshDatabase(name);
  const prisma = createPrismaClient({ kind: "postgres", url });
  try {
    const started = performance.now();
    const plan = await validateCatalogImport(prisma, csv);
    const checked = performance.now();
    const result = await applyImportPlan(prisma, SYSTEM, plan.products);
    const applied = performance.now();
    if (plan.report.errorCount > 0 || result.failed.length > 0) {
      throw new Error(
        `the generated file should be clean: ${JSON.stringify(plan.report.issues.slice(0, 3))}`,
      );
    }
    const counts = await prisma.variant.count();
    console.log(
      `import: ${counts} variants written (${result.productsCreated} products)`,
    );
    console.log(`  dry run  ${line(checked - started)}`);
    console.log(`  apply    ${line(applied - checked)}`);
    console.log(`  total    ${line(applied - started)}`);
    return { prisma, url, name };
  } catch (error) {
    await prisma.$disconnect();
    await dropDatabase(name);
    throw error;
  }
}

async function benchBaseline(rows: Row[]) {
  const name = `omnitill_bench_baseline_${process.pid}`;
  const url = await freshDatabase(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    const products = [...new Map(rows.map((r) => [r.handle, r])).values()];
    const ids = new Map<string, string>();
    for (let i = 0; i < products.length; i += 1_000) {
      const chunk = products.slice(i, i + 1_000);
      const values = chunk.map(
        (_, j) =>
          `(gen_random_uuid()::text, $${j * 2 + 1}, $${j * 2 + 2}, '{}', '{}', now())`,
      );
      const result = await client.query(
        `INSERT INTO "Product" (id, handle, title, "optionNames", "imageUrls", "updatedAt")
         VALUES ${values.join(",")} RETURNING id, handle`,
        chunk.flatMap((p) => [p.handle, p.title]),
      );
      for (const r of result.rows) ids.set(r.handle, r.id);
    }
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = rows.slice(i, i + 1_000);
      const values = chunk.map(
        (_, j) =>
          `(gen_random_uuid()::text, $${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3},
            ARRAY[$${j * 5 + 4}], $${j * 5 + 5}::int, now())`,
      );
      await client.query(
        `INSERT INTO "Variant"
           (id, "productId", sku, barcode, "optionValues", "priceMinor", "updatedAt")
         VALUES ${values.join(",")}`,
        chunk.flatMap((r) => [
          ids.get(r.handle),
          r.sku,
          r.barcode,
          r.size,
          Math.round(Number(r.price) * 100),
        ]),
      );
    }
    await client.query("COMMIT");
    const ms = performance.now() - started;
    console.log(`baseline (raw multi-row INSERT, no checks): ${line(ms)}`);
  } finally {
    await client.end();
    await dropDatabase(name);
  }
}

/** Grows the catalogue to 50,000 variants with stock at three locations, in SQL. */
async function growTo50k(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO "Location" (id, code, name, kind, "addressLine1", city, "postalCode",
      country, latitude, longitude, timezone, "updatedAt")
    SELECT 'loc-' || n, 'L' || n, 'Location ' || n, 'STORE', '1 High St', 'London', 'N1',
      'GB', 51.5, -0.1, 'Europe/London', now()
    FROM generate_series(1, 3) n;
    INSERT INTO "Product" (id, handle, title, brand, "categoryId", status, "optionNames",
      "imageUrls", "updatedAt", "createdAt")
    SELECT 'p-' || n, 'grown-' || n,
      (ARRAY['Merino','Linen','Cotton','Wool'])[n % 4 + 1] || ' Grown Style ' || n,
      (ARRAY['Alder','Fellside','Marram'])[n % 3 + 1],
      '00000000-0000-7000-8000-00000000000' || (n % 3 + 1),
      (ARRAY['ACTIVE','ACTIVE','DRAFT','ARCHIVED'])[n % 4 + 1]::"ProductStatus",
      ARRAY['Size'], '{}', now() - (n || ' minutes')::interval, now()
    FROM generate_series(1, 10000) n;
    INSERT INTO "Variant" (id, "productId", sku, "optionValues", "priceMinor", position,
      "updatedAt")
    SELECT 'v-' || n || '-' || s, 'p-' || n, 'GR' || lpad(n::text, 6, '0') || '-' || s,
      ARRAY[s::text], 1000 + n % 9000, s, now()
    FROM generate_series(1, 10000) n, generate_series(1, 4) s;
    INSERT INTO "InventoryLevel" ("variantId", "locationId", "onHand", "reorderPoint", "updatedAt")
    SELECT v.id, 'loc-' || l, (hashtext(v.id || l) & 15) - 2, 3, now()
    FROM "Variant" v, generate_series(1, 3) l;
  `);
  await client.end();
}

async function timed(label: string, fn: () => Promise<unknown>, runs = 7) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`  ${label.padEnd(46)} median ${median.toFixed(1).padStart(6)} ms`);
}

async function main() {
  const rows = generateRows(ROWS);
  const csv = toCsv(rows);
  console.log(
    `catalogue import: ${ROWS.toLocaleString("en-GB")} rows, ` +
      `${(csv.length / 1024 / 1024).toFixed(1)} MB`,
  );

  const imported = await benchImport(csv);
  await benchBaseline(rows);

  try {
    await growTo50k(imported.url);
    await imported.prisma.$executeRawUnsafe('ANALYZE "Product"; ');
    await imported.prisma.$executeRawUnsafe('ANALYZE "Variant"; ');
    await imported.prisma.$executeRawUnsafe('ANALYZE "InventoryLevel"');
    // The grown products need their search columns like imported ones.
    const { refreshProductSearch } = await import(
      "../../lib/catalog/refresh-product-search"
    );
    await imported.prisma.$transaction((tx) => refreshProductSearch(tx), {
      timeout: 300_000,
    });
    const variants = await imported.prisma.variant.count();
    console.log(`admin product table at ${variants.toLocaleString("en-GB")} variants:`);
    const list = (q: Record<string, string>) => () =>
      listProducts(imported.prisma, listProductsSchema.parse(q));
    await timed("first page, title order", list({}));
    await timed("page 200, title order", list({ page: "200" }));
    await timed(
      "status=active, recently updated",
      list({ status: "ACTIVE", sort: "-updated" }),
    );
    await timed(
      "category + brand",
      list({ category: "00000000-0000-7000-8000-000000000001", brand: "Fellside" }),
    );
    await timed("stock=out_of_stock", list({ stock: "out_of_stock" }));
    await timed("stock=low_stock", list({ stock: "low_stock" }));
    await timed("search 'merino jumpr'", list({ q: "merino jumpr" }));
    await timed("search SKU part 'GR004'", list({ q: "GR004" }));
    await timed("searchProducts 'linen grown 123'", () =>
      searchProducts(imported.prisma, { query: "linen grown 123", limit: 20 }),
    );
  } finally {
    await imported.prisma.$disconnect();
    await dropDatabase(imported.name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
