/**
 * Test helpers: an independent reading of the synthetic barometer (a small RFC 4180 parser, no
 * satlab code), and temporary copies of the dataset for tests that alter it.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const datasetDir = join(root, 'datasets/barometer');

/** RFC 4180: fields separated by commas, quoted fields with doubled quotes, LF line ends. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

export function readWave(k: number, dir = datasetDir): Record<string, string>[] {
  return parseCsv(readFileSync(join(dir, `wave-${k}.csv`), 'utf8'));
}

/** Writes rows back as CSV (quoting every field that needs it). */
export function writeCsvRows(path: string, rows: Record<string, string>[]): void {
  const header = Object.keys(rows[0]);
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  writeFileSync(path, [header.join(','), ...rows.map((r) => header.map((h) => q(r[h])).join(','))].join('\n') + '\n');
}

/** A temporary copy of the dataset folder (three waves, codebook, report configs). */
export function datasetCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'satlab-report-'));
  for (const f of ['wave-1.csv', 'wave-2.csv', 'wave-3.csv', 'codebook.yaml', 'report.yaml']) copyFileSync(join(datasetDir, f), join(dir, f));
  return dir;
}

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
