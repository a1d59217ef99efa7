import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db, PrismaClient } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";

const Name = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${label}.` })
    .max(100, { error: `Keep the ${label} under 100 characters.` });

const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+\d\s()-]*$/, { error: "Use digits, spaces and + ( ) - only." })
  .transform((value) => (value === "" ? null : value));

/** A customer an associate signs up at the till: a name and a way to reach them. */
export const TillCustomerSchema = z
  .strictObject({
    firstName: Name("first name"),
    lastName: Name("last name"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .transform((value) => (value === "" ? null : value))
      .pipe(z.email({ error: "Enter a valid email address." }).nullable()),
    phone: Phone,
  })
  .refine((value) => value.email !== null || value.phone !== null, {
    error: "Enter an email address or a phone number.",
    path: ["email"],
  });
export type TillCustomerInput = z.input<typeof TillCustomerSchema>;

export const FindCustomersSchema = z.strictObject({
  q: z.string().trim().min(2, { error: "Type at least two characters." }).max(100),
});

export interface CustomerMatch {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  orderCount: number;
  hasAccount: boolean;
}

/**
 * Finds customers by name, email or phone for an associate: exact email
 * first, then phone digits and name parts, at most 20.
 */
export async function findCustomers(
  db: Db,
  options: { actor: StaffActor; input: unknown },
): Promise<CustomerMatch[]> {
  authorize(options.actor, "customers:read");
  const { q } = parseInput(FindCustomersSchema, options.input);
  const digits = q.replace(/\D/g, "");
  const words = q.split(/\s+/).filter(Boolean);
  // Phones are kept as typed ("+44 7700 900123"): compare digits only.
  const byPhone =
    digits.length >= 4
      ? await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Customer"
          WHERE regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')
            LIKE ${`%${digits}%`}
          LIMIT 20`
      : [];
  const rows = await db.customer.findMany({
    where: {
      OR: [
        { email: { contains: q.toLowerCase() } },
        { id: { in: byPhone.map((row) => row.id) } },
        {
          AND: words.map((word) => ({
            OR: [
              { firstName: { contains: word, mode: "insensitive" as const } },
              { lastName: { contains: word, mode: "insensitive" as const } },
            ],
          })),
        },
      ],
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 20,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      passwordHash: true,
      _count: { select: { orders: true } },
    },
  });
  const exact = q.toLowerCase();
  return rows
    .map((row) => ({
      id: row.id,
      name: `${row.firstName} ${row.lastName}`,
      email: row.email,
      phone: row.phone,
      orderCount: row._count.orders,
      hasAccount: row.passwordHash !== null,
    }))
    .sort((a, b) => Number(b.email === exact) - Number(a.email === exact));
}

/**
 * Signs a customer up at the till. An email already known is refused with
 * a pointer to search, so two records never share one address.
 */
export async function createTillCustomer(
  db: PrismaClient,
  options: { actor: StaffActor; input: unknown; locationId?: string | null },
): Promise<CustomerMatch> {
  authorize(options.actor, "customers:write");
  const input = parseInput(TillCustomerSchema, options.input);
  return db.$transaction(async (tx) => {
    if (input.email) {
      const known = await tx.customer.findUnique({ where: { email: input.email } });
      if (known) {
        throw new AppError("conflict", "This email belongs to a customer already.", {
          fields: { email: ["Already a customer: search for them instead."] },
        });
      }
    }
    const customer = await tx.customer.create({
      data: {
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        phone: input.phone,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "customer.created",
      entityType: "customer",
      entityId: customer.id,
      locationId: options.locationId ?? null,
      after: {
        firstName: input.firstName,
        lastName: input.lastName,
        hasEmail: !!input.email,
      },
    });
    await emitEvent(tx, {
      type: "customers.customer_created",
      aggregateType: "customer",
      aggregateId: customer.id,
      locationId: options.locationId ?? null,
      payload: { customerId: customer.id },
    });
    return {
      id: customer.id,
      name: `${customer.firstName} ${customer.lastName}`,
      email: customer.email,
      phone: customer.phone,
      orderCount: 0,
      hasAccount: false,
    };
  });
}
