import type { ReactNode } from "react";
import { InventoryTabs } from "@/components/admin/inventory/inventory-tabs";
import { requireStaffPage } from "@/lib/next/session";

export default async function InventoryLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("inventory:read", "/admin/inventory");
  return (
    <div className="space-y-4">
      <InventoryTabs />
      {children}
    </div>
  );
}
