import type { Server } from "socket.io";
import { SERVER_EVENTS, type ServerEventName } from "./events";
import type { z } from "zod";

// Route handlers are bundled apart from server.ts, so the socket.io server is reached through a
// typed globalThis slot that server.ts fills at boot.

const slot = globalThis as unknown as { warroomIo?: Server };

export function registerIo(io: Server | undefined): void {
  slot.warroomIo = io;
}

/** Emits after commit. A process without sockets (scripts, tests) simply emits nothing. */
export function broadcast<E extends ServerEventName>(
  room: string,
  event: E,
  payload: z.input<(typeof SERVER_EVENTS)[E]>,
): void {
  slot.warroomIo?.to(room).emit(event, payload);
}

/** Drops every open socket of a user (disabled, signed out everywhere) on this instance. */
export function disconnectUser(userId: string): void {
  slot.warroomIo?.in(`user:${userId}`).disconnectSockets(true);
}
