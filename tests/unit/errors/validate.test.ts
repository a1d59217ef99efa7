import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";
import { statusFor } from "@/lib/errors/http";

describe("parseInput", () => {
  const schema = z.object({ email: z.email(), quantity: z.number().int().positive() });

  it("returns the parsed value for good input", () => {
    expect(parseInput(schema, { email: "a@b.co", quantity: 2 })).toEqual({
      email: "a@b.co",
      quantity: 2,
    });
  });

  it("names every refused field and why", () => {
    try {
      parseInput(schema, { email: "nope", quantity: -1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe("invalid_input");
      expect(Object.keys(appError.fields ?? {})).toEqual(["email", "quantity"]);
    }
  });
});

describe("statusFor", () => {
  it.each([
    ["invalid_input", 422],
    ["not_found", 404],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["conflict", 409],
    ["payment_declined", 402],
    ["rate_limited", 429],
    ["internal", 500],
  ] as const)("maps %s to %i", (code, status) => {
    expect(statusFor(code)).toBe(status);
  });
});
