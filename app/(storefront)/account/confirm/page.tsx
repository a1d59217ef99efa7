import type { Metadata } from "next";
import { ConfirmAccountForm } from "@/components/storefront/account/confirm-account-form";

// Per request: the content security policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Confirm your account",
  robots: { index: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmAccountPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="mb-6 text-2xl font-bold">Confirm your account</h1>
      {token ? (
        <ConfirmAccountForm token={token} />
      ) : (
        <p>This link is not complete. Open it again from your email.</p>
      )}
    </div>
  );
}
