import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey, hashApiKey } from "@/lib/auth/api-keys";
import { verifySecret } from "@/lib/auth/password";
import { seedDemoData } from "@/lib/db/seed";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

/** Runs `npm run cli -- …` as a person would, against this file's database. */
function cli(args: string[], input?: string) {
  const result = spawnSync("npx", ["tsx", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "silent" },
    input,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("user create", () => {
  it("creates a staff member whose password is stored only as an Argon2 hash", async () => {
    const run = cli(
      [
        "user",
        "create",
        "--email",
        "New.Person@Example.com",
        "--role",
        "ASSOCIATE",
        "--location",
        "STR-LDN",
      ],
      "a-long-enough-password\n",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/created ASSOCIATE new\.person@example\.com/);

    const user = await db.prisma.staffUser.findUniqueOrThrow({
      where: { email: "new.person@example.com" },
      include: { locations: { include: { location: true } } },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifySecret(user.passwordHash, "a-long-enough-password")).toBe(true);
    expect(user.locations.map((l) => l.location.code)).toEqual(["STR-LDN"]);

    const audit = await db.prisma.auditEntry.findFirst({
      where: { entityType: "staff_user", entityId: user.id },
    });
    expect(audit?.action).toBe("staff.created");
    expect(JSON.stringify(audit?.after)).not.toContain("a-long-enough-password");
  });

  it("refuses an unknown role and names the choices", () => {
    const run = cli(
      ["user", "create", "--email", "x@example.com", "--role", "CASHIER"],
      "pw\n",
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/CASHIER.*(OWNER|ASSOCIATE)/s);
  });

  it("refuses a short password, naming the field, and writes nothing", async () => {
    const run = cli(
      ["user", "create", "--email", "short@example.com", "--role", "OWNER"],
      "abc\n",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/password: Use at least 10 characters/);
    expect(
      await db.prisma.staffUser.count({ where: { email: "short@example.com" } }),
    ).toBe(0);
  });

  it("refuses a second account with the same email", () => {
    const args = ["user", "create", "--email", "twice@example.com", "--role", "OWNER"];
    expect(cli(args, "first-password-123\n").code).toBe(0);
    const second = cli(args, "second-password-123\n");
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  });

  it("refuses an unknown location code", () => {
    const run = cli(
      [
        "user",
        "create",
        "--email",
        "lost@example.com",
        "--role",
        "ASSOCIATE",
        "--location",
        "NOWHERE",
      ],
      "a-long-enough-password\n",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Unknown location code: NOWHERE/);
  });
});

describe("api-key create", () => {
  it("prints the key once, stores only its hash, and the key authenticates", async () => {
    const run = cli([
      "api-key",
      "create",
      "--name",
      "ERP sync",
      "--scope",
      "catalog:read",
    ]);
    expect(run.code).toBe(0);
    const key = run.stdout.trim().split("\n").at(-1) ?? "";
    expect(key).toMatch(/^otk_/);

    const row = await db.prisma.apiKey.findFirstOrThrow({ where: { name: "ERP sync" } });
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);

    const actor = await authenticateApiKey(db.prisma, `Bearer ${key}`);
    expect(actor).toMatchObject({
      kind: "api_key",
      name: "ERP sync",
      scopes: ["catalog:read"],
    });
  });

  it("refuses an unknown scope", () => {
    const run = cli(["api-key", "create", "--name", "bad", "--scope", "everything"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/everything/);
  });

  it("does not authenticate a wrong or missing key", async () => {
    await expect(authenticateApiKey(db.prisma, "Bearer otk_nope")).rejects.toMatchObject({
      code: "unauthenticated",
    });
    await expect(authenticateApiKey(db.prisma, null)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});
