import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/storefront/account/sign-up-form";
import { safeCallbackUrl } from "@/lib/next/safe-callback";

// Per request: the content security policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/account");
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-2xl font-bold">Create an account</h1>
      <p className="mb-6 text-sm text-ink/70">
        Track orders, save addresses and see what you bought in our stores.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link
          href={`/account/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="underline"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
