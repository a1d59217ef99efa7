import { currentCustomer } from "@/lib/next/session";

export const dynamic = "force-dynamic";

/**
 * Who is signed in to the storefront, for the header: the pages themselves
 * read no cookies, so they can be cached and served to everyone alike.
 */
export async function GET() {
  const customer = await currentCustomer();
  return Response.json(
    { firstName: customer?.firstName ?? null },
    { headers: { "cache-control": "private, no-store" } },
  );
}
