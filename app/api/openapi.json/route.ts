import { publicUrl } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export function GET() {
  return Response.json(buildOpenApiDocument(publicUrl()), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
