import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as EngineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { logger } from "@/lib/log";
import type { DatabaseTarget } from "../config";
import { MigrationError } from "./errors";

type Engine = EngineModule.SchemaEngine;

/** The schema engine, loaded once per process. */
let loading: Promise<typeof EngineModule> | undefined;

/**
 * Instantiates the WebAssembly schema engine. The package's own entry
 * imports the .wasm file as an ES module, which Node cannot do, so the
 * module is instantiated by hand with its JS glue as the import object.
 */
function loadEngineModule(): Promise<typeof EngineModule> {
  loading ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const glueFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(
      path.join(path.dirname(glueFile), "schema_engine_bg.wasm"),
    );
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === "function") start();
    return glue;
  })();
  return loading;
}

/** A running schema engine and what it holds open. */
export interface SchemaDiffer {
  /**
   * The SQL that turns the database of the `from` schema into that of the
   * `to` schema, or null when they describe the same database.
   */
  diff(from: string, to: string): Promise<string | null>;
  close(): Promise<void>;
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * Starts the schema engine. It insists on a live connection when it
 * starts, though a diff between two schema files never reads it: to the
 * PostgreSQL server for a server target, and to a throwaway in-memory
 * PGlite for the embedded one, so writing a migration needs no server.
 */
export async function openSchemaDiffer(target: DatabaseTarget): Promise<SchemaDiffer> {
  const engineModule = await loadEngineModule();
  const connection = connectionFor(target);

  let engine: Engine;
  try {
    engine = await engineModule.SchemaEngine.new(
      { datamodels: undefined },
      onEngineLog,
      bindMigrationAwareSqlAdapterFactory(connection.factory),
    );
  } catch (error) {
    await connection.close();
    throw new MigrationError(
      "engine",
      `The schema engine did not start: ${message(error)}`,
      {
        cause: error,
      },
    );
  }

  return {
    async diff(from, to) {
      const result = await engine
        .diff({
          from: schemaTarget(from),
          to: schemaTarget(to),
          script: true,
          // With exitCode set, the engine answers 2 when there is a change.
          exitCode: true,
          filters: NO_FILTER,
        })
        .catch((error: unknown) => {
          throw new MigrationError(
            "engine",
            `The schema engine refused: ${message(error)}`,
            {
              cause: error,
            },
          );
        });
      return result.exitCode === 2 ? (result.stdout ?? "") : null;
    },
    async close() {
      engine.free();
      await connection.close();
    },
  };
}

function schemaTarget(content: string) {
  return { tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] };
}

interface EngineConnection {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

function connectionFor(target: DatabaseTarget): EngineConnection {
  // schema-engine-wasm 8.1 reads the schema name from the adapter's
  // connection info and fails when it is missing; Prisma 7.10's adapters
  // leave it unset unless told.
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 1 });
    return {
      factory: new PrismaPg(pool, { schema: "public" }),
      close: () => pool.end(),
    };
  }

  const db = new PGlite();
  return {
    factory: withSchemaName(new PrismaPGlite(db)),
    close: () => db.close(),
  };
}

function withSchemaName(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const info = adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true };
    adapter.getConnectionInfo = () => ({
      ...info,
      schemaName: info.schemaName ?? "public",
    });
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

function onEngineLog(line: string): void {
  logger.debug({ engine: line.trim() }, "schema engine");
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The engine appends a Rust span trace; the first lines say what happened.
  return text.split("\n   0: ")[0]?.trim() ?? text;
}
