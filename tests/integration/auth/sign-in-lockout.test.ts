import { beforeAll, describe, expect, it } from "vitest";
import { lockedUntil, SIGN_IN_LIMITS, throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { DEMO_SIGN_INS, seedDemoData } from "@/lib/db/seed";
import { AppError } from "@/lib/errors";
import { verifyStaffSignIn } from "@/lib/staff/verify-staff-sign-in";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  // authOptions uses the app's shared client; point it at this database.
  (globalThis as { __omnitillPrisma?: unknown }).__omnitillPrisma = db.prisma;
});

const [owner, manager, associate, other] = [
  DEMO_SIGN_INS.find((s) => s.role === "OWNER"),
  DEMO_SIGN_INS.find((s) => s.role === "STORE_MANAGER"),
  DEMO_SIGN_INS.find((s) => s.role === "ASSOCIATE"),
  DEMO_SIGN_INS.find((s) => s.role === "MERCHANDISER"),
].map((account) => {
  if (!account) throw new Error("demo data changed");
  return account;
}) as [
  (typeof DEMO_SIGN_INS)[number],
  (typeof DEMO_SIGN_INS)[number],
  (typeof DEMO_SIGN_INS)[number],
  (typeof DEMO_SIGN_INS)[number],
];

/** A clock the test moves by hand. */
function clock(start = new Date("2026-12-01T10:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
}

function signIn(email: string, password: string, ipAddress: string, now: () => Date) {
  return throttleSignIn(
    db.prisma,
    { audience: "staff", email, ipAddress },
    () => verifyStaffSignIn(db.prisma, { email, password }),
    now,
  );
}

async function failTimes(times: number, email: string, ip: string, now: () => Date) {
  for (let i = 0; i < times; i += 1) {
    await expect(signIn(email, "wrong-password", ip, now)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  }
}

describe("sign-in lockout per account", () => {
  it("locks an account after five wrong passwords and says when to retry", async () => {
    const time = clock(new Date("2026-12-01T10:00:00Z"));
    await failTimes(SIGN_IN_LIMITS.perAccount, owner.email, "10.0.0.1", time.now);
    time.advance(2);

    const refused = signIn(owner.email, owner.password, "10.0.0.1", time.now);

    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: "rate_limited",
      publicMessage: "Too many sign-in attempts. Try again in 13 minutes.",
      retryAfterSeconds: 13 * 60,
    });
  });

  it("refuses even the right password from another address while locked", async () => {
    const time = clock(new Date("2026-12-02T10:00:00Z"));
    await failTimes(SIGN_IN_LIMITS.perAccount, manager.email, "10.0.1.1", time.now);

    await expect(
      signIn(manager.email, manager.password, "10.0.1.2", time.now),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("lets the person in again once the window has passed, and does not extend it", async () => {
    const time = clock(new Date("2026-12-03T10:00:00Z"));
    await failTimes(SIGN_IN_LIMITS.perAccount, associate.email, "10.0.2.1", time.now);
    for (let minute = 1; minute <= 10; minute += 1) {
      time.advance(1);
      await expect(
        signIn(associate.email, "still-wrong", "10.0.2.1", time.now),
      ).rejects.toMatchObject({ code: "rate_limited" });
    }
    time.advance(SIGN_IN_LIMITS.windowMinutes - 10);

    const actor = await signIn(associate.email, associate.password, "10.0.2.1", time.now);
    expect(actor.email).toBe(associate.email);
  });

  it("forgives earlier wrong passwords after a successful sign-in", async () => {
    const time = clock(new Date("2026-12-04T10:00:00Z"));
    await failTimes(SIGN_IN_LIMITS.perAccount - 1, other.email, "10.0.3.1", time.now);
    await signIn(other.email, other.password, "10.0.3.1", time.now);
    await failTimes(SIGN_IN_LIMITS.perAccount - 1, other.email, "10.0.3.1", time.now);

    await expect(
      signIn(other.email, other.password, "10.0.3.1", time.now),
    ).resolves.toMatchObject({
      email: other.email,
    });
  });

  it("counts unknown emails too, so probing for accounts is limited the same way", async () => {
    const time = clock(new Date("2026-12-05T10:00:00Z"));
    await failTimes(
      SIGN_IN_LIMITS.perAccount,
      "nobody@omnitill.test",
      "10.0.4.1",
      time.now,
    );

    await expect(
      signIn("NoBody@Omnitill.test", "anything", "10.0.4.2", time.now),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("checks the password at most five times when many tries race at once", async () => {
    const time = clock(new Date("2026-12-06T10:00:00Z"));
    let checks = 0;
    const tries = Array.from({ length: 20 }, (_, i) =>
      throttleSignIn(
        db.prisma,
        { audience: "staff", email: "racer@omnitill.test", ipAddress: `10.0.5.${i}` },
        async () => {
          checks += 1;
          throw new AppError("unauthenticated", "The email or password is not right.");
        },
        time.now,
      ),
    );

    const outcomes = await Promise.allSettled(tries);

    const codes = outcomes.map((o) => (o.status === "rejected" ? o.reason.code : "ok"));
    expect(checks).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(codes.filter((code) => code === "unauthenticated")).toHaveLength(checks);
    expect(codes.filter((code) => code === "rate_limited")).toHaveLength(20 - checks);
  });
});

describe("sign-in lockout per address", () => {
  it("locks an address that tries many accounts, but not the accounts elsewhere", async () => {
    const time = clock(new Date("2026-12-07T10:00:00Z"));
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i += 1) {
      await expect(
        signIn(`spray-${i}@omnitill.test`, "password", "203.0.113.9", time.now),
      ).rejects.toMatchObject({ code: "unauthenticated" });
    }

    await expect(
      signIn(owner.email, owner.password, "203.0.113.9", time.now),
    ).rejects.toMatchObject({ code: "rate_limited" });
    const until = await lockedUntil(
      db.prisma,
      { audience: "staff", email: owner.email, ipAddress: "198.51.100.1" },
      time.now(),
    );
    expect(until).toBeNull();
  });
});

type Authorize = (credentials: unknown, req: unknown) => Promise<unknown>;

/** The staff credentials provider as next-auth calls it (its options hold our code). */
async function staffProvider(): Promise<{ options: { authorize: Authorize } }> {
  const { authOptions } = await import("@/lib/next/auth-options");
  const providers = authOptions.providers as unknown as {
    options: { id: string; authorize: Authorize };
  }[];
  const provider = providers.find((p) => p.options.id === "staff");
  if (!provider) throw new Error("no staff provider");
  return provider;
}

describe("the staff sign-in provider", () => {
  it("hands the form a lockout code with the seconds to wait", async () => {
    const provider = await staffProvider();
    const req = { headers: { "x-forwarded-for": "192.0.2.50, 192.0.2.77" } };
    const email = "locked.out@omnitill.test";

    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i += 1) {
      await expect(
        provider.options.authorize({ email, password: "wrong-password" }, req),
      ).rejects.toThrow("CredentialsSignin");
    }
    const refused = provider.options.authorize(
      { email, password: "wrong-password" },
      req,
    );

    await expect(refused).rejects.toThrow(/^rate_limited:\d+$/);
    const rows = await db.prisma.signInAttempt.findMany({ where: { email } });
    // The nearest proxy's entry counts, not what the client put before it.
    expect(new Set(rows.map((r) => r.ipAddress))).toEqual(new Set(["192.0.2.77"]));
    expect(rows.map((r) => r.outcome).sort()).toEqual([
      "FAILED",
      "FAILED",
      "FAILED",
      "FAILED",
      "FAILED",
      "LOCKED_OUT",
    ]);
  });

  it("signs a person in and records the success", async () => {
    const provider = await staffProvider();
    const user = await provider.options.authorize(
      { email: associate.email, password: associate.password },
      { headers: { "x-forwarded-for": "192.0.2.90" } },
    );

    expect(user).toMatchObject({ email: associate.email, kind: "staff" });
  });
});
