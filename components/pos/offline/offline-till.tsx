"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useEventStream } from "@/components/ui/use-event-stream";
import { type PosBundle, PosBundleSchema } from "@/lib/pos-sync/bundle";
import type { OfflineSaleInput } from "@/lib/pos-sync/sale";
import {
  deviceIdOf,
  loadBundle,
  openTillDb,
  type QueueCounts,
  type QueuedSale,
  queueCounts,
  queueSale,
  recentSales,
  saveBundle,
  type TillDb,
} from "./offline-db";
import { backoffDelay, syncQueue } from "./sync-queue";

export type Persistence = "checking" | "granted" | "refused" | "unsupported";

export interface OfflineTill {
  /** The browser has a network and the server answered the last time it was asked. */
  isOnline: boolean;
  bundle: PosBundle | null;
  bundleProblem: string | null;
  counts: QueueCounts;
  recent: QueuedSale[];
  persistence: Persistence;
  deviceId: string | null;
  lastSync: { at: string; message: string } | null;
  isSyncing: boolean;
  /** Writes a sale to the queue (on disk) and starts a sync when online. */
  queue: (
    build: (sequence: number, deviceId: string) => OfflineSaleInput,
  ) => Promise<QueuedSale>;
  syncNow: () => void;
}

const Context = createContext<OfflineTill | null>(null);
const CHANNEL = "omnitill-pos";
const EMPTY: QueueCounts = { queued: 0, rejected: 0, withDifferences: 0 };
/** How often a till with queued sales checks whether the server is back. */
const RETRY_CHECK_MS = 5_000;

/** How long the keyboard must rest before the till does heavy work. */
const QUIET_MS = 1_500;

/**
 * Runs `work` once no key has been pressed for QUIET_MS (a scanner types
 * too); answers a function that cancels it.
 */
function whenQuiet(work: () => void): () => void {
  let timer = setTimeout(fire, QUIET_MS);
  function onKey() {
    clearTimeout(timer);
    timer = setTimeout(fire, QUIET_MS);
  }
  function fire() {
    window.removeEventListener("keydown", onKey, true);
    work();
  }
  window.addEventListener("keydown", onKey, true);
  return () => {
    clearTimeout(timer);
    window.removeEventListener("keydown", onKey, true);
  };
}

export function useOfflineTill(): OfflineTill {
  const till = useContext(Context);
  if (!till) throw new Error("useOfflineTill outside OfflineTillProvider");
  return till;
}

/**
 * Keeps the store's bundle in IndexedDB (in full when the till opens
 * online, then by deltas when the events stream says prices or the
 * catalogue changed), holds the queue of offline sales, and sends it
 * whenever the network is there, with backoff between failed attempts.
 */
