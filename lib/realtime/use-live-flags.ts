"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "../api-client";
import type { FlagDto } from "../flags/schemas";
import { queryKeys } from "../query-keys";
import { getSocket, request, useOnConnect } from "./client";
import { FlagChangedPayload } from "./events";

/** Every flag in the react-query cache, refetched when any flag changes anywhere. */
export function useLiveFlags(initial?: FlagDto[]) {
  const queryClient = useQueryClient();
  const flags = useQuery({
    queryKey: queryKeys.flags.all,
    queryFn: () => apiFetch<FlagDto[]>("/api/flags"),
    initialData: initial,
  });
  useOnConnect(() => {
    request("flags:subscribe", {})
      .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.flags.all }))
      .catch(() => undefined);
  }, [queryClient]);
  useEffect(() => {
    const s = getSocket();
    const onChanged = (payload: unknown) => {
      if (!FlagChangedPayload.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.flags.all });
    };
    s.on("flag:changed", onChanged);
    return () => {
      s.off("flag:changed", onChanged);
    };
  }, [queryClient]);
  return flags;
}
