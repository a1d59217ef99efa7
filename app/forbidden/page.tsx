import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/next/session";

// Per request: the content security policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default async function ForbiddenPage() {
  const staff = await currentStaff();
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-bold">This area is not part of your role</h1>
        <p className="mt-3 text-ink/70">
          {staff
            ? `You are signed in as ${staff.name} (${ROLE_LABELS[staff.role]}). Ask an owner if you need access.`
            : "Sign in with an account that has access."}
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Link
            href="/"
            className="inline-flex min-h-11 items-center rounded-lg border px-4"
          >
            Go to the shop
          </Link>
          {staff && <SignOutButton />}
        </div>
      </div>
    </main>
  );
}
