/**
 * The permission matrix: what each staff role may do. Every server action
 * and API route names one of these permissions; API keys carry a subset of
 * them as scopes. This file is the single place the rules live.
 */
export const PERMISSIONS = [
  "pos:access",
  "pos:sell",
  "pos:override_price",
  "pos:refund",
  "admin:access",
  "catalog:read",
  "catalog:write",
  "inventory:read",
  "inventory:adjust",
  "inventory:receive",
  "inventory:transfer",
  "inventory:count",
  "orders:read",
  "orders:manage",
  /** Carts and checkout through the API (integrations, marketplaces). */
  "checkout:create",
  "fulfillment:work",
  "customers:read",
  "customers:write",
  "promotions:write",
  "locations:manage",
  "staff:manage",
  "api_keys:manage",
  "audit:read",
  "reports:read",
  "settings:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const STAFF_ROLES = [
  "OWNER",
  "MERCHANDISER",
  "STORE_MANAGER",
  "ASSOCIATE",
  "FULFILLMENT",
] as const;

export type StaffRoleName = (typeof STAFF_ROLES)[number];

const STORE_FLOOR: Permission[] = [
  "pos:access",
  "pos:sell",
  "catalog:read",
  "inventory:read",
  "orders:read",
  "customers:read",
  "customers:write",
];

export const ROLE_PERMISSIONS: Record<StaffRoleName, readonly Permission[]> = {
  OWNER: PERMISSIONS,
  MERCHANDISER: [
    "admin:access",
    "catalog:read",
    "catalog:write",
    "inventory:read",
    "orders:read",
    "promotions:write",
    "reports:read",
  ],
  STORE_MANAGER: [
    ...STORE_FLOOR,
    "pos:override_price",
    "pos:refund",
    "admin:access",
    "inventory:adjust",
    "inventory:receive",
    "inventory:transfer",
    "inventory:count",
    "orders:manage",
    "fulfillment:work",
    "reports:read",
    "audit:read",
    // Only the associates of their own locations (lib/staff/staff-scope.ts).
    "staff:manage",
  ],
  ASSOCIATE: STORE_FLOOR,
  FULFILLMENT: [
    "admin:access",
    "catalog:read",
    "inventory:read",
    "inventory:receive",
    "inventory:transfer",
    "inventory:count",
    "orders:read",
    "fulfillment:work",
  ],
};

/** Roles whose work is tied to the locations they are assigned to. */
export const LOCATION_SCOPED_ROLES: ReadonlySet<StaffRoleName> = new Set([
  "STORE_MANAGER",
  "ASSOCIATE",
]);

export const ROLE_LABELS: Record<StaffRoleName, string> = {
  OWNER: "Owner",
  MERCHANDISER: "Merchandiser",
  STORE_MANAGER: "Store manager",
  ASSOCIATE: "Associate",
  FULFILLMENT: "Fulfillment",
};

/** Whether a role's matrix row includes a permission. */
export function roleAllows(role: StaffRoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
