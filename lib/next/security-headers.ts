/**
 * The security headers every response carries. The content security policy
 * of pages is made per request in proxy.ts with a fresh nonce; the rest are
 * fixed and set for every path in next.config.ts.
 */

export interface CspOptions {
  /** A fresh, unguessable value per response. */
  nonce: string;
  /** `next dev` needs eval (React's error overlay) and inline styles. */
  isDev: boolean;
  /** Served over https: ask the browser to upgrade any http request. */
  isHttps: boolean;
  /**
   * The till checks PINs offline with WebAssembly Argon2: its pages may
   * compile WebAssembly ('wasm-unsafe-eval' allows that and no JS eval).
   */
  allowsWasm?: boolean;
}

/**
 * Third-party origins the app loads from: none, unless Stripe takes cards
 * in the browser, whose Payment Element needs Stripe.js, its frames (3D
 * Secure included) and its API (Stripe's documented CSP). Everything else,
 * fonts included, is served by the app itself.
 */
export function thirdPartySources(
  env: Partial<Record<string, string | undefined>> = process.env,
): {
  script: string[];
  frame: string[];
  connect: string[];
} {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_PUBLISHABLE_KEY) {
    return { script: [], frame: [], connect: [] };
  }
  return {
    script: ["https://js.stripe.com", "https://*.js.stripe.com"],
    frame: [
      "https://js.stripe.com",
      "https://*.js.stripe.com",
      "https://hooks.stripe.com",
    ],
    connect: ["https://api.stripe.com"],
  };
}

export const THIRD_PARTY_SOURCES = thirdPartySources();

/**
 * The policy for pages. Scripts run only with this response's nonce (Next
 * puts it on its own scripts) or when loaded by such a script
 * ('strict-dynamic'), so an injected <script> does nothing. Style elements
 * need the nonce too; style *attributes* are allowed because React renders
 * `style={…}` props as attributes and they cannot carry a nonce, while CSS
 * in an attribute cannot run code. No page may be framed.
 */
export function contentSecurityPolicy({
  nonce,
  isDev,
  isHttps,
  allowsWasm = false,
}: CspOptions): string {
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    [
      "script-src",
      [
        "'self'",
        `'nonce-${nonce}'`,
        "'strict-dynamic'",
        ...(isDev ? ["'unsafe-eval'"] : []),
        ...(allowsWasm ? ["'wasm-unsafe-eval'"] : []),
        ...THIRD_PARTY_SOURCES.script,
      ],
    ],
    ["style-src", ["'self'", isDev ? "'unsafe-inline'" : `'nonce-${nonce}'`]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    [
      "connect-src",
      ["'self'", ...(isDev ? ["ws:"] : []), ...THIRD_PARTY_SOURCES.connect],
    ],
    // The POS scanner shows the camera in a <video>; receipts may be blobs.
    ["media-src", ["'self'", "blob:"]],
    ["worker-src", ["'self'", "blob:"]],
    ["manifest-src", ["'self'"]],
    [
      "frame-src",
      THIRD_PARTY_SOURCES.frame.length ? THIRD_PARTY_SOURCES.frame : ["'none'"],
    ],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (isHttps) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/**
 * The public catalogue pages: home, categories and products. They are
 * rendered once and served to every shopper from the page cache, so their
 * policy cannot carry a per-response nonce.
 */
export const PUBLIC_CATALOG_SOURCES = ["/", "/categories/:path*", "/products/:path*"];

/** Whether `pathname` is one of the public catalogue pages. */
export function isPublicCatalogPath(pathname: string): boolean {
  return (
    pathname === "/" ||
    pathname.startsWith("/categories/") ||
    pathname.startsWith("/products/")
  );
}

/**
 * The policy of the public catalogue pages. Next renders its page data as
 * inline scripts whose text differs per page and per render, so neither a
 * nonce (the page is cached) nor hashes (unknown in advance) can allow
 * them: inline scripts are allowed here ('unsafe-inline'), scripts from
 * elsewhere are not. These pages hold no shopper data and no form that
 * posts a secret; everything else (sources, frames, form targets, framing)
 * is as strict as on the other pages. Pages that do (checkout, bag,
 * account, order status, the till and the back-office) keep the nonce
 * policy, and the links into them from these pages load a fresh document,
 * so they never run under this policy. See README "Security".
 */
export function publicCatalogContentSecurityPolicy({
  isDev,
  isHttps,
}: Omit<CspOptions, "nonce" | "allowsWasm">): string {
  const policy = contentSecurityPolicy({ nonce: "unused", isDev, isHttps })
    .split("; ")
    .map((directive) => {
      if (directive.startsWith("script-src ")) {
        return ["script-src 'self' 'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : [])]
          .concat(THIRD_PARTY_SOURCES.script)
          .join(" ");
      }
      if (directive.startsWith("style-src ")) return "style-src 'self' 'unsafe-inline'";
      return directive;
    });
  return policy.join("; ");
}

/** For JSON and other non-page responses: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The fixed headers of every response. HSTS only in production builds,
 * where the app sits behind https; browsers ignore it over plain http.
 */
export function staticSecurityHeaders(
  isProduction: boolean,
): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      // The POS scans with the camera and talks to receipt printers and
      // cash drawers over Web Serial and WebUSB; the location form may use
      // the device's position. Nothing else.
      value:
        "camera=(self), serial=(self), usb=(self), geolocation=(self), " +
        "payment=(self), fullscreen=(self), microphone=(), browsing-topics=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(isProduction
      ? [
          {
            key: "Strict-Transport-Security",
            value: "max-age=63072000; includeSubDomains",
          },
        ]
      : []),
  ];
}
