import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * A minimal SQL connection shared by the migration runner, the seed and the
 * benchmarks, so that they work the same on a PostgreSQL server and on the
 * embedded PGlite database.
 */
export interface Sql {
  /** One parameterised statement; returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A script of several statements, without parameters. */
  exec(script: string): Promise<void>;
  /** Runs `fn` in a transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface ClosableSql extends Sql {
  close(): Promise<void>;
}

function pgClientSql(client: pg.Client | pg.PoolClient): Sql {
  const sql: Sql = {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params);
      return result.rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      await client.query("BEGIN");
      try {
        const value = await fn(sql);
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
  return sql;
}

export interface ConnectPostgresOptions {
  /** For a LISTEN connection: each notification the server sends. */
  onNotification?: (channel: string, payload: string) => void;
  /**
   * Called once when the connection breaks (server restart, network) rather
   * than being closed by its owner. Without it a broken idle connection is
   * only noticed by the next query.
   */
  onLost?: (error: Error) => void;
}

/** Opens one connection to a PostgreSQL server. */
export async function connectPostgres(
  url: string,
  options: ConnectPostgresOptions = {},
): Promise<ClosableSql> {
  const client = new pg.Client({ connectionString: url });
  let isClosing = false;
  let isLost = false;
  const lost = (error: Error) => {
    if (isClosing || isLost) return;
    isLost = true;
    options.onLost?.(error);
  };
  // An unhandled 'error' event would end the process; report it instead.
  client.on("error", lost);
  client.on("end", () => lost(new Error("the database connection ended")));
  if (options.onNotification) {
    const onNotification = options.onNotification;
    client.on("notification", (message) =>
      onNotification(message.channel, message.payload ?? ""),
    );
  }
  await client.connect();
  return {
    ...pgClientSql(client),
    close: () => {
      isClosing = true;
      return client.end();
    },
  };
}

/** Wraps an open PGlite database; closing it is left to its owner. */
export function pgliteSql(db: PGlite): Sql {
  const wrap = (conn: Pick<PGlite, "query" | "exec">): Sql => ({
    async query<T>(text: string, params: unknown[] = []) {
      const result = await conn.query<T>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await conn.exec(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return db.transaction((tx) => fn(wrap(tx)));
    },
  });
  return wrap(db);
}
