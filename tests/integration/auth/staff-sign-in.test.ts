import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SIGN_INS, seedDemoData } from "@/lib/db/seed";
import { verifyStaffSignIn } from "@/lib/staff/verify-staff-sign-in";
import { createTestDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

describe("staff sign-in", () => {
  it("signs in every demo account with its role and locations", async () => {
    for (const account of DEMO_SIGN_INS) {
      const actor = await verifyStaffSignIn(db.prisma, account);
      expect(actor.role).toBe(account.role);
      if (account.role === "ASSOCIATE" || account.role === "STORE_MANAGER") {
        expect(actor.locationIds).toHaveLength(account.locationCodes.length);
      } else {
        expect(actor.locationIds).toBe("all");
      }
    }
  });

  it("accepts the email in any case", async () => {
    const owner = DEMO_SIGN_INS.find((s) => s.role === "OWNER");
    const actor = await verifyStaffSignIn(db.prisma, {
      email: owner?.email.toUpperCase(),
      password: owner?.password,
    });
    expect(actor.email).toBe(owner?.email);
  });

  it("refuses a wrong password and an unknown email with the same words", async () => {
    const owner = DEMO_SIGN_INS.find((s) => s.role === "OWNER");
    const wrong = verifyStaffSignIn(db.prisma, { email: owner?.email, password: "nope" });
    const unknown = verifyStaffSignIn(db.prisma, {
      email: "ghost@x.test",
      password: "nope",
    });
    await expect(wrong).rejects.toMatchObject({
      code: "unauthenticated",
      publicMessage: "The email or password is not right.",
    });
    await expect(unknown).rejects.toMatchObject({
      code: "unauthenticated",
      publicMessage: "The email or password is not right.",
    });
  });

  it("refuses a deactivated staff member", async () => {
    const associate = DEMO_SIGN_INS.find((s) => s.role === "ASSOCIATE");
    await db.prisma.staffUser.update({
      where: { email: associate?.email },
      data: { isActive: false },
    });
    await expect(verifyStaffSignIn(db.prisma, associate)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("answers malformed input with field errors", async () => {
    await expect(
      verifyStaffSignIn(db.prisma, { email: "not-an-email", password: "" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
