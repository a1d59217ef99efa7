"use client";

import { useQuery } from "@tanstack/react-query";

async function fetchMe(): Promise<{ firstName: string | null }> {
  const response = await fetch("/api/storefront/me", { cache: "no-store" });
  return response.ok
    ? ((await response.json()) as { firstName: string | null })
    : { firstName: null };
}

/**
 * The header's account link: the shopper's first name once signed in.
 * Asked for by the browser, so the page around it stays the same for
 * everyone and can be cached.
 */
export function AccountLink() {
  const { data } = useQuery({
    queryKey: ["storefront-me"],
    queryFn: fetchMe,
    staleTime: 60_000,
  });
  const name = data?.firstName;
  // A plain link: the account pages load as a new document under their own
  // nonce policy, never under the cached catalogue pages' fixed one.
  return (
    <a
      href={name ? "/account" : "/account/sign-in"}
      // A fixed width, so the header does not move when the name arrives.
      className="inline-flex min-h-11 w-24 items-center justify-center rounded-lg px-2 hover:bg-black/5"
    >
      <span className="truncate">
        {data === undefined ? "Account" : (name ?? "Sign in")}
      </span>
    </a>
  );
}
