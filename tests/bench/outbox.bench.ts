/**
 * Benchmark of the outbox's realtime path on a fresh PostgreSQL database:
 *
 * 1. What the NOTIFY trigger costs writers: transactions per second of a
 *    stock change (update one level row of many, write its outbox event)
 *    from 16 connections, with the trigger off, on, and on with app
 *    instances listening and dispatching. PostgreSQL serialises the commits
 *    of notifying transactions, so this is the figure to watch.
 * 2. How soon an open stream hears of a committed event: commit to hub
 *    delivery, p50 and p99, with two instances listening.
 *
 * It asserts nothing about time. Run: npx tsx tests/bench/outbox.bench.ts
 */
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrations/apply";
import { type ClosableSql, connectPostgres } from "../../lib/db/sql";
import { createEventsRuntime, type EventsRuntime } from "../../lib/events/start-events";
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

async function throughput(url: string): Promise<number> {
  const connections: ClosableSql[] = [];
  for (let i = 0; i < CONNECTIONS; i += 1) connections.push(await connectPostgres(url));
  const deadline = performance.now() + SECONDS * 1000;
  let committed = 0;
  await Promise.all(
    connections.map(async (sql) => {
      while (performance.now() < deadline) {
        const id = 1 + Math.floor(Math.random() * LEVELS);
        await sql.transaction((tx) => tx.query(CHANGE, [id]));
        committed += 1;
      }
    }),
  );
  await Promise.all(connections.map((sql) => sql.close()));
  return committed / SECONDS;
}

async function startInstances(url: string, count: number): Promise<EventsRuntime[]> {
  const target = { kind: "postgres" as const, url };
  const runtimes: EventsRuntime[] = [];
  for (let i = 0; i < count; i += 1) {
    const db = createPrismaClient(target);
    const runtime = await createEventsRuntime({
      target,
      db,
      hasRealtime: true,
      hasDispatcher: true,
    });
    runtimes.push({
      ...runtime,
      stop: async () => {
        await runtime.stop();
        await db.$disconnect();
      },
    });
  }
  return runtimes;
}

async function latency(url: string, runtime: EventsRuntime): Promise<number[]> {
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
    await heard;
    samples.push(performance.now() - start);
  }
  await sql.close();
  return samples.sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const server = await testServerUrl();
await withDatabase(server, `omnitill_bench_outbox_${process.pid}`, async (url) => {
  const sql = await connectPostgres(url);
  await applyMigrations(sql, { log: { info: () => undefined, warn: () => undefined } });
  await sql.exec(
    `CREATE TABLE bench_level (id int PRIMARY KEY, on_hand int NOT NULL);
     INSERT INTO bench_level SELECT g, 1000000 FROM generate_series(1, ${LEVELS}) g;`,
  );

  await sql.exec(`ALTER TABLE "OutboxEvent" DISABLE TRIGGER "OutboxEvent_notify"`);
  const withoutTrigger = await throughput(url);
  await sql.exec(`ALTER TABLE "OutboxEvent" ENABLE TRIGGER "OutboxEvent_notify"`);
  const withTrigger = await throughput(url);
  const instances = await startInstances(url, 2);
  const withListeners = await throughput(url);
  const [first] = instances;
  const samples = first ? await latency(url, first) : [];
  await Promise.all(instances.map((runtime) => runtime.stop()));
  await sql.close();

  const ratio = (n: number) => `${((n / withoutTrigger) * 100).toFixed(0)} %`;
  console.log(`stock change + outbox event, ${CONNECTIONS} connections, ${SECONDS} s each`);
  console.log(`  trigger off                    ${withoutTrigger.toFixed(0)} tx/s`);
  console.log(`  trigger on, nobody listening   ${withTrigger.toFixed(0)} tx/s (${ratio(withTrigger)})`);
  console.log(
    `  trigger on, 2 instances listen  ${withListeners.toFixed(0)} tx/s (${ratio(withListeners)})`,
  );
  console.log(`commit to hub delivery, ${LATENCY_SAMPLES} events one at a time`);
  console.log(
    `  p50 ${percentile(samples, 50).toFixed(2)} ms   p99 ${percentile(samples, 99).toFixed(2)} ms`,
  );
});
