"use client";

import { useOfflineTill } from "./offline-till";

/**
 * Says when the till is offline and how many sales wait to be sent, and
 * what came back from the last sync: sales the server rejected or priced
 * differently, for the manager to look at.
 */
export function OfflineBanner({ reportHref = null }: { reportHref?: string | null }) {
  const till = useOfflineTill();
  const { queued, rejected, withDifferences } = till.counts;
  const waiting = `${queued} ${queued === 1 ? "sale" : "sales"} waiting to sync`;

  return (
    <div className="space-y-1">
      {!till.isOnline && (
        <div
          role="status"
          data-testid="offline-banner"
          className="flex flex-wrap items-center justify-between gap-2 bg-amber-400 px-4 py-2 text-sm font-semibold text-amber-950"
        >
          <span>
            Offline — selling from this till's copy of the catalogue. {waiting}.
          </span>
        </div>
      )}
      {till.isOnline && queued > 0 && (
        <div
          role="status"
          data-testid="sync-banner"
          className="flex flex-wrap items-center justify-between gap-2 bg-sky-200 px-4 py-2 text-sm font-semibold text-sky-950"
        >
          <span>
            {till.isSyncing ? `Syncing: ${waiting}.` : `Back online: ${waiting}.`}
          </span>
          <button
            type="button"
            onClick={till.syncNow}
            className="min-h-9 rounded-lg bg-sky-950 px-3 text-white"
          >
            Sync now
          </button>
        </div>
      )}
      {(rejected > 0 || withDifferences > 0) && (
        <p
          data-testid="sync-attention"
          className="bg-white/10 px-4 py-1 text-xs text-white/80"
        >
          From offline sales on this till: {rejected} rejected, {withDifferences} priced
          differently by the server. A manager sees them under Offline sales.
        </p>
      )}
      {reportHref && till.isOnline && (
        <p className="px-4 text-right text-xs">
          <a href={reportHref} className="underline">
            Offline sales report
          </a>
        </p>
      )}
      {till.persistence === "refused" && (
        <p role="alert" className="bg-red-600 px-4 py-1 text-xs font-semibold text-white">
          This browser did not grant persistent storage: sales queued offline could be
          lost if it clears space. Install the till as an app, or allow storage for this
          site.
        </p>
      )}
      {till.bundleProblem && (
        <p className="bg-white/10 px-4 py-1 text-xs text-white/80">
          {till.bundleProblem}
        </p>
      )}
    </div>
  );
}
