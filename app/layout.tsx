import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Warroom", template: "%s · Warroom" },
  description: "Incident command console",
};

// Reading the request makes every page render per request, so Next can put this request's CSP
// nonce on its inline scripts (a prerendered page would carry none and be blocked).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
