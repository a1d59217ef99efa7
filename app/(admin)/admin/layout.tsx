import type { Metadata } from "next";
import type { ReactNode } from "react";
import { type NavItem, Sidebar } from "@/components/admin/sidebar";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { can } from "@/lib/auth/authorize";
import { type Permission, ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { getSettings } from "@/lib/settings/get-settings";

// Every back-office page renders per request: its content security policy
// carries a fresh nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Back-office", template: "%s · Back-office" },
};

const SECTIONS: (NavItem & { permission: Permission })[] = [
  { href: "/admin", label: "Overview", permission: "admin:access" },
  { href: "/admin/products", label: "Products", permission: "catalog:read" },
  { href: "/admin/inventory", label: "Inventory", permission: "inventory:read" },
  { href: "/admin/customers", label: "Customers", permission: "customers:read" },
  { href: "/admin/offline-sales", label: "Offline sales", permission: "reports:read" },
  { href: "/admin/promotions", label: "Promotions", permission: "promotions:write" },
  { href: "/admin/tax", label: "Tax", permission: "settings:manage" },
  { href: "/admin/locations", label: "Locations", permission: "admin:access" },
  { href: "/admin/staff", label: "Staff", permission: "staff:manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
  { href: "/admin/emails", label: "Emails", permission: "settings:manage" },
  { href: "/admin/roles", label: "Roles", permission: "admin:access" },
  { href: "/admin/api-keys", label: "API keys", permission: "api_keys:manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage("admin:access", "/admin");
  const settings = await getSettings(db);
  const items = SECTIONS.filter((s) => can(staff, s.permission));
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 md:flex-row">
      <aside className="flex flex-col gap-4 bg-brand-900 p-4 text-white md:sticky md:top-0 md:h-dvh md:w-60 md:shrink-0 print:hidden">
        <div>
          <p className="text-lg font-bold">{settings.businessName}</p>
          <p className="text-xs text-white/60">Back-office</p>
        </div>
        <Sidebar items={items} />
        <div className="mt-auto hidden text-sm md:block">
          <p className="font-medium">{staff.name}</p>
          <p className="mb-3 text-white/60">{ROLE_LABELS[staff.role]}</p>
          <SignOutButton className="min-h-11 w-full rounded-lg border border-white/30 px-3" />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-4 md:p-8 print:p-0">{children}</main>
    </div>
  );
}
