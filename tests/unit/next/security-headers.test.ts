import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/components/ui/sign-in-form";
import { clientIpFrom } from "@/lib/next/client-ip";
import {
  contentSecurityPolicy,
  isPublicCatalogPath,
  publicCatalogContentSecurityPolicy,
  staticSecurityHeaders,
  thirdPartySources,
} from "@/lib/next/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((d) => {
      const [name = "", ...values] = d.split(" ");
      return [name, values];
    }),
  );
}

describe("the content security policy", () => {
  it("runs only scripts carrying this response's nonce, and nothing inline or eval'd", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: "abc", isDev: false, isHttps: true }),
    );

    expect(policy.get("script-src")).toEqual([
      "'self'",
      "'nonce-abc'",
      "'strict-dynamic'",
    ]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("lets the till's pages compile WebAssembly, and still eval nothing", () => {
    const policy = directives(
      contentSecurityPolicy({
        nonce: "n",
        isDev: false,
        isHttps: true,
        allowsWasm: true,
      }),
    );

    expect(policy.get("script-src")).toContain("'wasm-unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(
      directives(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: true })).get(
        "script-src",
      ),
    ).not.toContain("'wasm-unsafe-eval'");
  });

  it("allows eval and inline styles only for the development server, and no upgrade over http", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: "n", isDev: true, isHttps: false }),
    );

    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toContain("'unsafe-inline'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("third-party origins", () => {
  it("are none without Stripe, and Stripe's script, frames and API with both its keys", () => {
    expect(thirdPartySources({ STRIPE_SECRET_KEY: "sk_test_1" })).toEqual({
      script: [],
      frame: [],
      connect: [],
    });
    const stripe = thirdPartySources({
      STRIPE_SECRET_KEY: "sk_test_1",
      STRIPE_PUBLISHABLE_KEY: "pk_test_1",
    });
    expect(stripe.script).toContain("https://js.stripe.com");
    expect(stripe.frame).toEqual(expect.arrayContaining(["https://hooks.stripe.com"]));
    expect(stripe.connect).toEqual(["https://api.stripe.com"]);
  });
});

describe("the fixed security headers", () => {
  it("deny framing, limit the referrer, allow the camera for the POS, and add HSTS in production", () => {
    const headers = new Map(staticSecurityHeaders(true).map((h) => [h.key, h.value]));

    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Permissions-Policy")).toContain("camera=(self)");
    expect(headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders(false).map((h) => h.key)).not.toContain(
      "Strict-Transport-Security",
    );
  });
});

describe("the client's address", () => {
  it("is the entry the nearest proxy added, not what the client claimed", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.4" }))).toBe(
      "203.0.113.4",
    );
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.2" })).toBe("198.51.100.2");
    expect(clientIpFrom({})).toBe("unknown");
  });
});

describe("the sign-in form's words", () => {
  it("tells a locked-out person when to try again", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(signInErrorMessage("rate_limited:540", now)).toMatch(
      /^Too many sign-in attempts\. Try again at .+ \(in 9 minutes\)\.$/,
    );
    expect(signInErrorMessage("rate_limited:30", now)).toMatch(/in 1 minute\)/);
  });

  it("says the same plain thing for any other refusal", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(
      "The email or password is not right.",
    );
    expect(signInErrorMessage("")).toBe("The email or password is not right.");
  });
});

describe("the policy of the cached public catalogue pages", () => {
  it("allows inline scripts but nothing from elsewhere, and is as strict otherwise", () => {
    const policy = directives(
      publicCatalogContentSecurityPolicy({ isDev: false, isHttps: true }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...policy.values()].flat().join(" ")).not.toContain("nonce-");
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(
      directives(contentSecurityPolicy({ nonce: "n", isDev: false, isHttps: true })).get(
        "form-action",
      ),
    );
  });

  it("covers the home, category and product pages only", () => {
    for (const path of ["/", "/categories/women", "/products/merino-crew-jumper"]) {
      expect(isPublicCatalogPath(path), path).toBe(true);
    }
    for (const path of ["/cart", "/checkout", "/account", "/search", "/pos", "/admin"]) {
      expect(isPublicCatalogPath(path), path).toBe(false);
    }
  });
});
