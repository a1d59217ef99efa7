/**
 * Runs an async task on demand, never twice at once: asks that come while
 * it runs make exactly one more run after it. A burst of notifications thus
 * costs one or two reads, not one each.
 */
export function coalesce(task: () => Promise<void>) {
  let running: Promise<void> | null = null;
  let isAskedAgain = false;

  function run(): void {
    if (running !== null) {
      isAskedAgain = true;
      return;
    }
    isAskedAgain = false;
    // The task reports its own failures; a rejection must not go unhandled.
    running = task()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (isAskedAgain) run();
      });
  }

  /** Resolves when no run is in progress or asked for. */
  async function settled(): Promise<void> {
    while (running !== null) await running;
  }

  return { run, settled };
}
