/** The `<option>`s of a location picker: "STR-LDN — London Covent Garden". */
export function LocationOptions({
  locations,
}: {
  locations: { code: string; name: string }[];
}) {
  return locations.map((l) => (
    <option key={l.code} value={l.code}>
      {l.code} — {l.name}
    </option>
  ));
}
