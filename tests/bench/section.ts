/** One table of the benchmark report; run.ts prints and writes the sections in order. */
export interface BenchSection {
  title: string;
  rows: Record<string, string | number>[];
  notes?: string[];
  /** Broken expectations: printed, and the run exits non-zero without rewriting docs/benchmarks.md. */
  failures?: string[];
  /**
   * Another doc that shows this table too (repo-relative path): run.ts rewrites what lies between
   * `<!-- bench:<marker> -->` and `<!-- /bench:<marker> -->` there, so the figures cannot go stale.
   */
  embed?: { file: string; marker: string };
}

/** Bytes as `1,234,567 B (1.18 MiB)`, the form every size row uses. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  const human = mib >= 1 ? `${mib.toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes.toLocaleString('en-US')} B (${human})`;
}

/** The middle value, which shrugs off the odd slow run that a shared 2-core machine produces. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? value.toLocaleString('en-US') : value;
}

/**
 * A Markdown table padded to aligned columns, so the same text reads well in a terminal and renders in
 * docs/; numeric columns are right-aligned.
 */
export function renderTable(rows: readonly Record<string, string | number>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = rows.map((row) => columns.map((c) => cell(row[c]).replaceAll('|', '\\|')));
  const numeric = columns.map((_, i) => cells.every((r) => /^-?[\d,]*\.?\d*$/.test(r[i] ?? '')));
  const widths = columns.map((c, i) => Math.max(3, c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number): string =>
    numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const line = (parts: string[]): string => `| ${parts.join(' | ')} |`;
  const rule = widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(columns.map(pad)), line(rule), ...cells.map((r) => line(r.map(pad)))].join('\n');
}

/** A section as Markdown: heading, table, then its notes as a list. */
export function renderSection(section: BenchSection): string {
  const notes = (section.notes ?? []).map((note) => `- ${note}`);
  return [`## ${section.title}`, '', renderTable(section.rows), ...(notes.length ? ['', ...notes] : [])].join(
    '\n',
  );
}

/** `text` with the block between the section's markers replaced by its table and notes. */
export function embedSection(text: string, section: BenchSection): string {
  if (!section.embed) return text;
  const open = `<!-- bench:${section.embed.marker} -->`;
  const close = `<!-- /bench:${section.embed.marker} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${section.embed.file} lacks the ${open} … ${close} block`);
  const body = renderSection(section).split('\n').slice(2).join('\n');
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}
