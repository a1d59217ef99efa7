import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/ui/query-provider";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Omnitill", template: "%s · Omnitill" },
  description: "One shop online, at the counter and in the back-office.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#1f6f5c",
};

/**
 * The public catalogue pages (home, categories, products) are rendered once
 * and cached whole, under a fixed content security policy; every other page
 * renders per request (its layout or page is `force-dynamic`) because its
 * policy carries a fresh nonce that Next puts on the scripts it renders.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
