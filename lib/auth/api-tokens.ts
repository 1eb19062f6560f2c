import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db";
import { authorize, type Ctx } from "../context";
import { conflict, notFound, parseInput, validationError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { logger } from "../logger";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "./permissions";

// API tokens for machines (services reading flags over OFREP). The secret is shown once; only
// its sha256 and a short prefix are stored. Verification answers from an in-memory cache so the
// fast path never waits on the database and keeps working while it is down.

export { API_TOKEN_SCOPES, type ApiTokenScope } from "./permissions";

export const CreateApiTokenInput = z.object({
  name: z.string().trim().min(2, "Name the token (at least 2 characters)").max(100),
  scopes: z
    .array(z.enum(API_TOKEN_SCOPES))
    .min(1, "Pick at least one scope")
    .default(["flags:read"]),
  expiresAt: z.iso
    .datetime({ offset: true, message: "expiresAt must be an ISO date-time" })
    .nullish(),
});

export type ApiTokenDto = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

type Cached = { id: string; name: string; scopes: string[]; expiresAt: number | null };
type TokenCache = {
  byHash: Map<string, Cached>;
  /** Presented secret -> its cache entry, to skip hashing on the hot path; cleared on change. */
  bySecret: Map<string, Cached>;
  misses: Map<string, number>;
  lastUsedWrites: Map<string, number>;
};
const cache = ((globalThis as unknown as { warroomTokens?: TokenCache }).warroomTokens ??= {
  byHash: new Map(),
  bySecret: new Map(),
  misses: new Map(),
  lastUsedWrites: new Map(),
});

const MISS_TTL_MS = 10_000;
const LAST_USED_EVERY_MS = 60_000;
const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");

type Row = Awaited<ReturnType<typeof findRows>>[number];
const findRows = (where: object = {}) =>
  db().apiToken.findMany({
    where,
    include: { createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });

function toDto(t: Row): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdBy: t.createdBy?.name ?? null,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

const toCached = (t: {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
}): Cached => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  expiresAt: t.expiresAt?.getTime() ?? null,
});

/** Reloads every live token into the cache (at boot and on the snapshot timer). */
export async function loadApiTokens(): Promise<void> {
  const rows = await db().apiToken.findMany({ where: { revokedAt: null } });
  cache.byHash = new Map(rows.map((t) => [t.tokenHash, toCached(t)]));
  cache.bySecret.clear();
}

export async function listApiTokens(ctx: Ctx): Promise<ApiTokenDto[]> {
  authorize(ctx, "apiToken.manage");
  return (await findRows()).map(toDto);
}

/** Creates a token; the returned `secret` is never retrievable again. */
export async function createApiToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  authorize(ctx, "apiToken.manage");
  const { name, scopes, expiresAt } = parseInput(CreateApiTokenInput, input);
  if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
    throw validationError([{ path: "expiresAt", message: "must be in the future" }]);
  }
  const secret = `wr_${randomBytes(24).toString("base64url")}`;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name,
        scopes,
        prefix: secret.slice(0, 10),
        tokenHash: hashOf(secret),
        expiresAt: expiresAt ? new Date(expiresAt) : null,
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
      },
      include: { createdBy: { select: { name: true } } },
    });
    await writeAudit(tx, ctx, {
      action: "apiToken.create",
      entityType: "api_token",
      entityId: created.id,
      after: { name, scopes, prefix: created.prefix, expiresAt },
    });
    return created;
  });
  cache.byHash.set(row.tokenHash, toCached(row));
  cache.misses.delete(row.tokenHash);
  return { token: toDto(row), secret };
}

export async function revokeApiToken({ ctx, id }: { ctx: Ctx; id: string }): Promise<ApiTokenDto> {
  authorize(ctx, "apiToken.manage");
  if (!z.uuid().safeParse(id).success) throw notFound("API token");
  const row = await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const current = await tx.apiToken.findUnique({
      where: { id },
      include: { createdBy: { select: { name: true } } },
    });
    if (!current) throw notFound("API token");
    if (count === 0) throw conflict("This token is already revoked", toDto(current));
    await writeAudit(tx, ctx, {
      action: "apiToken.revoke",
      entityType: "api_token",
      entityId: id,
      after: { name: current.name, prefix: current.prefix },
    });
    return current;
  });
  cache.byHash.delete(row.tokenHash);
  cache.bySecret.clear();
  return toDto(row);
}

export type TokenCheck =
  | { ok: true; id: string; name: string; scopes: string[] }
  | { ok: false; status: 401 | 403; reason: string };

function check(token: Cached | undefined, scope: ApiTokenScope): TokenCheck {
  if (!token) return { ok: false, status: 401, reason: "Unknown or revoked API token" };
  if (token.expiresAt !== null && token.expiresAt <= Date.now()) {
    return { ok: false, status: 401, reason: "This API token has expired" };
  }
  if (!token.scopes.includes(scope) && !token.scopes.includes("admin")) {
    return { ok: false, status: 403, reason: `This API token lacks the ${scope} scope` };
  }
  touch(token.id);
  return { ok: true, id: token.id, name: token.name, scopes: token.scopes };
}

/** From memory only; undefined when the database must be asked (see verifyApiToken). */
export function checkApiTokenCached(secret: string, scope: ApiTokenScope): TokenCheck | undefined {
  const memo = cache.bySecret.get(secret);
  if (memo) return check(memo, scope);
  const hash = hashOf(secret);
  const token = cache.byHash.get(hash);
  if (token) {
    if (cache.bySecret.size > 1_000) cache.bySecret.clear();
    cache.bySecret.set(secret, token);
    return check(token, scope);
  }
  if ((cache.misses.get(hash) ?? 0) >= Date.now()) return check(undefined, scope);
  return undefined;
}

/** Checks a presented secret and scope; records use at most once a minute per token. */
export async function verifyApiToken(secret: string, scope: ApiTokenScope): Promise<TokenCheck> {
  const cached = checkApiTokenCached(secret, scope);
  if (cached) return cached;
  // Not cached: a token made on another instance moments ago. Misses are remembered briefly.
  const hash = hashOf(secret);
  const row = await db()
    .apiToken.findFirst({ where: { tokenHash: hash, revokedAt: null } })
    .catch(() => null);
  if (row) {
    const token = toCached(row);
    cache.byHash.set(hash, token);
    return check(token, scope);
  }
  if (cache.misses.size > 10_000) cache.misses.clear();
  cache.misses.set(hash, Date.now() + MISS_TTL_MS);
  return check(undefined, scope);
}

function touch(id: string): void {
  const now = Date.now();
  if ((cache.lastUsedWrites.get(id) ?? 0) > now - LAST_USED_EVERY_MS) return;
  cache.lastUsedWrites.set(id, now);
  db()
    .apiToken.update({ where: { id }, data: { lastUsedAt: new Date(now) } })
    .catch((error: unknown) => logger().debug({ err: error }, "lastUsedAt not recorded"));
}
