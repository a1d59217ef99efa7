/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeCallbackUrl(
  value: string | string[] | undefined,
  fallback: string,
): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (url?.startsWith("/") && !url.startsWith("//")) return url;
  return fallback;
}
