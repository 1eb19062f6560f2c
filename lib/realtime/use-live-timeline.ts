"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "../query-keys";
import { mergeEntries } from "../timeline/merge";
import {
  REPLAY_PAGE_SIZE,
  TimelineEntryDtoSchema,
  type TimelineEntryDto,
} from "../timeline/schemas";
import { getSocket, request, useOnConnect } from "./client";
import { PresencePayload } from "./events";

/**
 * The room's timeline in the react-query cache. On every (re)connect the client sends the last
 * seq it applied and the server replays everything after it from the database.
 */
export function useLiveTimeline(incidentId: string, initial: TimelineEntryDto[]) {
  const queryClient = useQueryClient();
  const key = queryKeys.incidents.timeline(incidentId);
  const timeline = useQuery({
    queryKey: key,
    queryFn: () => initial,
    initialData: initial,
    staleTime: Infinity,
  });
  const presence = useQuery({
    queryKey: queryKeys.incidents.presence(incidentId),
    queryFn: () => [] as { id: string; name: string }[],
    initialData: [],
    staleTime: Infinity,
  });

  const lastSeq = () => queryClient.getQueryData<TimelineEntryDto[]>(key)?.at(-1)?.seq ?? 0;

  const apply = (incoming: TimelineEntryDto[]) => {
    let needsReplay = false;
    queryClient.setQueryData<TimelineEntryDto[]>(key, (current = []) => {
      const result = mergeEntries(current, incoming);
      needsReplay = result.hasGap;
      return result.entries;
    });
    if (needsReplay) void join();
  };

  const join = async () => {
    try {
      const { entries } = await request<{ entries: TimelineEntryDto[] }>("incident:join", {
        incidentId,
        lastSeq: lastSeq(),
      });
      apply(entries);
      if (entries.length >= REPLAY_PAGE_SIZE) await join(); // a long absence: fetch the next page
    } catch {
      // The next reconnect retries the replay.
    }
  };

  useOnConnect(() => void join(), [incidentId]);

  useEffect(() => {
    const s = getSocket();
    const onEntry = (payload: unknown) => {
      const parsed = TimelineEntryDtoSchema.safeParse(payload);
      if (parsed.success && parsed.data.incidentId === incidentId)
        apply([parsed.data as TimelineEntryDto]);
    };
    const onPresence = (payload: unknown) => {
      const parsed = PresencePayload.safeParse(payload);
      if (parsed.success && parsed.data.incidentId === incidentId) {
        queryClient.setQueryData(queryKeys.incidents.presence(incidentId), parsed.data.users);
      }
    };
    s.on("timeline:entry", onEntry);
    s.on("presence", onPresence);
    return () => {
      s.off("timeline:entry", onEntry);
      s.off("presence", onPresence);
      if (s.connected) s.emit("incident:leave", { incidentId });
    };
  }, [incidentId]);

  return { entries: timeline.data, presence: presence.data };
}
