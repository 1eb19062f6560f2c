"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Flag, Globe, Megaphone, Settings, Siren } from "lucide-react";
import { cn } from "@/lib/cn";

const LINKS = [
  { href: "/incidents", label: "Incidents", icon: Siren },
  { href: "/flags", label: "Flags", icon: Flag },
  { href: "/status", label: "Status page", icon: Globe },
  { href: "/status-admin", label: "Status admin", icon: Megaphone },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {LINKS.map(({ href, label, icon: Icon }) => {
        const isActive = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white",
              isActive && "bg-slate-800 text-white",
            )}
          >
            <Icon className="h-4 w-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
