"use client";

import { useEffect } from "react";

/**
 * Registers the till's service worker, scoped to /pos, so the till opens
 * with no network after one online visit. Not in development, where the
 * worker is not built.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/pos" }).catch(() => {
      // Without it the till still sells offline while the page stays open.
    });
  }, []);
  return null;
}
