import { route } from "@/lib/http/handler";
import { buildPostmortem, PostmortemQuery } from "@/lib/postmortem/build-postmortem";
import { toMarkdown } from "@/lib/postmortem/to-markdown";

export const GET = route(
  { auth: "user", token: "incidents:write", query: PostmortemQuery },
  async ({ ctx, params, query }) => {
    const postmortem = await buildPostmortem(ctx, params.id ?? "");
    if (query.format !== "markdown") return postmortem;
    return new Response(toMarkdown(postmortem), {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${postmortem.incident.reference}-postmortem.md"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "x-request-id": ctx.requestId,
      },
    });
  },
);
