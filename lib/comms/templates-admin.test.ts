import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { isAppError, type AppError } from "../errors";
import { userCtx } from "../../test/factories";
import { archiveTemplate, createTemplate, listTemplates, updateTemplate } from ".";

const uniqueKey = () => `tpl_${randomUUID().slice(0, 8)}`;

const validInput = (key = uniqueKey()) => ({
  key,
  name: "Search is slow",
  title: "Slow search in {{region}}",
  body: "Since {{started_at}}, search is slow. {{#workaround}}Try {{workaround}}.{{/workaround}}",
  status: "identified",
  impact: "minor",
  // Derived from the template, never taken from the input.
  variables: ["injected"],
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const auditFor = (entityId: string) =>
  db().auditLog.findMany({ where: { entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

describe("managing message templates", () => {
  it("creates a template that the picker lists with its derived variables", async () => {
    const admin = await userCtx("admin");
    const input = validInput();
    const created = await createTemplate({ ctx: admin, input });
    expect(created.variables).toEqual(["region", "started_at", "workaround"]);

    const listed = (await listTemplates(admin)).find((t) => t.key === input.key);
    expect(listed).toMatchObject({
      key: input.key,
      name: "Search is slow",
      status: "identified",
      impact: "minor",
      variables: ["region", "started_at", "workaround"],
    });
    const row = await db().messageTemplate.findUniqueOrThrow({ where: { key: input.key } });
    expect(row.variables).toEqual(["region", "started_at", "workaround"]);

    const audit = await auditFor(created.id);
    expect(audit.map((a) => a.action)).toEqual(["status.template.create"]);
    expect(audit[0]).toMatchObject({
      actorType: "user",
      actorId: admin.actor.type === "user" ? admin.actor.id : null,
      entityType: "messageTemplate",
      requestId: admin.requestId,
    });
  });

  it("updates title and body and derives the variables again", async () => {
    const admin = await userCtx("admin");
    const created = await createTemplate({ ctx: admin, input: validInput() });
    const updated = await updateTemplate({
      ctx: admin,
      key: created.key,
      input: { body: "Search is slow for {{components}}.", impact: "major", variables: ["x"] },
    });
    expect(updated).toMatchObject({
      title: "Slow search in {{region}}",
      body: "Search is slow for {{components}}.",
      impact: "major",
      status: "identified",
      variables: ["region", "components"],
    });
    const audit = await auditFor(created.id);
    expect(audit.map((a) => a.action)).toEqual([
      "status.template.create",
      "status.template.update",
    ]);
    expect(audit[1]?.before).toMatchObject({ impact: "minor" });
    expect(audit[1]?.after).toMatchObject({ impact: "major" });
  });

  it("archives a template: hidden from the picker, its key not reusable", async () => {
    const admin = await userCtx("admin");
    const input = validInput();
    const created = await createTemplate({ ctx: admin, input });
    await archiveTemplate({ ctx: admin, key: input.key });

    expect((await listTemplates(admin)).some((t) => t.key === input.key)).toBe(false);
    const again = await failure(createTemplate({ ctx: admin, input }));
    expect(again.status).toBe(409);
    expect(again.extra.fields?.[0]?.path).toBe("key");
    expect((await failure(archiveTemplate({ ctx: admin, key: input.key }))).status).toBe(404);
    expect(
      (await failure(updateTemplate({ ctx: admin, key: input.key, input: { name: "x" } }))).status,
    ).toBe(404);

    const audit = await auditFor(created.id);
    expect(audit.map((a) => a.action)).toEqual([
      "status.template.create",
      "status.template.archive",
    ]);
  });

  it("refuses a duplicate key with 409", async () => {
    const admin = await userCtx("admin");
    const input = validInput();
    await createTemplate({ ctx: admin, input });
    const error = await failure(createTemplate({ ctx: admin, input: { ...input, name: "Other" } }));
    expect(error.status).toBe(409);
    expect(await db().messageTemplate.count({ where: { key: input.key } })).toBe(1);
  });

  it("names the field whose Mustache does not parse", async () => {
    const admin = await userCtx("admin");
    const input = { ...validInput(), body: "Since {{started_at, things are slow" };
    const error = await failure(createTemplate({ ctx: admin, input }));
    expect(error.status).toBe(400);
    expect(error.extra.fields).toEqual([
      { path: "body", message: expect.stringMatching(/does not parse: Unclosed tag/) as string },
    ]);

    const created = await createTemplate({ ctx: admin, input: validInput() });
    const section = await failure(
      updateTemplate({ ctx: admin, key: created.key, input: { title: "{{#a}}open" } }),
    );
    expect(section.extra.fields?.map((f) => f.path)).toEqual(["title"]);
    expect(section.extra.fields?.[0]?.message).toMatch(/Unclosed section "a"/);
    expect(await db().messageTemplate.count({ where: { key: input.key } })).toBe(0);
  });

  it("refuses unescaped output, {{{x}}} and {{& x}}", async () => {
    const admin = await userCtx("admin");
    for (const body of ["Hello {{{name}}}", "Hello {{& name}}", "{{#a}}{{{b}}}{{/a}}"]) {
      const input = { ...validInput(), body };
      const error = await failure(createTemplate({ ctx: admin, input }));
      expect(error.extra.fields).toEqual([
        { path: "body", message: expect.stringMatching(/Unescaped output/) as string },
      ]);
      expect(await db().messageTemplate.count({ where: { key: input.key } })).toBe(0);
    }
  });

  it("validates key, status and impact", async () => {
    const admin = await userCtx("admin");
    const error = await failure(
      createTemplate({
        ctx: admin,
        input: { ...validInput("Not a key!"), status: "postmortem", impact: "huge", title: " " },
      }),
    );
    expect(error.extra.fields?.map((f) => f.path).sort()).toEqual([
      "impact",
      "key",
      "status",
      "title",
    ]);
  });

  it("rejects a role without permission and stores nothing", async () => {
    const admin = await userCtx("admin");
    const created = await createTemplate({ ctx: admin, input: validInput() });
    for (const role of ["responder", "viewer"] as const) {
      const ctx = await userCtx(role);
      const input = validInput();
      expect((await failure(createTemplate({ ctx, input }))).status).toBe(403);
      expect(await db().messageTemplate.count({ where: { key: input.key } })).toBe(0);
      const edit = updateTemplate({ ctx, key: created.key, input: { name: "Hijacked" } });
      expect((await failure(edit)).status).toBe(403);
      expect((await failure(archiveTemplate({ ctx, key: created.key }))).status).toBe(403);
    }
    const row = await db().messageTemplate.findUniqueOrThrow({ where: { key: created.key } });
    expect(row).toMatchObject({ name: "Search is slow", archivedAt: null });
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(["status.template.create"]);
  });
});
