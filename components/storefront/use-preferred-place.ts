"use client";

import { useCallback, useSyncExternalStore } from "react";

/** Where the shopper said they are, or the store they chose, remembered on the device. */
export interface PreferredPlace {
  /** What they typed, tidied: "M20", "Manchester". */
  label: string;
  latitude: number;
  longitude: number;
  /** A store they picked themselves; otherwise the nearest is used. */
  storeCode?: string;
}

const KEY = "omnitill.place";
const CHANGED = "omnitill:place-changed";

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function parse(raw: string | null): PreferredPlace | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PreferredPlace>;
    if (
      typeof value.label === "string" &&
      typeof value.latitude === "number" &&
      typeof value.longitude === "number"
    ) {
      return {
        label: value.label,
        latitude: value.latitude,
        longitude: value.longitude,
        storeCode: typeof value.storeCode === "string" ? value.storeCode : undefined,
      };
    }
  } catch {
    // A value from an older version or edited by hand: start again.
  }
  return null;
}

/**
 * The shopper's place, shared by every component on the page and across
 * tabs. Null on the server and until the browser has read it, so the first
 * render matches the server's.
 */
export function usePreferredPlace(): [
  PreferredPlace | null,
  (place: PreferredPlace | null) => void,
] {
  const raw = useSyncExternalStore(subscribe, read, () => null);
  const place = parse(raw);
  const setPlace = useCallback((next: PreferredPlace | null) => {
    try {
      if (next) window.localStorage.setItem(KEY, JSON.stringify(next));
      else window.localStorage.removeItem(KEY);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [place, setPlace];
}
