import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/ui/sign-in-form";
import { safeCallbackUrl } from "@/lib/next/safe-callback";

// Per request: the content security policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CustomerSignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/account");
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Sign in to your account</h1>
      <SignInForm provider="customer" callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link
          href={`/account/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="inline-flex min-h-11 items-center underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
