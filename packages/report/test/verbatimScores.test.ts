import { join } from 'node:path';
import type { Report } from '@satlab/report';
import { buildReport, loadReportConfig, readReportData } from '@satlab/report';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetDir, readWave } from './helpers.js';

// The "Verbatims and recommendation" section (issue 17), checked against the wave-3 CSV text read
// by the independent parser of helpers.ts.
let report: Report;
const w3 = readWave(3);

beforeAll(async () => {
  const config = loadReportConfig(join(datasetDir, 'report.yaml'));
  report = await buildReport(config, readReportData(config), { timestamp: '2025-08-01T00:00:00Z' });
});

describe('verbatims and recommendation section', () => {
  it('comes after the verbatims by theme, with the terms chart and the theme tests', () => {
    const html = report.html;
    const at = html.indexOf('<section id="verbatim-scores">');
    expect(at).toBeGreaterThan(html.indexOf('<section id="verbatims">'));
    const sec = html.slice(at, html.indexOf('</section>', at));
    expect(sec).toContain('Termes sur-représentés chez les détracteurs');
    expect(sec).toContain('<svg');
    expect(sec).toContain('Prix et cotisation');
  });
  it('analyses every non-blank comment of the latest wave that has an NPS, and counts the terms as the CSV says', () => {
    const terms = report.tables.find((t) => t.name === 'verbatim_terms')!;
    expect(terms.rows[0]).toEqual(['side', 'term', 'comments', 'detractors', 'promoters', 'share_detractors', 'share_promoters', 'log_odds', 'z']);
    const comments = w3.filter((r) => r.verbatim.trim() !== '');
    const det = comments.filter((r) => r.nps !== '' && Number(r.nps) <= 6).length;
    const first = terms.rows[1];
    // share_detractors = detractors mentioning the term / detractors with a comment
    expect(first[0]).toBe('detractors');
    expect(Number(first[5])).toBeCloseTo(Number(first[3]) / det, 9);
    const tests = report.tables.find((t) => t.name === 'verbatim_theme_tests')!;
    for (const row of tests.rows.slice(1)) expect(Number(row[6])).toBeGreaterThanOrEqual(Number(row[5]));
  });
});
