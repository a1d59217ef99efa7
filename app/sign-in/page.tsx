import type { Metadata } from "next";
import { SignInForm } from "@/components/ui/sign-in-form";
import { safeCallbackUrl } from "@/lib/next/safe-callback";

// Per request: the content security policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Staff sign-in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StaffSignInPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/admin");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-brand-900 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 shadow-xl">
        <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">
          Omnitill
        </p>
        <h1 className="mb-6 mt-1 text-2xl font-bold">Staff sign-in</h1>
        <SignInForm provider="staff" callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
