import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { MarketRulesForm } from "@/components/admin/tax/market-rules-form";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { listMarkets } from "@/lib/pricing-data/markets";
import { listTaxRegions } from "@/lib/tax";

export const metadata: Metadata = { title: "Tax" };
export const dynamic = "force-dynamic";

const percent = (value: number) => `${value} %`;

export default async function TaxPage() {
  await requireStaffPage("settings:manage", "/admin/tax");
  const [regions, markets] = await Promise.all([listTaxRegions(db), listMarkets(db)]);

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Tax</h1>
        <p className="text-sm text-slate-600">
          Goods are taxed where they are handed over: the store for pickup and counter
          sales, the delivery address for shipping. The most specific region wins
          (postcode prefix, then state or province, then country).
        </p>
      </div>

      <section className="space-y-3" aria-labelledby="regions-heading">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="regions-heading" className="text-lg font-semibold">
            Regions and rates
          </h2>
          <Link
            href="/admin/tax/regions/new"
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Add a region
          </Link>
        </div>
        <DataTable
          rows={regions}
          rowKey={(r) => r.id}
          empty="No tax regions yet: every sale is priced without tax."
          columns={[
            {
              header: "Region",
              cell: (r) => (
                <div>
                  <Link
                    href={`/admin/tax/regions/${r.id}`}
                    className="font-medium hover:underline"
                  >
                    {r.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {[r.country, r.region, r.postalCodePrefixes.join(" ")]
                      .filter(Boolean)
                      .join(" · ")}
                    {r.isActive ? "" : " · not used"}
                  </p>
                </div>
              ),
            },
            {
              header: "Standard",
              align: "right",
              cell: (r) => percent(r.rates.STANDARD),
            },
            { header: "Reduced", align: "right", cell: (r) => percent(r.rates.REDUCED) },
            { header: "Zero", align: "right", cell: () => percent(0) },
            { header: "Exempt", align: "right", cell: () => "none" },
          ]}
        />
      </section>

      <section className="space-y-3" aria-labelledby="markets-heading">
        <h2 id="markets-heading" className="text-lg font-semibold">
          Markets
        </h2>
        <p className="text-sm text-slate-600">
          A market's currency and whether its prices include tax are set under{" "}
          <Link href="/admin/settings" className="text-brand-700 underline">
            Settings
          </Link>
          ; here, how it rounds and taxes delivery.
        </p>
        <div className="grid gap-4 lg:grid-cols-2">
          {markets.map((market) => (
            <MarketRulesForm
              key={market.code}
              market={{
                code: market.code,
                name: market.name,
                currency: market.currency,
                pricesIncludeTax: market.market.pricesIncludeTax,
                hasOwnRules: market.hasOwnRules,
                taxRounding: market.market.taxRounding === "invoice" ? "INVOICE" : "LINE",
                roundingMode:
                  market.market.roundingMode === "half_even" ? "HALF_EVEN" : "HALF_UP",
                shippingTaxMode:
                  market.market.shippingTax.mode === "none"
                    ? "NONE"
                    : market.market.shippingTax.mode === "proportional"
                      ? "PROPORTIONAL"
                      : "CATEGORY",
                shippingTaxCategory:
                  market.market.shippingTax.mode === "category"
                    ? market.market.shippingTax.category
                    : "STANDARD",
              }}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
