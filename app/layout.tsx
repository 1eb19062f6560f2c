import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Warroom", template: "%s · Warroom" },
  description: "Incident command console",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
