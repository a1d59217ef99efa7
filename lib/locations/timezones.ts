/** Every IANA timezone this runtime knows, for the location form's select. */
export function listTimezones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  // Some runtimes list "UTC" only under an alias; keep it choosable.
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}

/** Whether the text names a timezone the runtime can compute times in. */
export function isTimezone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
