"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/sign-in" })}
      className={
        className ?? "inline-flex min-h-11 items-center rounded-lg bg-ink px-4 text-white"
      }
    >
      Sign out
    </button>
  );
}
