import type { Server, Socket } from "socket.io";
import { actorFromRequest } from "../auth/session";
import { createCtx, type Actor } from "../context";
import { publicUrl } from "../env";
import { logger } from "../logger";
import { listEntriesAfter } from "../timeline/list-entries";
import { toProblem } from "../http/problem";
import { CLIENT_EVENTS, ROOMS, type Ack, type ClientEventName } from "./events";
import { broadcast } from "./broadcast";

type Data = { actor: Extract<Actor, { type: "user" }> };
type AppSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, Data>;

/** Rejects sockets without a live session or from a foreign origin; wires client events. */
export function attachRealtime(io: Server): void {
  io.use((socket, next) => {
    const origin = socket.handshake.headers.origin;
    const host = socket.handshake.headers.host;
    const allowed = [new URL(publicUrl()).origin, `http://${host}`, `https://${host}`];
    if (origin && !allowed.includes(origin)) return next(new Error("origin not allowed"));
    actorFromRequest(socket.request)
      .then((actor) => {
        if (actor?.type !== "user") return next(new Error("unauthenticated"));
        (socket as AppSocket).data.actor = actor;
        next();
      })
      .catch((error: unknown) => {
        logger().warn({ err: error }, "socket auth failed");
        next(new Error("unauthenticated"));
      });
  });

  io.on("connection", (raw) => {
    const socket = raw as unknown as AppSocket;
    const ctx = () => createCtx(socket.data.actor);
    void socket.join(`user:${socket.data.actor.id}`);

    on(socket, "incidents:subscribe", async () => {
      await socket.join(ROOMS.incidents);
      return {};
    });

    on(socket, "flags:subscribe", async () => {
      await socket.join(ROOMS.flags);
      return {};
    });

    on(socket, "incident:join", async ({ incidentId, lastSeq }) => {
      // Join before reading: an entry committed in between arrives twice, and the client drops
      // the duplicate by seq. Reading first could lose it.
      await socket.join(ROOMS.incident(incidentId));
      const entries = await listEntriesAfter(ctx(), incidentId, lastSeq);
      void emitPresence(io, incidentId);
      return { entries };
    });

    on(socket, "incident:leave", async ({ incidentId }) => {
      await socket.leave(ROOMS.incident(incidentId));
      void emitPresence(io, incidentId);
      return {};
    });

    socket.on("disconnecting", () => {
      const rooms = [...socket.rooms].filter((r) => r.startsWith("incident:"));
      setImmediate(() => {
        for (const room of rooms) void emitPresence(io, room.slice("incident:".length));
      });
    });
  });
}

function on<E extends ClientEventName>(
  socket: AppSocket,
  event: E,
  handle: (payload: ReturnType<(typeof CLIENT_EVENTS)[E]["parse"]>) => Promise<unknown>,
): void {
  const untyped = socket as unknown as { on(e: string, fn: (...args: unknown[]) => void): void };
  untyped.on(event, (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === "function" ? (ack as (a: Ack) => void) : () => undefined;
    const parsed = CLIENT_EVENTS[event].safeParse(payload ?? {});
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => `${i.path.join(".") || event}: ${i.message}`)
        .join("; ");
      return reply({ ok: false, error: { code: "validation", message } });
    }
    handle(parsed.data as never)
      .then((data) => reply({ ok: true, data }))
      .catch((error: unknown) => {
        const problem = toProblem(error, "socket");
        if (problem.status >= 500) logger().error({ err: error, event }, "socket event failed");
        reply({ ok: false, error: { code: problem.code, message: problem.detail } });
      });
  });
}

/** Who is in a room, across every instance (fetchSockets goes through the cluster adapter). */
async function emitPresence(io: Server, incidentId: string): Promise<void> {
  const sockets = await io
    .in(ROOMS.incident(incidentId))
    .fetchSockets()
    .catch(() => []); // another instance did not answer in time: skip this presence update
  const users = new Map<string, string>();
  for (const socket of sockets) {
    const actor = (socket.data as Partial<Data>).actor;
    if (actor) users.set(actor.id, actor.name);
  }
  broadcast(ROOMS.incident(incidentId), "presence", {
    incidentId,
    users: [...users].map(([id, name]) => ({ id, name })),
  });
}
