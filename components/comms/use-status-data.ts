"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "@/lib/api-client";
import type { StatusIncidentDto, TemplateDto } from "@/lib/comms";
import { queryKeys } from "@/lib/query-keys";
import { getSocket } from "@/lib/realtime/client";
import { StatusChangedPayload } from "@/lib/realtime/events";
import type { ComponentDto } from "@/lib/status/list-components";

/** Templates, components and the public incidents of one war-room incident, kept live. */
export function useStatusData(incidentId?: string) {
  const queryClient = useQueryClient();
  const templates = useQuery({
    queryKey: queryKeys.status.templates,
    queryFn: () => apiFetch<TemplateDto[]>("/api/status/templates"),
    staleTime: 60_000,
  });
  const components = useQuery({
    queryKey: queryKeys.status.components,
    queryFn: () => apiFetch<ComponentDto[]>("/api/status/components"),
  });
  const incidents = useQuery({
    queryKey: queryKeys.status.incidents(incidentId),
    queryFn: () =>
      apiFetch<StatusIncidentDto[]>(
        `/api/status/incidents${incidentId ? `?incidentId=${incidentId}` : ""}`,
      ),
  });
  useEffect(() => {
    const s = getSocket();
    const onChange = (payload: unknown) => {
      if (!StatusChangedPayload.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.status.all });
    };
    s.on("status:changed", onChange);
    return () => {
      s.off("status:changed", onChange);
    };
  }, [queryClient]);
  return { templates, components, incidents };
}
