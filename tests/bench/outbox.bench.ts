/**
 * Benchmark of the outbox's realtime path on a fresh PostgreSQL database:
 *
 * 1. What announcing events costs writers: transactions per second of a
 *    stock change (update one level row of many, write its outbox event)
 *    from 16 connections: with no announcement at all (the floor); with
 *    NOTIFY inside every transaction (what a trigger on the outbox did:
 *    PostgreSQL serialises the commits of notifying transactions); with
 *    the application's announcement after commit, coalesced per process
 *    (`announceOutbox`, what Omnitill does); and the same with two app
 *    instances listening and dispatching.
 * 2. How soon an open stream hears of a committed event: commit to hub
 *    delivery, p50 and p99, with two instances listening.
 *
 * It asserts nothing about time. Run: npx tsx tests/bench/outbox.bench.ts
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { type ClosableSql, connectPostgres } from "../../lib/db/sql";
import { announceOutbox } from "../../lib/events/announce-outbox";
import { OUTBOX_CHANNEL } from "../../lib/events/outbox-listener";
import { createEventsRuntime } from "../../lib/events/start-events";
import { testServerUrl, withDatabase } from "../../scripts/lib/test-database";

const CONNECTIONS = 16;
const SECONDS = 4;
const LEVELS = 1_000;
const LATENCY_SAMPLES = 300;

const CHANGE = `WITH level AS (
    UPDATE bench_level SET on_hand = on_hand - 1 WHERE id = $1 RETURNING id, on_hand)
  INSERT INTO "OutboxEvent" ("type", "aggregateType", "aggregateId", "payload", "locationId")
  SELECT 'inventory.level_changed', 'inventory_level', level.id::text,
         jsonb_build_object('onHand', level.on_hand), NULL FROM level`;

type Announce = "none" | "in-transaction" | "after-commit";

async function throughput(
  url: string,
  levels: number,
  announce: Announce,
): Promise<number> {
  const connections: ClosableSql[] = [];
  for (let i = 0; i < CONNECTIONS; i += 1) connections.push(await connectPostgres(url));
  // The announcer's own client, as an app process has one.
  const announcer = createPrismaClient({ kind: "postgres", url });
  const deadline = performance.now() + SECONDS * 1000;
  let committed = 0;
  await Promise.all(
    connections.map(async (sql) => {
      while (performance.now() < deadline) {
        const id = 1 + Math.floor(Math.random() * levels);
        await sql.transaction(async (tx) => {
          await tx.query(CHANGE, [id]);
          if (announce === "in-transaction") await tx.query(`NOTIFY ${OUTBOX_CHANNEL}`);
        });
        if (announce === "after-commit") announceOutbox(announcer);
        committed += 1;
      }
    }),
  );
  await Promise.all(connections.map((sql) => sql.close()));
  await announcer.$disconnect();
  return committed / SECONDS;
}

/**
 * App instances in their own processes, as in production, each with a
 * realtime hub and a dispatcher, so their work does not share the load
 * generator's event loop.
 */
async function startInstances(url: string, count: number): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i += 1) {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--instance", url],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(child.stdout ?? child, "data");
    children.push(child);
  }
  return children;
}

async function stopInstances(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }),
  );
}

/** Runs one listening instance until SIGTERM (the child side of the above). */
async function runInstance(url: string): Promise<void> {
  const target = { kind: "postgres" as const, url };
  const db = createPrismaClient(target);
  const runtime = await createEventsRuntime({
    target,
    db,
    hasRealtime: true,
    hasDispatcher: true,
  });
  runtime.hub?.subscribe({ onEvent: () => undefined });
  process.stdout.write("ready\n");
  process.once("SIGTERM", () => {
    void runtime.stop().then(() => process.exit(0));
  });
}

async function latency(url: string): Promise<number[]> {
  const target = { kind: "postgres" as const, url };
  const db = createPrismaClient(target);
  const runtime = await createEventsRuntime({
    target,
    db,
    hasRealtime: true,
    hasDispatcher: false,
  });
  const sql = await connectPostgres(url);
  const samples: number[] = [];
  let arrived: (() => void) | null = null;
  runtime.hub?.subscribe({ onEvent: () => arrived?.() });
  for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
    const heard = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const start = performance.now();
    await sql.transaction((tx) => tx.query(CHANGE, [1 + (i % LEVELS)]));
    announceOutbox(db);
    await heard;
    samples.push(performance.now() - start);
  }
  await sql.close();
  await runtime.stop();
  await db.$disconnect();
  return samples.sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

if (process.argv[2] === "--instance") {
  await runInstance(process.argv[3] ?? "");
} else {
  await main();
}

async function main() {
  const server = await testServerUrl();
  await withDatabase(server, `omnitill_bench_outbox_${process.pid}`, async (url) => {
    const sql = await connectPostgres(url);
    await applyMigrations(sql, { log: { info: () => undefined, warn: () => undefined } });
    await sql.exec(
      `CREATE TABLE bench_level (id int PRIMARY KEY, on_hand int NOT NULL);
     INSERT INTO bench_level SELECT g, 1000000 FROM generate_series(1, ${LEVELS}) g;`,
    );

    // Many levels: commits could run side by side. One hot level: its row
    // lock already makes them wait for each other.
    const rows: [string, number, number, number, number][] = [];
    for (const [label, levels] of [
      ["many levels", LEVELS],
      ["one hot level", 1],
    ] as const) {
      const none = await throughput(url, levels, "none");
      const inside = await throughput(url, levels, "in-transaction");
      const after = await throughput(url, levels, "after-commit");
      const instances = await startInstances(url, 2);
      const listened = await throughput(url, levels, "after-commit");
      await stopInstances(instances);
      rows.push([label, none, inside, after, listened]);
    }
    const instances = await startInstances(url, 1);
    const samples = await latency(url);
    await stopInstances(instances);
    await sql.close();

    const tps = (n: number, base: number) =>
      `${n.toFixed(0).padStart(6)} tx/s (${((n / base) * 100).toFixed(0)} %)`;
    console.log(
      `stock change + outbox event, ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    console.log(
      "                  no NOTIFY      NOTIFY in each tx     " +
        "after commit, coalesced   same, 2 instances listening",
    );
    for (const [label, none, inside, after, listened] of rows) {
      console.log(
        `  ${label.padEnd(14)} ${none.toFixed(0).padStart(6)} tx/s  ${tps(inside, none)}` +
          `  ${tps(after, none)}  ${tps(listened, none)}`,
      );
    }
    console.log(
      `commit to hub delivery, ${LATENCY_SAMPLES} events one at a time, 2 instances up`,
    );
    console.log(
      `  p50 ${percentile(samples, 50).toFixed(2)} ms   p99 ${percentile(samples, 99).toFixed(2)} ms`,
    );
  });
}
