import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { Providers } from "@/components/providers";
import { ConsoleShell } from "@/components/shell/console-shell";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  return (
    <Providers>
      <ConsoleShell user={actor}>{children}</ConsoleShell>
    </Providers>
  );
}
