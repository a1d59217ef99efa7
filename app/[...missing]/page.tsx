import { notFound } from "next/navigation";

// An address no other route claims. Rendered per request, so that the
// not-found page carries the nonce of its content security policy
// (proxy.ts); the prerendered one could not, and its scripts would be blocked.
export const dynamic = "force-dynamic";

export default function MissingPage(): never {
  notFound();
}
