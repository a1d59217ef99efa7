/**
 * Benchmark of the storefront's product and category pages against
 * `next start` on a free port over a fresh PostgreSQL database with the
 * demo retailer. For each page, a keep-alive load generator in this
 * process keeps 32, then 64, requests in flight for a fixed number of
 * requests and reports throughput and p50/p99 latency. The generator shares
 * the machine's cores with the server, as the issue asks.
 *
 * Needs a current production build (`npm run build`). It asserts only
 * that every answer was 200, nothing about time. Beside throughput and
 * latency it reports the app's CPU time per request (from /proc), which
 * other work on a shared machine hardly moves.
 * Run: npx tsx tests/bench/storefront.bench.ts   (BENCH_REQUESTS=4000)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { seedDemoData } from "../../lib/db/seed";
import { connectPostgres } from "../../lib/db/sql";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4_000);
/**
 * The server's own name, as `npm start` has it. Next serves the proxy's
 * rewrites (filtered category listings) in-process only when they point at
 * that name; started with `-H 127.0.0.1` it forwards each over HTTP to
 * "localhost", which is not what a deployment does.
 */
const HOST = "localhost";
const CONCURRENCIES = [32, 64];
const PAGES = [
  { name: "product page", path: "/products/merino-crew-jumper" },
  { name: "category page", path: "/categories/women" },
  { name: "category page, filtered", path: "/categories/women?size=M&colour=Navy" },
];

interface Run {
  seconds: number;
  latencies: number[];
  errors: number;
}

/**
 * CPU time (ms) used so far by the app's processes (its process group), from
 * /proc: unlike throughput, it hardly moves when other work shares the
 * machine. Null where /proc is not there.
 */
function appCpuMs(groupId: number): number | null {
  try {
    let ticks = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        // Fields after the command name: state, ppid, pgrp, …, utime (14), stime (15).
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== groupId) continue;
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux.
  } catch {
    return null;
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function get(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: HOST, port, path, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

async function load(port: number, path: string, concurrency: number, total: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const began = performance.now();
        const status = await get(agent, port, path).catch(() => 0);
        latencies.push(performance.now() - began);
        if (status !== 200) errors += 1;
      }
    }),
  );
  const run: Run = { seconds: (performance.now() - start) / 1000, latencies, errors };
  agent.destroy();
  return run;
}

async function startApp(url: string, port: number): Promise<ChildProcess> {
  const app = spawn("npx", ["next", "start", "-p", String(port), "-H", HOST], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "20",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "bench-secret-not-for-production-0123456789",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    // Another checkout of the built app, when the working tree is being rebuilt.
    cwd: process.env.BENCH_APP_DIR ?? process.cwd(),
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      const response = await fetch(`http://${HOST}:${port}/stores`);
      if (response.status > 0) return app;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("next start did not answer within a minute; is the build current?");
}

function stopApp(app: ChildProcess) {
  if (app.pid) {
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

const server = await testServerUrl();
let failed = false;
await withDatabase(server, `omnitill_bench_storefront_${process.pid}`, async (url) => {
  const sql = await connectPostgres(url);
  await applyMigrations(sql, { migrationsDir: "prisma/migrations" });
  await sql.close();
  const prisma = createPrismaClient({ kind: "postgres", url });
  await seedDemoData(prisma);
  await prisma.$disconnect();

  const port = await freePort();
  const app = await startApp(url, port);
  try {
    for (const page of PAGES) await load(port, page.path, 8, 200);
    console.log(
      `${REQUESTS} requests per run; load generator in the same machine; ` +
        `load average ${loadavg()[0]?.toFixed(1)} at the start`,
    );
    for (const page of PAGES) {
      for (const concurrency of CONCURRENCIES) {
        const cpuBefore = app.pid ? appCpuMs(app.pid) : null;
        const run = await load(port, page.path, concurrency, REQUESTS);
        const cpuAfter = app.pid ? appCpuMs(app.pid) : null;
        const cpuPerRequest =
          cpuBefore === null || cpuAfter === null
            ? ""
            : `   app CPU ${((cpuAfter - cpuBefore) / REQUESTS).toFixed(2)} ms/req`;
        console.log(
          `  ${page.name.padEnd(26)} c=${String(concurrency).padEnd(3)} ` +
            `${(REQUESTS / run.seconds).toFixed(0).padStart(6)} req/s   ` +
            `p50 ${percentile(run.latencies, 50).toFixed(1).padStart(6)} ms   ` +
            `p99 ${percentile(run.latencies, 99).toFixed(1).padStart(6)} ms` +
            cpuPerRequest +
            (run.errors ? `   ${run.errors} NOT 200` : ""),
        );
        if (run.errors > 0) failed = true;
      }
    }
    console.log(`load average ${loadavg()[0]?.toFixed(1)} at the end`);
  } finally {
    stopApp(app);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});
process.exit(failed ? 1 : 0);
