import type { Metadata } from "next";
import {
  LOCATION_SCOPED_ROLES,
  PERMISSIONS,
  ROLE_LABELS,
  roleAllows,
  STAFF_ROLES,
} from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "Roles" };
export const dynamic = "force-dynamic";

/** What each permission lets a person do, in plain words. */
const PERMISSION_LABELS: Partial<Record<(typeof PERMISSIONS)[number], string>> = {
  "pos:access": "Open the point of sale",
  "pos:sell": "Ring up sales",
  "pos:override_price": "Override a price at the till",
  "pos:refund": "Refund at the till",
  "admin:access": "Open the back-office",
  "catalog:read": "See the catalogue",
  "catalog:write": "Edit products and prices",
  "inventory:read": "See stock",
  "inventory:adjust": "Adjust stock",
  "inventory:receive": "Receive stock",
  "inventory:transfer": "Transfer stock",
  "inventory:count": "Count stock",
  "orders:read": "See orders",
  "orders:manage": "Change and cancel orders",
  "fulfillment:work": "Pick, pack and ship",
  "customers:read": "See customers",
  "customers:write": "Edit customers",
  "promotions:write": "Create promotions",
  "locations:manage": "Set up locations and registers",
  "staff:manage": "Manage staff",
  "api_keys:manage": "Manage API keys",
  "audit:read": "Read the audit log",
  "reports:read": "See reports",
  "settings:manage": "Change business settings",
};

export default async function RolesPage() {
  await requireStaffPage("admin:access", "/admin/roles");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Roles and permissions</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        What each role may do, as the server enforces it. Store managers and associates
        act only at the locations they work at; a store manager manages only the
        associates of those locations. API keys carry the same permissions as scopes. The
        matrix is part of the code (lib/auth/permissions.ts), so it reads the same
        everywhere.
      </p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-sm">
          <caption className="sr-only">Permissions by role</caption>
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="p-3 font-medium">
                Permission
              </th>
              {STAFF_ROLES.map((role) => (
                <th key={role} scope="col" className="p-3 text-center font-medium">
                  {ROLE_LABELS[role]}
                  {LOCATION_SCOPED_ROLES.has(role) && (
                    <span className="block text-xs font-normal">own locations</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PERMISSIONS.map((permission) => (
              <tr key={permission} className="border-t border-slate-100">
                <th scope="row" className="p-3 text-left font-normal">
                  {PERMISSION_LABELS[permission] ?? permission}
                  <span className="block font-mono text-xs text-slate-500">
                    {permission}
                  </span>
                </th>
                {STAFF_ROLES.map((role) => {
                  const isAllowed = roleAllows(role, permission);
                  return (
                    <td key={role} className="p-3 text-center">
                      <span
                        aria-hidden="true"
                        className={isAllowed ? "text-brand-700" : "text-slate-300"}
                      >
                        {isAllowed ? "✓" : "—"}
                      </span>
                      <span className="sr-only">
                        {isAllowed ? "Allowed" : "Not allowed"}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
