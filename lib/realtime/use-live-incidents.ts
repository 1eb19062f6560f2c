"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "../query-keys";
import { getSocket, request, useOnConnect } from "./client";
import { IncidentChangedPayload } from "./events";

/** Keeps every incidents query fresh: a change anywhere invalidates the list. */
export function useLiveIncidents(): void {
  const queryClient = useQueryClient();
  useOnConnect(() => {
    request("incidents:subscribe", {})
      .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all }))
      .catch(() => undefined);
  }, [queryClient]);
  useEffect(() => {
    const s = getSocket();
    const onChanged = (payload: unknown) => {
      if (!IncidentChangedPayload.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.all });
    };
    s.on("incident:changed", onChanged);
    return () => {
      s.off("incident:changed", onChanged);
    };
  }, [queryClient]);
}
