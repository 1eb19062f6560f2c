"use client";

import { useEffect, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import type { Ack, ClientEventName } from "./events";

// One socket per tab. Its connection state is an external store React components subscribe to.

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline" | "signed-out";

let socket: Socket | undefined;
let state: ConnectionState = "connecting";
const listeners = new Set<() => void>();

function setState(next: ConnectionState) {
  state = next;
  listeners.forEach((l) => l());
}

export function getSocket(): Socket {
  if (!socket) {
    socket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    socket.on("connect", () => setState("live"));
    socket.on("disconnect", (reason) => {
      // The server drops a socket when its session ends (user disabled, signed out everywhere).
      // Try once more: a live session reconnects; an ended one gets "unauthenticated".
      if (reason === "io server disconnect") {
        setState("signed-out");
        socket?.connect();
        return;
      }
      setState("reconnecting");
    });
    socket.io.on("reconnect_attempt", () => setState("reconnecting"));
    socket.on("connect_error", (error) => {
      setState(error.message === "unauthenticated" ? "signed-out" : "reconnecting");
    });
    // The browser knows first when the network goes: drop the socket at once and rejoin (with a
    // replay from the last applied seq) as soon as it is back, instead of waiting for a ping timeout.
    window.addEventListener("offline", () => {
      socket?.disconnect();
      setState("offline");
    });
    window.addEventListener("online", () => {
      setState("reconnecting");
      socket?.connect();
    });
  }
  return socket;
}

export function useConnectionState(): ConnectionState {
  useEffect(() => {
    getSocket();
  }, []);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => "connecting",
  );
}

/** Emits with an acknowledgement; rejects on a server-side error or a 10 s timeout. */
export async function request<T>(event: ClientEventName, payload: unknown): Promise<T> {
  const ack = (await getSocket().timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

/** Runs `onConnect` now if connected and after every (re)connection: where subscriptions resume. */
export function useOnConnect(onConnect: () => void, deps: unknown[]): void {
  useEffect(() => {
    const s = getSocket();
    if (s.connected) onConnect();
    s.on("connect", onConnect);
    return () => {
      s.off("connect", onConnect);
    };
  }, deps);
}
