import { ShieldAlert } from "lucide-react";
import { ConnectionIndicator } from "./connection-indicator";
import { NavLinks } from "./nav-links";
import { SessionKeepAlive } from "./session-keepalive";
import { SignOutButton } from "./sign-out-button";

type Props = { user: { name: string; email: string; role: string }; children: React.ReactNode };

export function ConsoleShell({ user, children }: Props) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col justify-between bg-slate-900 p-4 text-slate-100">
        <div className="space-y-6">
          <div className="flex items-center gap-2 px-2">
            <ShieldAlert className="h-6 w-6 text-red-500" aria-hidden />
            <span className="text-lg font-semibold tracking-tight">Warroom</span>
          </div>
          <NavLinks />
        </div>
        <div className="space-y-3 border-t border-slate-800 pt-4">
          <ConnectionIndicator />
          <div className="px-1" data-testid="current-user">
            <p className="text-sm font-medium">{user.name}</p>
            <p className="text-xs text-slate-400">
              {user.email} · <span className="capitalize">{user.role}</span>
            </p>
          </div>
          <SignOutButton />
          <SessionKeepAlive />
        </div>
      </aside>
      <main className="min-w-0 flex-1 overflow-x-auto">{children}</main>
    </div>
  );
}
