// Until merchandisers upload photos, a product is shown as a calm colour
// field taken from its first colour option (or its handle), with its title.
const COLOUR_HUES: Record<string, string> = {
  black: "oklch(0.3 0.01 260)",
  white: "oklch(0.96 0.005 90)",
  ivory: "oklch(0.95 0.02 90)",
  cream: "oklch(0.93 0.03 85)",
  navy: "oklch(0.33 0.07 260)",
  blue: "oklch(0.6 0.1 245)",
  indigo: "oklch(0.4 0.1 270)",
  grey: "oklch(0.7 0.01 260)",
  charcoal: "oklch(0.4 0.01 260)",
  green: "oklch(0.55 0.09 150)",
  olive: "oklch(0.55 0.08 120)",
  sage: "oklch(0.75 0.05 140)",
  red: "oklch(0.55 0.17 25)",
  rust: "oklch(0.55 0.13 45)",
  pink: "oklch(0.8 0.08 10)",
  camel: "oklch(0.72 0.08 70)",
  sand: "oklch(0.85 0.04 80)",
  oat: "oklch(0.88 0.03 85)",
  brown: "oklch(0.45 0.06 55)",
  yellow: "oklch(0.85 0.13 95)",
  ochre: "oklch(0.7 0.12 80)",
  terracotta: "oklch(0.6 0.12 40)",
  natural: "oklch(0.9 0.03 85)",
  stone: "oklch(0.82 0.02 80)",
};

function hueFor(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `oklch(0.86 0.04 ${hash % 360})`;
}

function backgroundFor(colour: string | undefined, seed: string): string {
  if (colour) {
    // "Oatmeal Marl" → oat, "Washed Navy" → navy: the first known word wins.
    const name = colour.toLowerCase();
    const key = Object.keys(COLOUR_HUES).find((k) => name.includes(k));
    if (key) return COLOUR_HUES[key] as string;
  }
  return hueFor(seed);
}

function isDark(background: string): boolean {
  const lightness = Number(/oklch\(([\d.]+)/.exec(background)?.[1] ?? 1);
  return lightness < 0.6;
}

export function ProductArt({
  title,
  seed,
  colour,
  size = "card",
}: {
  title: string;
  seed: string;
  colour?: string;
  size?: "card" | "hero";
}) {
  const background = backgroundFor(colour, seed);
  const text = isDark(background) ? "text-white/90" : "text-ink/80";
  return (
    <div
      role="img"
      aria-label={title}
      style={{ background }}
      className="relative flex aspect-[4/5] w-full items-end overflow-hidden rounded-xl"
    >
      <div className="absolute inset-0 bg-gradient-to-t from-black/10 to-transparent" />
      <span
        className={`relative p-4 font-semibold tracking-tight ${text} ${
          size === "hero" ? "text-3xl" : "text-base"
        }`}
      >
        {title}
      </span>
    </div>
  );
}
