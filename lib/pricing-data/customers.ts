import type { Db } from "@/lib/db/client";
import type { CustomerContext } from "@/lib/pricing";

/** Orders that count towards "first order only": placed and not undone. */
const COUNTED_STATUSES = [
  "PLACED",
  "AUTHORIZED",
  "PARTIALLY_CAPTURED",
  "CAPTURED",
  "COMPLETED",
] as const;

export interface PricingCustomer {
  /** The customer's row, when known. */
  customerId: string | null;
  /** What per-customer limits count by; null for an anonymous sale. */
  customerKey: string | null;
  /** The engine's view of the customer; null for an anonymous sale. */
  context: CustomerContext | null;
}

interface CustomerRow {
  id: string;
  groups: string[];
  isTaxExempt: boolean;
}

/** The key per-customer limits count by: the customer's id, else a guest's e-mail. */
export function customerKeyFor(
  customerId: string | null,
  email: string | null,
): string | null {
  if (customerId) return customerId;
  const normalized = email?.trim().toLowerCase();
  return normalized ? `guest:${normalized}` : null;
}

/**
 * Who the cart is for, as promotions see them: groups, tax exemption and
 * how many orders they placed before. A guest's e-mail that belongs to an
 * account is that account, so limits cannot be dodged by checking out as
 * a guest.
 */
export async function loadPricingCustomer(
  db: Db,
  options: {
    customerId?: string | null;
    email?: string | null;
    /** False when no promotion reads the order count: it is then left at 0. */
    isOrderCountNeeded?: boolean;
  },
): Promise<PricingCustomer> {
  const isCounted = options.isOrderCountNeeded ?? true;
  const email = options.email?.trim().toLowerCase() || null;
  // Every cart change and checkout reads this: only the columns used. A
  // list column may hold NULL, which Prisma reads as empty.
  const [customer] = options.customerId
    ? await db.$queryRaw<CustomerRow[]>`
        SELECT id, COALESCE(groups, '{}') AS groups, "isTaxExempt" FROM "Customer" WHERE id = ${options.customerId}`
    : email
      ? await db.$queryRaw<CustomerRow[]>`
          SELECT id, COALESCE(groups, '{}') AS groups, "isTaxExempt" FROM "Customer" WHERE email = ${email}`
      : [];

  if (customer) {
    const orderCount = isCounted
      ? await db.order.count({
          where: { customerId: customer.id, status: { in: [...COUNTED_STATUSES] } },
        })
      : 0;
    return {
      customerId: customer.id,
      customerKey: customer.id,
      context: {
        id: customer.id,
        groups: [...customer.groups].sort(),
        isTaxExempt: customer.isTaxExempt,
        orderCount,
      },
    };
  }
  const key = customerKeyFor(null, email);
  if (!key || !email) return { customerId: null, customerKey: null, context: null };

  const orderCount = isCounted
    ? await db.order.count({ where: { email, status: { in: [...COUNTED_STATUSES] } } })
    : 0;
  return {
    customerId: null,
    customerKey: key,
    context: { id: key, groups: [], isTaxExempt: false, orderCount },
  };
}
