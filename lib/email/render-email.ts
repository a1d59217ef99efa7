/**
 * One email is described once, as a list of blocks, and rendered twice: as
 * HTML for mail clients that show it and as plain text for those that don't
 * (and for spam filters, which distrust HTML-only mail). Every kind of email
 * is a function that returns an EmailDocument; nothing else writes markup.
 */

export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  /** Label and value rows: lines of an order, totals, opening hours. */
  | { kind: "table"; rows: readonly (readonly [string, string])[]; strongLast?: boolean }
  | { kind: "button"; label: string; href: string }
  /** An image given as a data: URL (sent as an inline attachment). */
  | { kind: "image"; src: string; alt: string; size: number };

export interface EmailDocument {
  subject: string;
  /** First line of the body; also the preview most inboxes show. */
  greeting: string;
  blocks: readonly EmailBlock[];
  /** Small print under the body. */
  footer: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const FONT = "font-family:Helvetica,Arial,sans-serif;color:#1c1917;";

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${FONT}font-size:15px;line-height:1.5;margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case "heading":
      return `<h2 style="${FONT}font-size:17px;margin:24px 0 8px">${escapeHtml(block.text)}</h2>`;
    case "table": {
      const rows = block.rows.map(([label, value], index) => {
        const isStrong = block.strongLast && index === block.rows.length - 1;
        const weight = isStrong ? "font-weight:bold;" : "";
        return (
          `<tr><td style="${FONT}${weight}padding:6px 0;border-bottom:1px solid #e7e5e4">` +
          `${escapeHtml(label)}</td><td style="${FONT}${weight}padding:6px 0 6px 16px;` +
          `border-bottom:1px solid #e7e5e4;text-align:right;white-space:nowrap">` +
          `${escapeHtml(value)}</td></tr>`
        );
      });
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px">${rows.join("")}</table>`;
    }
    case "button":
      return (
        `<p style="margin:8px 0 24px"><a href="${escapeHtml(block.href)}" ` +
        `style="${FONT}display:inline-block;background:#1c1917;color:#ffffff;` +
        `padding:12px 20px;border-radius:6px;text-decoration:none;font-size:15px">` +
        `${escapeHtml(block.label)}</a></p>`
      );
    case "image":
      return `<p style="margin:0 0 16px"><img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}" width="${block.size}" height="${block.size}"></p>`;
  }
}

function blockText(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "heading":
      return `${block.text}\n${"-".repeat(block.text.length)}`;
    case "table": {
      const width = Math.max(...block.rows.map(([label]) => label.length));
      return block.rows
        .map(([label, value]) => `${label.padEnd(width)}  ${value}`)
        .join("\n");
    }
    case "button":
      return `${block.label}: ${block.href}`;
    case "image":
      return `(${block.alt})`;
  }
}

/** Renders one document to a subject, an HTML body and a plain-text body. */
export function renderEmail(doc: EmailDocument): RenderedEmail {
  const body = [
    blockHtml({ kind: "paragraph", text: doc.greeting }),
    ...doc.blocks.map(blockHtml),
  ].join("\n");
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(doc.subject)}</title></head>` +
    `<body style="margin:0;background:#f5f5f4">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff">\n${body}\n` +
    `<p style="${FONT}font-size:12px;color:#78716c;margin:32px 0 0">${escapeHtml(doc.footer)}</p>` +
    `</div></body></html>`;
  const text = [doc.greeting, ...doc.blocks.map(blockText), `--\n${doc.footer}`].join(
    "\n\n",
  );
  return { subject: doc.subject, html, text: `${text}\n` };
}
