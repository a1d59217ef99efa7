/**
 * The till checks PINs offline against the hashes the server made: a
 * hash from the server's Argon2id (lib/auth/password) must verify with the
 * browser's WebAssembly Argon2, and a wrong PIN must not.
 */
import { describe, expect, it } from "vitest";
import { createPinChecker } from "@/components/pos/offline/offline-pin";
import { hashSecret } from "@/lib/auth/password";

describe("offline PIN switching", () => {
  it("finds the colleague whose PIN it is, from the server's own hashes", async () => {
    const staff = [
      { id: "a", name: "Ada", pinHash: await hashSecret("2468") },
      { id: "b", name: "Ben", pinHash: await hashSecret("1357") },
      { id: "c", name: "Cy", pinHash: null },
    ];
    const check = createPinChecker();
    expect(await check(staff, "1357")).toMatchObject({
      kind: "found",
      member: { id: "b" },
    });
    expect(await check(staff, "0000")).toEqual({ kind: "wrong" });
  });

  it("waits after five wrong PINs in a row", async () => {
    let clock = 1_000;
    const check = createPinChecker(() => clock);
    const staff = [{ id: "a", name: "Ada", pinHash: await hashSecret("2468") }];
    for (let i = 0; i < 5; i += 1)
      expect((await check(staff, "9999")).kind).toBe("wrong");
    expect(await check(staff, "2468")).toEqual({ kind: "locked", seconds: 30 });
    clock += 30_000;
    expect((await check(staff, "2468")).kind).toBe("found");
  });
});
