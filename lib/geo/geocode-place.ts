import { UK_PLACES, UK_POSTCODE_AREAS } from "./uk-postcode-areas";

export interface Place {
  /** What to show the shopper: "M20", "EH2" or "Manchester". */
  label: string;
  latitude: number;
  longitude: number;
}

// A full postcode ("m20 2nt") or just its outward code ("M20", "WC2E").
const POSTCODE = /^([A-Z]{1,2})(\d[A-Z\d]?)(?:\s*(\d[A-Z]{2}))?$/;

/**
 * Turns what a shopper typed (a UK postcode, its first half, or a town)
 * into a point, offline, from bundled tables; null when it is not known.
 */
export function geocodePlace(input: string): Place | null {
  const text = input.trim().replace(/\s+/g, " ");
  if (text.length === 0 || text.length > 60) return null;

  const postcode = POSTCODE.exec(text.toUpperCase());
  if (postcode) {
    const [, area = "", district = ""] = postcode;
    const centre = UK_POSTCODE_AREAS[area];
    if (centre)
      return { label: `${area}${district}`, latitude: centre[0], longitude: centre[1] };
  }

  const name = text.toLowerCase();
  const place = UK_PLACES[name];
  if (place) return { label: titleCase(name), latitude: place[0], longitude: place[1] };
  return null;
}

function titleCase(name: string): string {
  return name.replace(
    /(^|[\s-])([a-z])/g,
    (_, gap: string, ch: string) => gap + ch.toUpperCase(),
  );
}

/** Great-circle distance in kilometres between two points. */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) *
      Math.cos(radians(b.latitude)) *
      Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
