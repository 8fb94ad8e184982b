// A small RFC 4180 reader: the admin tables quote fields that hold commas and line breaks
// ("124 ĐVHC (07 phường, 117 xã)\n"), so splitting lines on commas is not enough.

/** Rows of fields; a leading BOM is dropped, CRLF and LF both end a row. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Records keyed by the header row; a missing column is an error naming the table. */
export function parseCsvRecords(
  text: string,
  columns: readonly string[],
  table: string,
): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`profiles: ${table}: empty table`);
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  for (const c of columns) {
    if (!index.has(c)) throw new Error(`profiles: ${table}: missing column "${c}"`);
  }
  return rows.map((r) => {
    const rec: Record<string, string> = {};
    for (const c of columns) rec[c] = (r[index.get(c) ?? -1] ?? '').trim();
    return rec;
  });
}
