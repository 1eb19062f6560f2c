import { describe, expect, it } from "vitest";
import { db } from "../db";
import { userCtx } from "../../test/factories";
import { writeAudit } from "./write-audit";

// The audit log is append-only in the database itself: a trigger refuses UPDATE, DELETE and
// TRUNCATE whoever issues them (PGlite and PostgreSQL alike).

describe("audit log", () => {
  it("accepts inserts and refuses updates, deletes and truncation", async () => {
    const ctx = await userCtx("admin");
    await db().$transaction((tx) =>
      writeAudit(tx, ctx, { action: "test.append", entityType: "test", after: { n: 1 } }),
    );
    const row = await db().auditLog.findFirstOrThrow({
      where: { action: "test.append", requestId: ctx.requestId },
    });
    await expect(
      db().auditLog.update({ where: { id: row.id }, data: { action: "test.rewritten" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().auditLog.deleteMany({ where: { id: row.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
    const again = await db().auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.action).toBe("test.append");
  });
});
