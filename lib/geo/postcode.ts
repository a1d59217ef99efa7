const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;

/**
 * "m202nt" → "M20 2NT": a UK postcode upper-cased with one space before
 * its last three characters; anything else is kept as typed, trimmed.
 */
export function tidyPostcode(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return UK_POSTCODE.test(compact)
    ? `${compact.slice(0, -3)} ${compact.slice(-3)}`
    : value.trim().toUpperCase();
}
