import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { requireStaffPage } from "@/lib/next/session";

// Every till page renders per request: its content security policy carries
// a fresh nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Point of sale",
  manifest: "/manifest-pos.webmanifest",
};
export const viewport: Viewport = { themeColor: "#12332b", viewportFit: "cover" };

/** Full-screen touch layout: no page chrome, safe-area padding for phones. */
export default async function PosLayout({ children }: { children: ReactNode }) {
  await requireStaffPage("pos:access", "/pos");
  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-brand-900 pt-[env(safe-area-inset-top)] pb-[env(safe-area-inset-bottom)] text-white select-none">
      {children}
    </div>
  );
}
