import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./server-process";

// A test's own PostgreSQL cluster, to stop and start at will (never a shared one).

const BIN = "/usr/lib/postgresql/15/bin";
export const hasPostgres = fs.existsSync(path.join(BIN, "pg_ctl"));

export type PrivatePostgres = {
  url: string;
  stop: () => void;
  start: () => void;
  destroy: () => void;
};

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN, cmd), ...args], {
    stdio: "pipe",
    timeout: 60_000,
  });

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-pg-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const port = await freePort();
  asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const start = () =>
    asPostgres("pg_ctl", [
      "-D",
      data,
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      "-l",
      path.join(dir, "log"),
      "-w",
      "start",
    ]);
  const stop = () => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
