import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { closeEmbedded } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { emitEvent } from "@/lib/events/emit-event";
import type { OutboxRecord } from "@/lib/events/outbox-event";
import { createEventsRuntime } from "@/lib/events/start-events";
import { commitEvent, levelChanged, recordHub } from "./helpers";

// The embedded database runs in this process: its notifications too.
const dataDir = await mkdtemp(path.join(os.tmpdir(), "omnitill-events-"));
const env = { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir };
const { target } = await prepareDatabase({ env, seed: false });
const prisma = createPrismaClient(target);
let onDispatched = (_event: OutboxRecord) => {};
const runtime = await createEventsRuntime({
  target,
  db: prisma,
  hasRealtime: true,
  hasDispatcher: true,
  pollIntervalMs: null,
  subscribers: [
    { name: "probe", handles: () => true, deliver: async (e) => onDispatched(e) },
  ],
});

afterAll(async () => {
  await runtime.stop();
  await prisma.$disconnect();
  if (target.kind === "embedded") await closeEmbedded(target.directory);
  await rm(dataDir, { recursive: true, force: true });
});

describe("events on the embedded database", () => {
  it("reach open streams and the dispatcher when the transaction commits", async () => {
    if (!runtime.hub) throw new Error("no hub");
    const stream = recordHub(runtime.hub);
    const dispatched = new Promise<OutboxRecord>((resolve) => {
      onDispatched = resolve;
    });

    await expect(
      prisma.$transaction(async (tx) => {
        await emitEvent(tx, levelChanged());
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const id = await commitEvent(prisma, levelChanged());
    const [received] = await stream.until(1);

    expect(received?.id).toBe(id);
    expect((await dispatched).id).toBe(id);
    expect(stream.received).toHaveLength(1);
  });
});
