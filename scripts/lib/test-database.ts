import {
  ALLOW_REMOTE_ENV,
  assertLocal,
  connectAdmin,
  DEFAULT_TEST_DATABASE_URL,
  dropDatabase,
  quoteIdent,
  StopRun,
  withDatabase as withDatabaseName,
} from "../../tests/integration/support/postgres";

export { ALLOW_REMOTE_ENV };

/**
 * The PostgreSQL server the browser tests may use: TEST_DATABASE_URL or the
 * local default, with the same local-only guard and the same one clear
 * message as the integration tests when nothing answers.
 */
export async function testServerUrl(): Promise<string> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  try {
    assertLocal(url);
    const admin = await connectAdmin(url);
    await admin.close();
    return url;
  } catch (error) {
    if (error instanceof StopRun) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Creates a fresh database, runs `fn` with its URL, and always drops it. */
export async function withDatabase<T>(
  serverUrl: string,
  name: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const admin = await connectAdmin(serverUrl);
  await dropDatabase(admin, name);
  await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  try {
    return await fn(withDatabaseName(serverUrl, name));
  } finally {
    await dropDatabase(admin, name);
    await admin.close();
  }
}