export function OfflineTillProvider({
  locationId,
  children,
}: {
  locationId: string;
  children: ReactNode;
}) {
  const [db, setDb] = useState<TillDb | null>(null);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [bundle, setBundle] = useState<PosBundle | null>(null);
  const [bundleProblem, setBundleProblem] = useState<string | null>(null);
  const [counts, setCounts] = useState<QueueCounts>(EMPTY);
  const [recent, setRecent] = useState<QueuedSale[]>([]);
  const [hasNetwork, setHasNetwork] = useState(true);
  const [isServerDown, setIsServerDown] = useState(false);
  const [persistence, setPersistence] = useState<Persistence>("checking");
  const [lastSync, setLastSync] = useState<OfflineTill["lastSync"]>(null);
  const [isSyncing, setIsSyncing] = useState(false);
  const failures = useRef(0);
  const nextAttemptAt = useRef(0);
  const syncing = useRef(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const isOnline = hasNetwork && !isServerDown;

  useEffect(() => {
    const update = () => setHasNetwork(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  // Setup: the database, the device id, and persistent storage, without
  // which the browser may clear the queue when space runs low.
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const opened = await openTillDb();
      if (!isCurrent) return;
      setDb(opened);
      setDeviceId(await deviceIdOf(opened));
      setBundle(await loadBundle(opened, locationId));
      if (!navigator.storage?.persist) setPersistence("unsupported");
      else {
        const granted =
          (await navigator.storage.persisted()) || (await navigator.storage.persist());
        if (isCurrent) setPersistence(granted ? "granted" : "refused");
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [locationId]);

  const refreshCounts = useCallback(async () => {
    if (!db) return;
    setCounts(await queueCounts(db, locationId));
    setRecent(await recentSales(db, locationId, 20));
  }, [db, locationId]);

  useEffect(() => {
    void refreshCounts();
    const broadcast = new BroadcastChannel(CHANNEL);
    channel.current = broadcast;
    broadcast.onmessage = () => void refreshCounts();
    return () => broadcast.close();
  }, [refreshCounts]);

  const fetchBundle = useCallback(
    async (since: string | null) => {
      if (!db) return;
      const params = new URLSearchParams({ locationId });
      if (since) params.set("since", since);
      try {
        const response = await fetch(`/api/v1/pos/bundle?${params}`, {
          credentials: "same-origin",
          cache: "no-store",
        });
        if (!response.ok) {
          setBundleProblem(`The catalogue could not be refreshed (${response.status}).`);
          return;
        }
        const next = PosBundleSchema.parse(await response.json());
        setBundle(await saveBundle(db, next));
        setBundleProblem(null);
        setIsServerDown(false);
      } catch {
        setIsServerDown(true);
      }
    },
    [db, locationId],
  );

  // In full whenever the till opens online, so what it sells offline is
  // what the server has now; once nobody has typed or scanned for a moment,
  // so reading the download never holds up a scanner's burst of keys.
  const isFetched = useRef(false);
  useEffect(() => {
    if (!db || !hasNetwork || isFetched.current) return;
    isFetched.current = true;
    return whenQuiet(() => void fetchBundle(null));
  }, [db, hasNetwork, fetchBundle]);

  const cursor = useRef<string | null>(null);
  cursor.current = bundle?.cursor ?? null;
  const cancelDelta = useRef<(() => void) | null>(null);
  const refreshSoon = useCallback(() => {
    cancelDelta.current?.();
    cancelDelta.current = whenQuiet(() => void fetchBundle(cursor.current));
  }, [fetchBundle]);
  useEventStream({
    topics: ["catalog", "pricing"],
    locationId,
    isEnabled: hasNetwork && db !== null,
    onEvent: refreshSoon,
    onResync: () => {
      if (cursor.current) refreshSoon();
    },
  });

  const runSync = useCallback(async () => {
    if (!db || syncing.current || !navigator.onLine) return;
    syncing.current = true;
    setIsSyncing(true);
    try {
      const outcome = await syncQueue({ db, locationId });
      const at = new Date().toISOString();
      if (outcome.kind === "failed") {
        failures.current += 1;
        nextAttemptAt.current = Date.now() + backoffDelay(failures.current);
        if (outcome.isNetwork) setIsServerDown(true);
        setLastSync({ at, message: outcome.message });
      } else if (outcome.kind === "done") {
        failures.current = 0;
        nextAttemptAt.current = 0;
        if (outcome.sent > 0) {
          setIsServerDown(false);
          setLastSync({ at, message: `${outcome.sent} sales synced.` });
          channel.current?.postMessage("synced");
        }
      }
    } finally {
      syncing.current = false;
      setIsSyncing(false);
      await refreshCounts();
    }
  }, [db, locationId, refreshCounts]);

  // The loop: whenever there is something to send and the backoff allows.
  useEffect(() => {
    if (!db) return;
    const tick = () => {
      if (counts.queued === 0 && !isServerDown) return;
      if (Date.now() < nextAttemptAt.current || !navigator.onLine) return;
      // Nothing to send: a small delta of the catalogue tells whether the
      // server is back.
      if (counts.queued === 0) void fetchBundle(cursor.current);
      else void runSync();
    };
    tick();
    const timer = setInterval(tick, RETRY_CHECK_MS);
    return () => clearInterval(timer);
  }, [db, counts.queued, isServerDown, runSync, fetchBundle]);

  useEffect(() => {
    if (!hasNetwork) return;
    failures.current = 0;
    nextAttemptAt.current = 0;
    void runSync();
  }, [hasNetwork, runSync]);

  const queue = useCallback<OfflineTill["queue"]>(
    async (build) => {
      if (!db || !deviceId) throw new Error("The till's storage is not open yet.");
      const queued = await queueSale(db, locationId, (sequence) =>
        build(sequence, deviceId),
      );
      await refreshCounts();
      channel.current?.postMessage("queued");
      if (navigator.onLine) void runSync();
      return queued;
    },
    [db, deviceId, locationId, refreshCounts, runSync],
  );

  const value = useMemo<OfflineTill>(
    () => ({
      isOnline,
      bundle,
      bundleProblem,
      counts,
      recent,
      persistence,
      deviceId,
      lastSync,
      isSyncing,
      queue,
      syncNow: () => {
        nextAttemptAt.current = 0;
        void runSync();
      },
    }),
    [
      isOnline,
      bundle,
      bundleProblem,
      counts,
      recent,
      persistence,
      deviceId,
      lastSync,
      isSyncing,
      queue,
      runSync,
    ],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
