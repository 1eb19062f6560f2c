// Typed react-query key factories: one place for every cache key.

export const queryKeys = {
  incidents: {
    all: ["incidents"] as const,
    list: (filters: Record<string, string | undefined> = {}) =>
      ["incidents", "list", filters] as const,
    detail: (id: string) => ["incidents", "detail", id] as const,
    timeline: (id: string) => ["incidents", "timeline", id] as const,
    presence: (id: string) => ["incidents", "presence", id] as const,
  },
  flags: { all: ["flags"] as const },
  status: {
    all: ["status"] as const,
    components: ["status", "components"] as const,
    templates: ["status", "templates"] as const,
    incidents: (incidentId?: string) => ["status", "incidents", incidentId ?? "all"] as const,
    outbox: ["status", "outbox"] as const,
    subscribers: ["status", "subscribers"] as const,
  },
};
