import { db } from "../db";
import type { MessageTemplate } from "../generated/prisma/client";
import { authorize, type Ctx } from "../context";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { templateVariables } from "./render-template";

export type TemplateDto = {
  id: string;
  key: string;
  name: string;
  title: string;
  body: string;
  variables: string[];
  status: string;
  impact: string;
};

/** Inserts the default templates that are missing (by key); safe to run at every boot. */
export async function ensureDefaultTemplates(): Promise<number> {
  const result = await db().messageTemplate.createMany({
    data: DEFAULT_TEMPLATES,
    skipDuplicates: true,
  });
  return result.count;
}

export async function listTemplates(ctx: Ctx): Promise<TemplateDto[]> {
  authorize(ctx, "status.read");
  const rows = await db().messageTemplate.findMany({
    where: { archivedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toTemplateDto);
}

export function toTemplateDto(t: MessageTemplate): TemplateDto {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    title: t.title,
    body: t.body,
    variables: templateVariables(t),
    status: t.status,
    impact: t.impact,
  };
}
