import pg from "pg";
import { databaseMode, databaseUrl } from "../db";
import { logger } from "../logger";

// Background jobs run in-process on the leader only: the instance holding a PostgreSQL
// session-level advisory lock. Embedded mode has one process, so it always leads.

const LEADER_LOCK_KEY = 727_274_001;

export type Job = { name: string; everyMs: number; run: () => Promise<void> };

export class Scheduler {
  private readonly jobs: Job[] = [];
  private timers: NodeJS.Timeout[] = [];
  private lockClient: pg.Client | undefined;
  private isLeader = false;
  private isStopped = false;
  private leaderTimer: NodeJS.Timeout | undefined;

  add(job: Job): this {
    this.jobs.push(job);
    return this;
  }

  get leader(): boolean {
    return this.isLeader;
  }

  async start(): Promise<void> {
    await this.tryLead();
    if (!this.isLeader) this.leaderTimer = setInterval(() => void this.tryLead(), 5_000);
  }

  /** Runs one job now (on the leader), e.g. right after a change that makes it due. */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.find((j) => j.name === name);
    if (job && this.isLeader) await this.runSafely(job);
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.timers.forEach(clearInterval);
    this.timers = [];
    if (this.leaderTimer) clearInterval(this.leaderTimer);
    await this.lockClient?.end().catch(() => undefined);
    this.lockClient = undefined;
    this.isLeader = false;
  }

  private async tryLead(): Promise<void> {
    if (this.isLeader || this.isStopped) return;
    if (databaseMode() === "postgresql") {
      try {
        const client = new pg.Client({ connectionString: databaseUrl() });
        await client.connect();
        const { rows } = await client.query<{ ok: boolean }>(
          "SELECT pg_try_advisory_lock($1) AS ok",
          [LEADER_LOCK_KEY],
        );
        if (!rows[0]?.ok) {
          await client.end();
          return;
        }
        // Losing the connection loses the lock: step down and try again later.
        client.on("error", () => this.stepDown());
        client.on("end", () => this.stepDown());
        this.lockClient = client;
      } catch (error) {
        logger().warn({ err: error }, "leader election failed; retrying");
        return;
      }
    }
    this.isLeader = true;
    if (this.leaderTimer) clearInterval(this.leaderTimer);
    logger().info({ jobs: this.jobs.map((j) => j.name) }, "leading background jobs");
    for (const job of this.jobs) {
      void this.runSafely(job); // catch up at once: a deadline may have passed while down
      this.timers.push(setInterval(() => void this.runSafely(job), job.everyMs));
    }
  }

  private stepDown(): void {
    if (!this.isLeader || this.isStopped) return;
    this.isLeader = false;
    this.timers.forEach(clearInterval);
    this.timers = [];
    this.lockClient = undefined;
    this.leaderTimer = setInterval(() => void this.tryLead(), 5_000);
  }

  private readonly running = new Set<string>();
  private readonly failures = new Map<string, { count: number; loggedAt: number }>();

  private async runSafely(job: Job): Promise<void> {
    if (this.running.has(job.name) || !this.isLeader) return;
    this.running.add(job.name);
    try {
      await job.run();
      if (this.failures.delete(job.name))
        logger().info({ job: job.name }, "background job recovered");
    } catch (error) {
      // While the database is down a job fails on every tick: log the first failure, then a
      // reminder once a minute, not one line per second.
      const streak = this.failures.get(job.name) ?? { count: 0, loggedAt: 0 };
      streak.count += 1;
      if (streak.count === 1 || Date.now() - streak.loggedAt > 60_000) {
        logger().error(
          { err: error, job: job.name, failures: streak.count },
          "background job failed",
        );
        streak.loggedAt = Date.now();
      }
      this.failures.set(job.name, streak);
    } finally {
      this.running.delete(job.name);
    }
  }
}

const slot = globalThis as unknown as { warroomScheduler?: Scheduler };

/** The process-wide scheduler (shared with Next's route-handler bundles through globalThis). */
export function scheduler(): Scheduler {
  slot.warroomScheduler ??= new Scheduler();
  return slot.warroomScheduler;
}
