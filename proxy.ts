import { type NextRequest, NextResponse } from "next/server";
import { listingSegment } from "@/lib/catalog/listing-params";
import { contentSecurityPolicy, isPublicCatalogPath } from "@/lib/next/security-headers";

const CATEGORY_PATH = /^\/categories\/([^/]+)\/?$/;
/** What the page matcher below leaves out; keep the two alike. */
const NOT_A_PAGE = /^\/(api\/|_next\/static|_next\/image|favicon\.ico|sw\.js|manifest)/;

/**
 * Runs before every page but the cached public catalogue ones (home,
 * categories, products): makes a fresh nonce and the content security
 * policy that carries it. Next reads the policy from the request headers and
 * puts the nonce on the scripts it renders, which is why those pages render
 * per request (their layouts or pages are `force-dynamic`). Category
 * listings pass through here only to have their filters moved into the path.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isWellEncoded(pathname)) return badlyEncoded();
  // Reached only through the percent-sign matcher: no page, no policy here.
  if (NOT_A_PAGE.test(pathname)) return NextResponse.next();
  const category = CATEGORY_PATH.exec(pathname);
  if (category) return rewriteCategory(request, category[1] ?? "");
  // The fixed policy of next.config.ts applies; no nonce.
  if (isPublicCatalogPath(pathname)) return NextResponse.next();

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

/**
 * A category listing is cached whole by path (see its page): its filters
 * move from the query into the last path segment, in a canonical order.
 * The browser keeps the address it asked for. The content security policy
 * is the fixed one of the public catalogue pages (next.config.ts).
 */
function rewriteCategory(request: NextRequest, handle: string) {
  const segment = encodeURIComponent(listingSegment(request.nextUrl.searchParams));
  const target = new URL(`/categories/${handle}/${segment}`, request.url);
  return NextResponse.rewrite(target);
}

/**
 * Whether every percent sign in `pathname` starts a valid escape. Next
 * cannot decode the parameters of an address that is not, and answers 500
 * from its router; such an address is the client's mistake.
 */
function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badlyEncoded(): NextResponse {
  return new NextResponse("Bad request: the address is not validly percent-encoded.", {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/** The till's pages: the only ones that run WebAssembly. */
function isTillPath(pathname: string): boolean {
  return pathname === "/pos" || pathname.startsWith("/pos/");
}

export const config = {
  matcher: [
    // Any address with a percent sign, cached catalogue pages and the API
    // included, so a malformed escape is answered 400 here.
    "/:path(.*%.*)",
    // Category listings with filters, prefetches included: their filters
    // move into the path. One entry per filter, since Next reads this list
    // as it is written (LISTING_QUERY_KEYS); next.config.ts rewrites the
    // listings without filters.
    { source: "/categories/:handle", has: [{ type: "query", key: "size" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "colour" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "min" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "max" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "delivery" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "store" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "sort" }] },
    { source: "/categories/:handle", has: [{ type: "query", key: "page" }] },
    {
      // Pages only: API responses get a fixed deny-all policy from
      // next.config.ts, and built assets need none. Nor do the public
      // catalogue pages (home, categories, products): they are cached whole
      // and carry a fixed policy set in next.config.ts.
      source:
        "/((?!api/|_next/static|_next/image|favicon.ico|sw.js|manifest|categories/|products/).+)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
