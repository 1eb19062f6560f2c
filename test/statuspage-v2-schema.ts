// JSON schemas of the Atlassian Statuspage public API v2 documents, written from its public
// documentation (https://metastatuspage.com/api/v2): exact field names, nullability and enums.

const dateTime = { type: "string", format: "date-time" } as const;
const nullableDateTime = { type: ["string", "null"], format: "date-time" } as const;

const page = {
  type: "object",
  additionalProperties: false,
  required: ["id", "name", "url", "time_zone", "updated_at"],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    url: { type: "string", format: "uri" },
    time_zone: { type: "string" },
    updated_at: dateTime,
  },
} as const;

const componentStatus = {
  enum: [
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
  ],
} as const;

const component = {
  type: "object",
  additionalProperties: false,
  required: [
    "id",
    "name",
    "status",
    "created_at",
    "updated_at",
    "position",
    "description",
    "showcase",
    "start_date",
    "group_id",
    "page_id",
    "group",
    "only_show_if_degraded",
  ],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    status: componentStatus,
    created_at: dateTime,
    updated_at: dateTime,
    position: { type: "integer" },
    description: { type: ["string", "null"] },
    showcase: { type: "boolean" },
    start_date: { type: ["string", "null"], format: "date" },
    group_id: { type: ["string", "null"] },
    page_id: { type: "string" },
    group: { type: "boolean" },
    only_show_if_degraded: { type: "boolean" },
    components: { type: "array", items: { type: "string" } },
  },
} as const;

const status = {
  type: "object",
  additionalProperties: false,
  required: ["indicator", "description"],
  properties: {
    indicator: { enum: ["none", "minor", "major", "critical"] },
    description: { type: "string", minLength: 1 },
  },
} as const;

const update = {
  type: "object",
  additionalProperties: false,
  required: [
    "id",
    "status",
    "body",
    "incident_id",
    "created_at",
    "updated_at",
    "display_at",
    "affected_components",
    "deliver_notifications",
    "custom_tweet",
    "tweet_id",
  ],
  properties: {
    id: { type: "string" },
    status: {
      enum: [
        "investigating",
        "identified",
        "monitoring",
        "resolved",
        "postmortem",
        "scheduled",
        "in_progress",
        "verifying",
        "completed",
      ],
    },
    body: { type: "string" },
    incident_id: { type: "string" },
    created_at: dateTime,
    updated_at: dateTime,
    display_at: dateTime,
    affected_components: {
      type: ["array", "null"],
      items: {
        type: "object",
        additionalProperties: false,
        required: ["code", "name", "old_status", "new_status"],
        properties: {
          code: { type: "string" },
          name: { type: "string" },
          old_status: componentStatus,
          new_status: componentStatus,
        },
      },
    },
    deliver_notifications: { type: "boolean" },
    custom_tweet: { type: ["string", "null"] },
    tweet_id: { type: ["string", "null"] },
  },
} as const;

const incidentProps = {
  id: { type: "string" },
  name: { type: "string" },
  created_at: dateTime,
  updated_at: dateTime,
  monitoring_at: nullableDateTime,
  resolved_at: nullableDateTime,
  shortlink: { type: "string" },
  started_at: dateTime,
  page_id: { type: "string" },
  incident_updates: { type: "array", items: update },
  components: { type: "array", items: component },
} as const;
const incidentRequired = [
  "id",
  "name",
  "status",
  "created_at",
  "updated_at",
  "monitoring_at",
  "resolved_at",
  "impact",
  "shortlink",
  "started_at",
  "page_id",
  "incident_updates",
  "components",
];

const incident = {
  type: "object",
  additionalProperties: false,
  required: incidentRequired,
  properties: {
    ...incidentProps,
    status: { enum: ["investigating", "identified", "monitoring", "resolved", "postmortem"] },
    impact: { enum: ["none", "minor", "major", "critical"] },
  },
} as const;

const maintenance = {
  type: "object",
  additionalProperties: false,
  required: [...incidentRequired, "scheduled_for", "scheduled_until"],
  properties: {
    ...incidentProps,
    status: { enum: ["scheduled", "in_progress", "verifying", "completed"] },
    impact: { enum: ["none", "minor", "major", "critical", "maintenance"] },
    scheduled_for: nullableDateTime,
    scheduled_until: nullableDateTime,
  },
} as const;

const doc = (props: Record<string, unknown>) => ({
  type: "object",
  additionalProperties: false,
  required: Object.keys(props),
  properties: props,
});

const incidents = { type: "array", items: incident } as const;
const maintenances = { type: "array", items: maintenance } as const;

export const STATUSPAGE_V2_SCHEMAS: Record<string, object> = {
  "summary.json": doc({
    page,
    components: { type: "array", items: component },
    incidents,
    scheduled_maintenances: maintenances,
    status,
  }),
  "status.json": doc({ page, status }),
  "components.json": doc({ page, components: { type: "array", items: component } }),
  "incidents.json": doc({ page, incidents }),
  "incidents/unresolved.json": doc({ page, incidents }),
  "scheduled-maintenances.json": doc({ page, scheduled_maintenances: maintenances }),
  "scheduled-maintenances/upcoming.json": doc({ page, scheduled_maintenances: maintenances }),
  "scheduled-maintenances/active.json": doc({ page, scheduled_maintenances: maintenances }),
};
