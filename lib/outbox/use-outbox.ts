"use client";

import { useEffect, useSyncExternalStore } from "react";
import { getSocket } from "../realtime/client";
import {
  flushOutbox,
  loadOutbox,
  outboxSnapshot,
  subscribeOutbox,
  type OutboxItem,
} from "./outbox";

const EMPTY: OutboxItem[] = [];

/** The outbox items of one incident; loading it (after a reload) resends what was left. */
export function useOutbox(incidentId: string): OutboxItem[] {
  useEffect(() => {
    void loadOutbox();
    const socket = getSocket();
    const onConnect = () => void flushOutbox();
    socket.on("connect", onConnect);
    return () => {
      socket.off("connect", onConnect);
    };
  }, []);
  const all = useSyncExternalStore(subscribeOutbox, outboxSnapshot, () => EMPTY);
  return all.filter((item) => item.incidentId === incidentId);
}
