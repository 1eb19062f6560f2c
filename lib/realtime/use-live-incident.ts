"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "../api-client";
import type { IncidentSummaryDto } from "../incidents/schemas";
import { queryKeys } from "../query-keys";
import { getSocket, useOnConnect } from "./client";
import { IncidentChangedPayload } from "./events";

/** One incident in the react-query cache, replaced whenever the server says it changed. */
export function useLiveIncident(initial: IncidentSummaryDto): IncidentSummaryDto {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.incidents.detail(initial.id),
    queryFn: () => apiFetch<IncidentSummaryDto>(`/api/incidents/${initial.id}`),
    initialData: initial,
  });
  // Changes made while this client was away are not replayed as events: re-read on every connect.
  useOnConnect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.incidents.detail(initial.id) });
  }, [initial.id, queryClient]);
  useEffect(() => {
    const socket = getSocket();
    const onChanged = (payload: unknown) => {
      const parsed = IncidentChangedPayload.safeParse(payload);
      if (parsed.success && parsed.data.id === initial.id) {
        queryClient.setQueryData(
          queryKeys.incidents.detail(initial.id),
          payload as IncidentSummaryDto,
        );
      }
    };
    socket.on("incident:changed", onChanged);
    return () => {
      socket.off("incident:changed", onChanged);
    };
  }, [initial.id, queryClient]);
  return data;
}
