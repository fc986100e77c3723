// SPDX-License-Identifier: EUPL-1.2
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { E2E_WORKERS } from "./support/workers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** One server per worker, by pool id (1-based): see `serverUrl` in e2e/support/browser.ts. */
    baseUrls: string[];
  }
}

const ROOT = path.resolve(import.meta.dirname, "..");
const BUILT = path.join(ROOT, "dist/client/index.html");
/** What the built app is made of: when any is newer than the build, build again. */
const SOURCES = ["src/client", "src/domain", "index.html", "vite.config.ts", "package-lock.json"];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(target, name))),
    0,
  );
}

function buildIfNeeded() {
  const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const sources = Math.max(
    ...SOURCES.map((s) => path.join(ROOT, s))
      .filter((s) => existsSync(s))
      .map(newestChange),
  );
  if (built > sources) return;
  const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("vite build failed");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy in time:\n${output()}`);
}

type Server = { url: string; stop: () => Promise<void> };

/** The real server on a free port with a fresh demo database of its own, once it answers. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "casacomune-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DEMO_SEED: "true",
    LOG_LEVEL: "warn",
  };
  // The journeys run on PGlite with the demo programme, whatever the shell points at.
  delete env.DATABASE_URL;
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}

/**
 * Build the web app if needed, then start one server per worker, at once. Each worker's files run
 * one after another against its own server and database, so two files never meet in one database,
 * as when they all shared a single server.
 */
export default async function setup(project: TestProject) {
  buildIfNeeded();
  const started = await Promise.allSettled(Array.from({ length: E2E_WORKERS }, startServer));
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  const failed = started.find((s) => s.status === "rejected");
  if (failed !== undefined) {
    await stopAll();
    throw failed.reason;
  }
  project.provide(
    "baseUrls",
    servers.map((s) => s.url),
  );
  return stopAll;
}
