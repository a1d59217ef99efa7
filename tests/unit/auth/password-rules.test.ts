import { describe, expect, it } from "vitest";
import { passwordProblems } from "@/lib/auth/password-rules";
import { isGuessablePin } from "@/lib/staff/schemas";

describe("password rules", () => {
  it.each([
    ["short", "abc123", /at least 10/],
    ["a listed password", "1234567890", /too common/],
    ["a common word with digits", "Password2026", /too common/],
    ["a common word wrapped in symbols", "!!Welcome123!!", /too common/],
    ["one repeated character", "zzzzzzzzzzzz", /too common/],
    ["a keyboard run", "asdfghjkl", /at least 10/],
    ["a longer keyboard run", "qwertyuiop", /too common/],
    ["the demo password", "omnitill-demo", /too common/],
  ])("refuses %s", (_case, password, reason) => {
    expect(passwordProblems(password).join(" ")).toMatch(reason);
  });

  it("refuses a password made from the person's email or name", () => {
    expect(passwordProblems("maya.lewis!!", { email: "maya.lewis@x.test" })).not.toEqual(
      [],
    );
    expect(passwordProblems("Okafor2026!!", { name: "Tom Okafor" })).not.toEqual([]);
  });

  it.each(["harbour-lantern-42", "correct horse battery", "Tr0ub4dor&3xyz"])(
    "accepts %s",
    (password) => {
      expect(passwordProblems(password, { email: "a@b.test", name: "Al Bo" })).toEqual(
        [],
      );
    },
  );
});

describe("POS PINs", () => {
  it.each([
    ["1111", true],
    ["1234", true],
    ["987654", true],
    ["2468", false],
    ["3795", false],
    ["1122", false],
  ])("%s is guessable: %s", (pin, expected) => {
    expect(isGuessablePin(pin)).toBe(expected);
  });
});
