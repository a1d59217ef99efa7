/** The web app manifest of the till, so it installs as an app that opens /pos. */
export function GET() {
  return Response.json(
    {
      name: "Omnitill point of sale",
      short_name: "Omnitill POS",
      description: "The store till: sells with or without the network.",
      id: "/pos",
      start_url: "/pos",
      scope: "/pos",
      display: "standalone",
      orientation: "any",
      background_color: "#12332b",
      theme_color: "#12332b",
      icons: [
        { src: "/pos-icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        {
          src: "/pos-icon.svg",
          sizes: "any",
          type: "image/svg+xml",
          purpose: "maskable",
        },
      ],
    },
    { headers: { "content-type": "application/manifest+json" } },
  );
}
