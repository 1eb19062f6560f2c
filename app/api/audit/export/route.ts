import { route } from "@/lib/http/handler";
import { AuditQuery, exportAudit } from "@/lib/audit/list-audit";

/** The filtered audit log as JSON lines (application/x-ndjson), oldest first. */
export const GET = route({ auth: "user", token: "admin", query: AuditQuery }, ({ ctx, query }) => {
  const lines = exportAudit(ctx, query);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return Promise.resolve(
    new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="warroom-audit-${stamp}.jsonl"`,
        "x-request-id": ctx.requestId,
      },
    }),
  );
});
