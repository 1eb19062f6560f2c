"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { ArrowLeft } from "lucide-react";
import type { ActionItemDto, DecisionDto } from "@/lib/incidents/list-room-records";
import type { IncidentSummaryDto } from "@/lib/incidents/schemas";
import { useLiveIncident } from "@/lib/realtime/use-live-incident";
import { useLiveTimeline } from "@/lib/realtime/use-live-timeline";
import type { TimelineEntryDto } from "@/lib/timeline/schemas";
import { Composer } from "./room/composer";
import { ActionsPanel, DecisionsPanel, roomKeys } from "./room/decisions-actions";
import { RoomHeader } from "./room/room-header";
import { RolesPanel } from "./room/roles-panel";
import { TimelineEntryItem } from "./timeline-entry";
import { IncidentFlagsPanel } from "@/components/flags/incident-flags-panel";
import { PublishPanel } from "@/components/comms/publish-panel";
import { incidentCapabilities } from "@/lib/auth/permissions";

type Props = {
  incident: IncidentSummaryDto;
  initialEntries: TimelineEntryDto[];
  decisions: DecisionDto[];
  actions: ActionItemDto[];
  /** Who is looking: their org role plus the roles they hold here decide what they may do. */
  viewer: { id: string; role: string };
};

export function IncidentRoom({
  incident: initial,
  initialEntries,
  decisions,
  actions,
  viewer,
}: Props) {
  const incident = useLiveIncident(initial);
  const held = incident.roles.filter((r) => r.userId === viewer.id).map((r) => r.role);
  const can = incidentCapabilities(viewer.role, held);
  const { entries, presence } = useLiveTimeline(incident.id, initialEntries);
  const [amending, setAmending] = useState<number>();
  const queryClient = useQueryClient();

  // Decision and action panels follow the timeline.
  const lastKindSeq = entries.findLast((e) => e.kind === "decision" || e.kind === "action")?.seq;
  useEffect(() => {
    if (lastKindSeq === undefined) return;
    void queryClient.invalidateQueries({ queryKey: roomKeys.decisions(incident.id) });
    void queryClient.invalidateQueries({ queryKey: roomKeys.actions(incident.id) });
  }, [lastKindSeq, incident.id, queryClient]);

  const amendmentsOf = useMemo(() => {
    const map = new Map<number, TimelineEntryDto[]>();
    for (const e of entries)
      if (e.amendsSeq) map.set(e.amendsSeq, [...(map.get(e.amendsSeq) ?? []), e]);
    return map;
  }, [entries]);
  const commander = incident.roles.find((r) => r.role === "commander")?.userName;

  return (
    <div className="space-y-5 p-6 lg:p-8">
      <Link
        href="/incidents"
        className="inline-flex items-center gap-1 text-sm text-slate-500 hover:underline"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden /> Incidents
      </Link>
      <RoomHeader incident={incident} presence={presence} canAct={can.canCommand} />

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Composer
            incidentId={incident.id}
            canWrite={can.canWriteTimeline}
            canNote={can.canNote}
            commanderName={commander}
            cadenceMinutes={incident.updateCadenceMinutes}
            amending={amending}
            onStopAmending={() => setAmending(undefined)}
          />
          <section
            aria-label="Timeline"
            className="rounded-lg border border-slate-200 bg-white px-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 className="flex items-center justify-between border-b border-slate-100 py-3 text-sm font-semibold dark:border-slate-800">
              Timeline{" "}
              <span className="font-normal text-slate-500">
                {entries.length} entries, newest first
              </span>
            </h2>
            <ol className="divide-y divide-slate-100 dark:divide-slate-800">
              {[...entries].reverse().map((entry) => (
                <TimelineEntryItem
                  key={entry.seq}
                  entry={entry}
                  amendments={amendmentsOf.get(entry.seq)}
                  onAmend={can.canNote ? setAmending : undefined}
                />
              ))}
            </ol>
          </section>
        </div>
        <aside className="space-y-4">
          <RolesPanel incident={incident} canAct={can.canCommand} />
          {/* panels: flags and comms panels mount here */}
          <IncidentFlagsPanel incident={incident} canFlip={can.canFlip} />
          <PublishPanel incident={incident} canPublish={can.canPublish} />
          <ActionsPanel
            incidentId={incident.id}
            initial={actions}
            canWrite={can.canWriteTimeline}
          />
          <DecisionsPanel incidentId={incident.id} initial={decisions} />
        </aside>
      </div>
    </div>
  );
}
