"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { OutboxItemDto } from "@/lib/comms";
import { queryKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/incidents/relative-time";

type Outbox = {
  counts: Record<string, number>;
  subscribers: Record<string, number>;
  items: OutboxItemDto[];
};

/** Outbox health and the dead-letter list, each retryable with its original webhook-id. */
export function DeliveriesAdmin() {
  const queryClient = useQueryClient();
  const outbox = useQuery({
    queryKey: queryKeys.status.outbox,
    queryFn: () => apiFetch<Outbox>("/api/status/outbox"),
    refetchInterval: 10_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/status/outbox/${id}/retry`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.status.outbox }),
  });
  const data = outbox.data;
  const dead = data?.items.filter((i) => i.status === "dead") ?? [];
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Subscribers: {data?.subscribers.webhook ?? 0} webhook, {data?.subscribers.email ?? 0} email
        · delivered {data?.counts.delivered ?? 0} · pending {data?.counts.pending ?? 0} · dead{" "}
        {data?.counts.dead ?? 0}
      </p>
      <h3 className="font-medium">Dead letters</h3>
      {dead.length === 0 ? (
        <p className="text-slate-500">None.</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="dead-letters">
          {dead.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-mono text-xs">{m.event}</span> →{" "}
                {m.target ?? "removed subscriber"}
                <span className="block text-xs text-slate-500">
                  {m.attempts} attempts · {m.lastError} · <RelativeTime iso={m.createdAt} />
                </span>
              </span>
              <Button
                variant="secondary"
                onClick={() => retry.mutate(m.id)}
                disabled={retry.isPending}
              >
                Retry
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
