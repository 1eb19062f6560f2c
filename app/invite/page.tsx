import type { Metadata } from "next";
import { ShieldAlert } from "lucide-react";
import { AcceptInviteForm } from "@/components/shell/accept-invite-form";

export const metadata: Metadata = { title: "Accept invite" };

/** The invite secret travels in the URL fragment: it never reaches server logs or Referers. */
export default function InvitePage() {
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-900 px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-center gap-2 text-white">
          <ShieldAlert className="h-8 w-8 text-red-500" aria-hidden />
          <h1 className="text-2xl font-semibold tracking-tight">Join Warroom</h1>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-xl dark:bg-slate-950">
          <AcceptInviteForm />
        </div>
      </div>
    </div>
  );
}
