// The postmortem draft: everything the incident recorded, plus empty sections for the team.

export type PostmortemTimes = {
  detectedAt: string | null;
  declaredAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  firstPublicUpdateAt: string | null;
};

/** Milliseconds, measured from detection (or declaration when detection is unknown). */
export type PostmortemDurations = {
  timeToAcknowledgeMs: number | null;
  timeToMitigateMs: number | null;
  timeToResolveMs: number | null;
  /** From the first public update to resolution; null if never published or not yet resolved. */
  customerFacingMs: number | null;
};

export type PostmortemRole = {
  role: string;
  userId: string;
  userName: string;
  assignedAt: string;
  relievedAt: string | null;
};

export type PostmortemTimelineItem = {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  visibility: "internal" | "public";
  summary: string;
  /** For a correction: the entry it amends, as originally written. */
  corrects: { seq: number; summary: string } | null;
};

export type PostmortemDecision = {
  seq: number;
  at: string;
  question: string;
  options: string[];
  choice: string;
  rationale: string;
  decidedBy: string;
  isReversible: boolean;
};

export type PostmortemAction = {
  seq: number;
  what: string;
  owner: string;
  dueAt: string | null;
  doneAt: string | null;
  isDone: boolean;
};

export type PostmortemFlagChange = {
  flagKey: string;
  from: unknown;
  to: unknown;
  reason: string;
  actor: string;
  at: string;
  endsWhen: string | null;
  expiresAt: string | null;
  revertedAt: string | null;
  isRevert: boolean;
  /** How long the relaxation was in force (until reverted, or until now if still active). */
  activeMs: number | null;
};

export type PostmortemPublicUpdate = {
  at: string;
  status: string;
  body: string;
};

export type PostmortemPublicIncident = {
  name: string;
  status: string;
  impact: string;
  startedAt: string;
  resolvedAt: string | null;
  updates: PostmortemPublicUpdate[];
};

export type Postmortem = {
  generatedAt: string;
  incident: {
    id: string;
    number: number;
    reference: string;
    title: string;
    summary: string;
    severity: string;
    status: string;
    isOpen: boolean;
    dependency: { category: string; name: string };
    components: string[];
  };
  times: PostmortemTimes;
  durations: PostmortemDurations;
  roles: PostmortemRole[];
  timeline: PostmortemTimelineItem[];
  decisions: PostmortemDecision[];
  actionItems: PostmortemAction[];
  followUps: PostmortemAction[];
  flagChanges: PostmortemFlagChange[];
  publicUpdates: PostmortemPublicIncident[];
  /** Left empty for the team to write. */
  sections: {
    impact: string;
    rootCause: string;
    wentWell: string;
    wentWrong: string;
    lessons: string;
  };
};
