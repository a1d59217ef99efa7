/**
 * The admin command line: `npm run cli -- <command>`. Each command parses
 * its options, calls one domain function as the system actor "cli", and
 * prints the result. Errors print their public message and exit 1.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { Command, Option } from "commander";
import type { Actor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/auth/api-keys";
import { PERMISSIONS, STAFF_ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { isAppError } from "@/lib/errors";
import { verifyLedger } from "@/lib/inventory/verify-ledger";
import { createStaffUser } from "@/lib/staff/create-staff-user";

const CLI_ACTOR: Actor = { kind: "system", reason: "cli" };

/** Reads a secret from the terminal without echoing it, or a line from a pipe. */
async function readSecret(prompt: string): Promise<string> {
  const isTty = process.stdin.isTTY === true;
  let isMuted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!isMuted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: isTty });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      if (isTty) process.stdout.write("\n");
      resolve(answer);
    });
    isMuted = isTty;
  });
}

async function run(action: () => Promise<void>) {
  try {
    await prepareDatabase({ seed: false });
    await action();
  } catch (error) {
    if (isAppError(error)) {
      console.error(`error: ${error.publicMessage}`);
      for (const [field, reasons] of Object.entries(error.fields ?? {})) {
        console.error(`  ${field}: ${reasons.join("; ")}`);
      }
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    // An open pool would keep the process alive until its idle timeout.
    await getDb().$disconnect();
  }
}

const program = new Command("omnitill").description("Omnitill administration");

const user = program.command("user").description("staff accounts");
user
  .command("create")
  .description("create a staff member (asks for the password unless --password is given)")
  .requiredOption("--email <email>", "sign-in email")
  .addOption(
    new Option("--role <role>", "role").choices(STAFF_ROLES).makeOptionMandatory(),
  )
  .option("--name <name>", "display name (defaults to the part of the email before @)")
  .option("--password <password>", "password (avoid: it stays in shell history)")
  .option("--pin <pin>", "POS PIN, 4 to 6 digits")
  .option("--location <code...>", "location codes the person works at")
  .action((options) =>
    run(async () => {
      const password = options.password ?? (await readSecret("Password: "));
      const created = await createStaffUser(getDb(), CLI_ACTOR, {
        email: options.email,
        name: options.name ?? String(options.email).split("@")[0],
        role: options.role,
        password,
        pin: options.pin,
        locationCodes: options.location ?? [],
      });
      console.log(`created ${created.role} ${created.email} (${created.id})`);
    }),
  );

const apiKey = program.command("api-key").description("API keys for /api/v1");
apiKey
  .command("create")
  .description("create an API key and print it once")
  .requiredOption("--name <name>", "what the key is for")
  .addOption(
    new Option(
      "--scope <permission...>",
      "permissions the key may use (default: all)",
    ).choices(PERMISSIONS),
  )
  .action((options) =>
    run(async () => {
      const created = await createApiKey(getDb(), CLI_ACTOR, {
        name: options.name,
        scopes: options.scope ?? [...PERMISSIONS],
      });
      console.log(`API key "${created.name}" (${created.id})`);
      console.log(`scopes: ${created.scopes.join(", ")}`);
      console.log("Store it now; it will not be shown again:");
      console.log(created.key);
    }),
  );

const inventory = program.command("inventory").description("the stock ledger");
inventory
  .command("verify")
  .description("recompute every inventory level from its movements and reservations")
  .action(() =>
    run(async () => {
      const report = await verifyLedger(getDb());
      for (const d of report.differences) {
        const where = `${d.sku ?? d.variantId} at ${d.locationCode ?? d.locationId}`;
        console.log(
          `${where}: on hand ${d.onHand ?? "(no level)"} vs ledger ${d.ledgerOnHand}, ` +
            `reserved ${d.reserved ?? "(no level)"} vs open reservations ${d.openReserved}, ` +
            `layers ${d.layerRemaining} (${d.problems.join(", ")})`,
        );
      }
      if (report.differences.length > 0) {
        console.error(
          `${report.differences.length} of ${report.levels} levels disagree with the ledger`,
        );
        process.exitCode = 1;
        return;
      }
      console.log(`all ${report.levels} levels agree with the ledger`);
    }),
  );

await program.parseAsync(process.argv);
