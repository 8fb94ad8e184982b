// Hard-wrapping for the plain-text part. Widths count Unicode code points of NFC text, which is
// one per letter for Vietnamese (every accented letter has a precomposed form).

export const TEXT_WIDTH = 76;

const URL_RE = /^(https?:\/\/|mailto:)\S+$/i;

export function isUrl(token: string): boolean {
  return URL_RE.test(token);
}

export function textWidth(s: string): number {
  return [...s].length;
}

/**
 * Wraps `text` to `width` columns, the first line prefixed by `first` and the others by
 * `rest`. A URL is never broken: it goes on a line of its own even when longer than the
 * width, so a mail client can still detect it; any other over-long word is cut.
 */
export function wrapText(text: string, width = TEXT_WIDTH, first = '', rest = first): string[] {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const indent = (): string => (lines.length === 0 ? first : rest);
  const flush = (): void => {
    if (!empty) lines.push(line);
    line = indent();
    empty = true;
  };
  for (const word of words) {
    if (isUrl(word)) {
      flush();
      lines.push(indent() + word);
      line = indent();
      continue;
    }
    const room = width - textWidth(indent());
    let w = word;
    while (textWidth(w) > room) {
      flush();
      const chars = [...w];
      lines.push(indent() + chars.slice(0, room).join(''));
      line = indent();
      w = chars.slice(room).join('');
    }
    if (w.length === 0) continue;
    const candidate = empty ? line + w : `${line} ${w}`;
    if (!empty && textWidth(candidate) > width) {
      flush();
      line += w;
    } else {
      line = candidate;
    }
    empty = false;
  }
  flush();
  return lines.length > 0 ? lines : [first.trimEnd()];
}

/**
 * Label and value rows, the values in aligned columns after a dotted leader:
 * "Tích cực ....  6  54,5%  giảm 8 điểm %". Every column but the last is right-aligned (counts,
 * percentages); the last, when there are several, is words and stays left-aligned.
 */
export function alignedRows(
  rows: readonly { label: string; values: readonly string[] }[],
  indent = '  ',
  width = TEXT_WIDTH,
): string[] {
  const cols = Math.max(0, ...rows.map((r) => r.values.length));
  const colW = Array.from({ length: cols }, (_, i) =>
    Math.max(0, ...rows.map((r) => textWidth(r.values[i] ?? ''))),
  );
  const valuesW = colW.reduce((n, w) => n + w + 2, 0);
  // Leader of at least two dots; a label too long for the line wraps above its values.
  const labelW = Math.min(
    Math.max(0, ...rows.map((r) => textWidth(r.label))),
    Math.max(10, width - textWidth(indent) - valuesW - 4),
  );
  return rows.flatMap((r) => {
    const values = colW
      .map((w, i) => {
        const v = r.values[i] ?? '';
        const pad = ' '.repeat(w - textWidth(v));
        return i < cols - 1 || cols === 1 ? pad + v : v + pad;
      })
      .join('  ')
      .trimEnd();
    const labelLines = wrapText(r.label, textWidth(indent) + labelW, indent);
    const last = labelLines.pop() ?? indent;
    const dots = '.'.repeat(labelW - (textWidth(last) - textWidth(indent)) + 2);
    return [...labelLines, `${last} ${dots} ${values}`.trimEnd()];
  });
}
