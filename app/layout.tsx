import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request: the content security policy's nonce is
  // new each time and Next can only put it on scripts it renders then.
  await connection();
  return (
    <html lang="en-GB" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
