"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({
  className,
  callbackUrl = "/sign-in",
}: {
  className?: string;
  /** Where to land after signing out; staff go to their sign-in page. */
  callbackUrl?: string;
}) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl })}
      className={
        className ?? "inline-flex min-h-11 items-center rounded-lg bg-ink px-4 text-white"
      }
    >
      Sign out
    </button>
  );
}
