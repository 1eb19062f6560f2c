import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./server-process";

// A private PostgreSQL cluster for tests that stop the database (never the shared one).

const BIN = "/usr/lib/postgresql/15/bin";
export const hasPostgres = fs.existsSync(`${BIN}/pg_ctl`);

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", `${BIN}/${cmd}`, ...args], { stdio: "pipe" });

export async function startPrivatePostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warroom-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  execFileSync("chown", ["postgres", dir]);
  asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const port = await freePort();
  const start = () =>
    asPostgres("pg_ctl", [
      "-D",
      data,
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
      "-l",
      `${dir}/log`,
      "-w",
      "start",
    ]);
  const stop = () => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
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
