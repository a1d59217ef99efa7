type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for rate limits and audit entries. It is the last
 * entry of X-Forwarded-For: the one the nearest proxy (or Next itself, when
 * no proxy sent the header) added, since entries further left are whatever
 * the client claimed. Behind several proxies, set TRUSTED_PROXY_HOPS to how
 * many of them append an entry after the first.
 */
export function clientIpFrom(headers: HeaderSource): string {
  const forwarded = read(headers, "x-forwarded-for");
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const entries = (forwarded ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = entries.length - 1 - (Number.isInteger(hops) && hops > 0 ? hops : 0);
  return entries[Math.max(0, index)] ?? read(headers, "x-real-ip") ?? "unknown";
}
