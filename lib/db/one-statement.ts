import { Prisma } from "./generated/client";

/**
 * Several writes as one SQL statement: `main` (which must end in RETURNING)
 * gives the statement's rows, and each of `others` runs beside it as a
 * data-modifying CTE. PostgreSQL runs a statement outside a transaction as
 * a transaction of its own, so all of them commit or none does; it costs
 * one round trip instead of BEGIN, one per write, and COMMIT, and it holds
 * its row locks only while the server runs it.
 *
 * The others see the database as it was before the statement (they cannot
 * read `main`'s new rows except through its name, `main`), so they write
 * what the caller already knows: an outbox event, an audit entry.
 */
export function oneStatement(
  main: Prisma.Sql,
  ...others: readonly (Prisma.Sql | null)[]
): Prisma.Sql {
  const ctes = others
    .filter((other): other is Prisma.Sql => other !== null)
    .map((other, index) => Prisma.sql`, ${Prisma.raw(`w${index}`)} AS (${other})`);
  const rest = ctes.length > 0 ? Prisma.join(ctes, "") : Prisma.empty;
  return Prisma.sql`WITH main AS (${main})${rest} SELECT * FROM main`;
}

/** A JSON value as a statement parameter (big integers as strings), or SQL NULL. */
export function jsonParam(value: unknown): Prisma.Sql {
  if (value === undefined || value === null) return Prisma.sql`NULL::jsonb`;
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === "bigint" ? v.toString() : v,
  );
  return Prisma.sql`${text}::jsonb`;
}
