import { route } from "@/lib/http/handler";
import { AuditQuery, listAudit } from "@/lib/audit/list-audit";

export const GET = route({ auth: "user", token: "admin", query: AuditQuery }, ({ ctx, query }) =>
  listAudit(ctx, query),
);
