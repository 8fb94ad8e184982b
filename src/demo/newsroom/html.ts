// Escaping and small markup helpers shared by the outlet renderers.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double- or single-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A JSON-LD block; `<` is escaped so that no value can close the script element early. */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data, null, 2).replace(/</g, '\\u003c');
  return `<script type="application/ld+json">\n${json}\n</script>`;
}

/** CDATA section; a literal `]]>` inside is split across two sections as the XML spec allows. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** URL slug of a Vietnamese title, as the outlets build theirs: no diacritics, đ → d. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `<p>` paragraphs with an optional class, each escaped. */
export function paragraphs(body: readonly string[], className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  return body.map((p) => `<p${cls}>${esc(p)}</p>`).join('\n');
}
