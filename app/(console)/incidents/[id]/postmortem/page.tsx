import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { createCtx } from "@/lib/context";
import { buildPostmortem } from "@/lib/postmortem/build-postmortem";
import { PostmortemView } from "@/components/postmortem/postmortem-view";

export const metadata: Metadata = { title: "Postmortem draft" };

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor?.type !== "user") redirect("/signin");
  const { id } = await params;
  const postmortem = await buildPostmortem(createCtx(actor), id).catch(() => null);
  if (!postmortem) notFound();
  return <PostmortemView pm={postmortem} />;
}
