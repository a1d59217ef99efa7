"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/admin/inventory", label: "Stock" },
  { href: "/admin/inventory/receive", label: "Receive" },
  { href: "/admin/inventory/transfers", label: "Transfers" },
  { href: "/admin/inventory/counts", label: "Counts" },
  { href: "/admin/inventory/low-stock", label: "Low stock" },
  { href: "/admin/inventory/aging", label: "Aging" },
];

/** The inventory section's own navigation. */
export function InventoryTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Inventory"
      className="flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {TABS.map((tab) => {
        const isActive =
          tab.href === "/admin/inventory"
            ? pathname === tab.href || pathname.startsWith("/admin/inventory/variants")
            : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={isActive ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm ${
              isActive
                ? "border-brand-600 font-semibold text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
