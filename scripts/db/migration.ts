/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/
 * from the difference between the schema as of the last migration and
 * prisma/schema.prisma, with the WebAssembly schema engine (no network).
 */
import { databaseTarget } from "@/lib/db/config";
import { describeFailure, printLine } from "@/lib/db/migrations/cli";
import { createMigration } from "@/lib/db/migrations/create";

async function main(): Promise<number> {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    printLine("usage: npm run db:migration -- <name>   (e.g. add_gift_cards)");
    return 2;
  }

  const result = await createMigration({ name, target: databaseTarget() });
  if (result.status === "unchanged") {
    const since = result.since ? `since ${result.since}` : "from an empty database";
    printLine(`schema.prisma has not changed ${since}; no migration written.`);
    return 0;
  }

  printLine(`wrote prisma/migrations/${result.name}/migration.sql`);
  printLine("review it, then apply it with `npm run db:migrate`.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    printLine(describeFailure(error));
    process.exit(1);
  },
);
