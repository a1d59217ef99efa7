import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/lib/next/security-headers";

/**
 * Runs before every page: makes a fresh nonce and the content security
 * policy that carries it. Next reads the policy from the request headers and
 * puts the nonce on the scripts it renders, which is why every page renders
 * per request (the root layout awaits `connection()`).
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({
    nonce,
    isDev: process.env.NODE_ENV === "development",
    isHttps: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    allowsWasm: isTillPath(request.nextUrl.pathname),
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** The till's pages: the only ones that run WebAssembly. */
function isTillPath(pathname: string): boolean {
  return pathname === "/pos" || pathname.startsWith("/pos/");
}

export const config = {
  matcher: [
    {
      // Pages only: API responses get a fixed deny-all policy from
      // next.config.ts, and built assets need none.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|sw.js|manifest).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
