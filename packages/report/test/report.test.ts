import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report, ReportConfig, ReportData } from '@satlab/report';
import { buildReport, loadReportConfig, parseReportConfig, readReportData, writeReport } from '@satlab/report';
import { InputError } from '@satlab/data';
import { barometerModel } from '@satlab/synth';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetCopy, datasetDir, mean, readWave, writeCsvRows } from './helpers.js';

// Independent figures: computed here from the CSV text with the small parser of helpers.ts,
// without satlab; the true model (which attributes change) is @satlab/synth's barometerModel.
const close = (a: number, b: number, tol = 1e-12): void => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
const TS = '2025-08-01T00:00:00Z';

let config: ReportConfig;
let data: ReportData;
let report: Report;
const w3 = readWave(3);
const w2 = readWave(2);

beforeAll(async () => {
  config = loadReportConfig(join(datasetDir, 'report.yaml'));
  data = readReportData(config);
  report = await buildReport(config, data, { timestamp: TS });
});

describe('the report of the synthetic barometer holds the expected sections and figures', () => {
  it('has every section of the issue, in order, and a table of contents linking them', () => {
    const ids = ['key-figures', 'trends', 'ipa', 'drivers', 'crosstabs', 'nps', 'attrition', 'verbatims', 'verbatim-scores', 'methods'];
    expect(report.summary.sections).toEqual(ids);
    let at = 0;
    for (const id of ids) {
      const k = report.html.indexOf(`<section id="${id}">`);
      expect(k, id).toBeGreaterThan(at);
      at = k;
      expect(report.html).toContain(`<a href="#${id}">`);
    }
    expect(report.html).toContain('<h2>Chiffres clés — Vague 3</h2>');
    expect(report.html).toContain('<h2>Tableaux croisés par type de contrat</h2>');
    expect(report.html).toContain('<h2>Verbatims par thème</h2>');
    expect((report.html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(9);
  });

  it('key figures of the latest wave equal the values computed from the CSV text', () => {
    const kf = (id: string) => report.summary.keyFigures.find((k) => k.id === id) ?? expect.unreachable(id);
    const overall = w3.map((r) => Number(r.overall));
    close(kf('overall').value, mean(overall));
    close(kf('csat').value, overall.filter((x) => x >= 3).length / overall.length);
    const nps = w3.map((r) => Number(r.nps)).filter((x) => x !== 99);
    close(kf('nps').value, (100 * (nps.filter((x) => x >= 9).length - nps.filter((x) => x <= 6).length)) / nps.length);
    expect(kf('nps').n).toBe(nps.length);
    close(kf('left').value, w3.filter((r) => r.left_within_year === 'oui').length / w3.length);
    close(kf('complained').value, w3.filter((r) => r.complained === 'oui').length / w3.length);
    const di = w3.map((r) => Number(r.sat_delai_indemn)).filter((x) => x !== 9);
    close(kf('sat_delai_indemn').value, mean(di));
    const di2 = w2.map((r) => Number(r.sat_delai_indemn)).filter((x) => x !== 9);
    close(kf('sat_delai_indemn').changePrevious as number, mean(di) - mean(di2), 1e-12);
  });

  it('prints them in French format in the page: decimal comma, narrow spaces, % with a space, typographic minus', () => {
    const kf = report.summary.keyFigures;
    const overall = kf.find((k) => k.id === 'overall');
    const csat = kf.find((k) => k.id === 'csat');
    const nps = kf.find((k) => k.id === 'nps');
    const fr2 = (x: number): string => x.toFixed(2).replace('.', ',');
    expect(report.html).toContain(`<div class="value">${fr2(overall?.value as number)}</div>`);
    expect(report.html).toContain(`<div class="value">${(100 * (csat?.value as number)).toFixed(1).replace('.', ',')}\u00a0%</div>`);
    expect(report.html).toContain(`<div class="value">−${Math.abs(nps?.value as number).toFixed(1).replace('.', ',')}</div>`);
    expect(report.html).toContain('1\u00a0500');
    expect(report.html).toContain('<html lang="fr">');
  });

  it('marks exactly the attributes the true model moves, in the true direction, wave 3 against wave 1', () => {
    for (const a of barometerModel.attributes) {
      const k = report.summary.keyFigures.find((x) => x.id === `sat_${a.key}`);
      expect(k?.markFirst, a.key).toBe(a.trendPerWave > 0 ? '▲' : a.trendPerWave < 0 ? '▼' : '');
    }
    for (const id of ['overall', 'csat', 'nps', 'left', 'complained', 'ces']) expect(report.summary.keyFigures.find((x) => x.id === id)?.markFirst, id).toBe('');
    // The marks appear coloured: a rise of satisfaction is good news, the fall bad news.
    expect(report.html).toContain('<span class="mark good">▲</span>');
    expect(report.html).toContain('<span class="mark bad">▼</span>');
  });

  it('NPS by contract and the contract × overall cross-tab equal the counts of the CSV text; χ² too', () => {
    const contracts = ['Auto/Moto', 'Habitation', 'Prév. Retraite', 'Resp. civile', 'Santé'];
    const bySeg = report.summary.npsBySegment ?? [];
    for (const c of contracts) {
      const x = w3.filter((r) => r.contract === c).map((r) => Number(r.nps)).filter((v) => v !== 99);
      const g = bySeg.find((s) => s.segment === c);
      close(g?.nps as number, (100 * (x.filter((v) => v >= 9).length - x.filter((v) => v <= 6).length)) / x.length);
    }
    const obs = [1, 2, 3, 4].map((o) => contracts.map((c) => w3.filter((r) => r.contract === c && Number(r.overall) === o).length));
    const rowT = obs.map((r) => r.reduce((a, b) => a + b, 0));
    const colT = contracts.map((_, j) => obs.reduce((s, r) => s + r[j], 0));
    const n = rowT.reduce((a, b) => a + b, 0);
    let chi = 0;
    obs.forEach((r, i) => r.forEach((o, j) => (chi += (o - (rowT[i] * colT[j]) / n) ** 2 / ((rowT[i] * colT[j]) / n))));
    const ct = report.summary.crossTabs.find((c) => c.name === 'overall');
    close(ct?.chiSquare as number, chi, 1e-10);
    expect(ct?.df).toBe(12);
    const table = report.tables.find((t) => t.name === 'crosstab_overall');
    const cell = table?.rows.find((r) => r[0] === 'Plutôt satisfait' && r[1] === 'Santé');
    expect(cell?.[3]).toBe(obs[2][4]);
  });

  it('IPA, drivers, attrition and verbatims agree with the model and the file', () => {
    // The three heavy attributes rank first in the Shapley decomposition (README, true weights 0.40/0.35/0.30).
    const top3 = (report.summary.drivers?.ranking ?? []).slice(0, 3).map((d) => d.name).sort();
    expect(top3).toEqual(['Délai Indemn.', 'Qualité Indemn.', 'Rapport Couv/Cot']);
    expect(report.summary.ipa?.quadrants['low-priority']).toContain('Personnalisation');
    // The IPA table (presentIpa's) and the chart name the quadrants alike: each name is in both.
    const at = report.html.indexOf('<section id="ipa">');
    const ipaHtml = report.html.slice(at, report.html.indexOf('</section>', at));
    const [svg, table] = [ipaHtml.slice(0, ipaHtml.indexOf('</svg>')), ipaHtml.slice(ipaHtml.indexOf('</svg>'))];
    for (const q of ['À améliorer en priorité', 'Points forts à maintenir', 'Faible priorité', 'Effort peut-être excessif']) {
      expect(svg, q).toContain(`>${q}</text>`);
      expect(table, q).toContain(`<td>${q}</td>`);
    }
    const all = report.summary.attrition?.[0];
    const diss = w3.filter((r) => Number(r.overall) <= 2);
    const sat = w3.filter((r) => Number(r.overall) >= 3);
    const rate = (rs: typeof w3) => rs.filter((r) => r.left_within_year === 'oui').length / rs.length;
    close(all?.riskRatio as number, rate(diss) / rate(sat), 1e-12);
    expect(all?.twiceConsistent).toBe(true);
    expect(report.summary.verbatims?.total).toBe(w3.filter((r) => r.verbatim.trim() !== '').length);
  });

  it('tables carry the figures for scripts (key_figures, wave_comparison, …) with stable English headers', () => {
    const names = report.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['key_figures', 'wave_comparison', 'trends', 'ipa', 'drivers', 'crosstab_overall', 'crosstab_tests', 'nps_by_segment', 'attrition', 'verbatim_themes', 'verbatims', 'provenance']));
    const kf = report.tables.find((t) => t.name === 'key_figures');
    expect(kf?.rows[0].slice(0, 5)).toEqual(['indicator', 'id', 'unit', 'wave', 'value']);
    expect(kf?.rows).toHaveLength(1 + report.summary.keyFigures.length);
  });

  it('is deterministic: the same input gives the same page; another timestamp changes only the timestamp', async () => {
    const again = await buildReport(config, readReportData(config), { timestamp: TS });
    expect(again.html).toBe(report.html);
    expect(again.tables).toEqual(report.tables);
    const later = await buildReport(config, data, { timestamp: '2026-01-02T03:04:05Z' });
    expect(later.html.replaceAll('2026-01-02T03:04:05Z', TS).replaceAll('2026-01-02 03:04:05 UTC', '2025-08-01 00:00:00 UTC')).toBe(report.html);
  });

  it('needs no network and runs no script: no <script>, no external URL, a CSP that forbids loads', () => {
    expect(report.html).not.toMatch(/<script/i);
    expect(report.html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(report.html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('comes in English with --lang en: English titles and number format', async () => {
    const en = await buildReport(config, data, { timestamp: TS, lang: 'en' });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<h2>Key figures — Vague 3</h2>');
    const overall = en.summary.keyFigures.find((k) => k.id === 'overall');
    expect(en.html).toContain(`<div class="value">${(overall?.value as number).toFixed(2)}</div>`);
    expect(en.tables.find((t) => t.name === 'key_figures')?.rows[1][0]).toBe('Overall satisfaction (mean 1–4)');
  });
});

describe('one stacked file with a wave column', () => {
  it('gives the same key figures as the three wave files', async () => {
    const text = readFileSync(join(datasetDir, 'report.yaml'), 'utf8').replace(/waves:\n( {2}- \{[^\n]*\}\n)+/, 'data: { file: barometer.csv, waveColumn: wave, dates: { "Vague 3": 2025-07-15 } }\n');
    expect(text).toContain('data: { file: barometer.csv');
    const cfg = parseReportConfig(text, join(datasetDir, 'report-stacked.yaml'));
    const r = await buildReport(cfg, readReportData(cfg), { timestamp: TS });
    expect(r.summary.waves.map((w) => w.label)).toEqual(['Vague 1', 'Vague 2', 'Vague 3']);
    expect(r.summary.waves[2].date).toBe('2025-07-15');
    r.summary.keyFigures.forEach((k, i) => {
      const ref = report.summary.keyFigures[i];
      expect(k.id).toBe(ref.id);
      close(k.value, ref.value);
      expect(k.markFirst).toBe(ref.markFirst);
    });
  });
});

describe('respondent text is escaped and exported cells are neutralised', () => {
  let dir: string;
  let html: string;
  beforeAll(async () => {
    dir = datasetCopy();
    const rows = readWave(3, dir);
    rows[0].verbatim = 'Le prix <script>alert("x")</script> & la cotisation';
    rows[1].verbatim = '=HYPERLINK("http://example.invalid","prix")';
    rows[2].verbatim = '@SUM(A1) tarif trop cher';
    // A category label with markup, in the codebook and every wave.
    const evil = 'Santé <img src=x onerror=alert(1)>';
    for (const r of rows) if (r.contract === 'Santé') r.contract = evil;
    writeCsvRows(join(dir, 'wave-3.csv'), rows);
    for (const k of [1, 2]) writeCsvRows(join(dir, `wave-${k}.csv`), readWave(k, dir).map((r) => (r.contract === 'Santé' ? { ...r, contract: evil } : r)));
    writeFileSync(join(dir, 'codebook.yaml'), readFileSync(join(dir, 'codebook.yaml'), 'utf8').replace('"Resp. civile", "Santé"]', `"Resp. civile", "${evil}"]`));
    const w = await writeReport(loadReportConfig(join(dir, 'report.yaml')), join(dir, 'out'), { timestamp: TS });
    expect(w.files).toContain('tables.xlsx');
    html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
  });

  it('a verbatim containing <script> comes out escaped in the page, and so does a category label with markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Santé &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Le prix &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; la cotisation');
  });

  it('a CSV cell starting with = or @ is neutralised with a leading apostrophe (French CSV: ";" and BOM)', () => {
    const csv = readFileSync(join(dir, 'out', 'tables', 'verbatims.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFrow;segment;overall;themes;verbatim\n')).toBe(true);
    expect(csv).toContain(`;"'=HYPERLINK(""http://example.invalid"",""prix"")"\n`);
    expect(csv).toContain(`;'@SUM(A1) tarif trop cher\n`);
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });

  it('an XLSX cell starting with = or @ is text with a leading apostrophe, never a formula; workbook dates come from the data', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'tables.xlsx'));
    // The respondents' comments are on the verbatims sheet (one per section), as text.
    const ws = wb.getWorksheet('Verbatims par thème');
    const texts: unknown[] = [];
    ws?.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain(`'=HYPERLINK("http://example.invalid","prix")`);
    expect(texts).toContain(`'@SUM(A1) tarif trop cher`);
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => (c.type === ExcelJS.ValueType.Formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
    expect(wb.created.toISOString()).toBe('2025-07-15T00:00:00.000Z');
  });
});

describe('questionnaire changes and bad configs are refused with clear messages', () => {
  it('a wave whose item changed scale is refused, naming the item, both waves and both scales', () => {
    const dir = datasetCopy();
    const cb = readFileSync(join(dir, 'codebook.yaml'), 'utf8').replace(
      /sat_contact: \{[^\n]*\}/,
      'sat_contact: { type: ordinal, label: "Satisfaction — Contact", scale: [1, 5], missing: [9], labels: { 1: "Très insatisfait", 2: "Insatisfait", 3: "Neutre", 4: "Satisfait", 5: "Très satisfait" } }',
    );
    writeFileSync(join(dir, 'codebook-v3.yaml'), cb);
    writeFileSync(join(dir, 'report.yaml'), readFileSync(join(dir, 'report.yaml'), 'utf8').replace('{ file: wave-3.csv, label: "Vague 3", date: 2025-07-15 }', '{ file: wave-3.csv, label: "Vague 3", date: 2025-07-15, codebook: codebook-v3.yaml }'));
    const cfg = loadReportConfig(join(dir, 'report.yaml'));
    expect(() => readReportData(cfg)).toThrow(InputError);
    expect(() => readReportData(cfg)).toThrow(/codebook-v3\.yaml.*item "sat_contact" changed between Vague 2 and Vague 3: 1-4 .* in Vague 2, 1-5 \(1 "Très insatisfait" … 5 "Très satisfait"\) in Vague 3/);
    // With a stated mapping the report is produced, and says how.
    writeFileSync(join(dir, 'report.yaml'), readFileSync(join(dir, 'report.yaml'), 'utf8') + '\nscaleMap:\n  sat_contact: { method: recode, from: [1, 5], to: [1, 4], map: { 1: 1, 2: 2, 3: 2, 4: 3, 5: 4 }, rule: "neutre compté plutôt pas satisfait" }\n');
    const ok = readReportData(loadReportConfig(join(dir, 'report.yaml')));
    expect(ok.stacked.mapped).toEqual([{ item: 'sat_contact', wave: 'Vague 3', from: [1, 5], to: [1, 4], method: 'recode', rule: 'neutre compté plutôt pas satisfait' }]);
  });

  it('an unknown key names the config file, the line and the key', () => {
    expect(() => parseReportConfig('title: T\nwaves: [{ file: a.csv, label: A }]\nattributes: [{ name: X, satisfaction: x }]\noverall: o\nsegmnet: contract\n', 'cfg.yaml')).toThrow(/^cfg\.yaml:5: segmnet: unknown key \(allowed: title, /);
  });

  it('a column the data lack names the config file, the line and the key', () => {
    const dir = datasetCopy();
    writeFileSync(join(dir, 'report.yaml'), readFileSync(join(dir, 'report.yaml'), 'utf8').replace('satisfaction: sat_demarches', 'satisfaction: sat_demarche'));
    const cfg = loadReportConfig(join(dir, 'report.yaml'));
    const line = readFileSync(join(dir, 'report.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('sat_demarche,')) + 1;
    expect(() => readReportData(cfg)).toThrow(new RegExp(`report\\.yaml:${line}: attributes\\[5\\]\\.satisfaction: no column "sat_demarche" in wave-3\\.csv`));
  });

  it('writeReport refuses to replace a folder that is not a previous report', async () => {
    const dir = datasetCopy();
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'thesis.docx'), 'x');
    await expect(writeReport(loadReportConfig(join(dir, 'report.yaml')), join(dir, 'busy'), { timestamp: TS })).rejects.toThrow(/holds files that are not a satlab report \(thesis\.docx\)/);
    expect(existsSync(join(dir, 'busy', 'thesis.docx'))).toBe(true);
  });
});

describe('weights by raking', () => {
  it('a report with raking margins reports the effective n per wave and weights the key figures', async () => {
    const dir = datasetCopy();
    writeFileSync(
      join(dir, 'report.yaml'),
      readFileSync(join(dir, 'report.yaml'), 'utf8') +
        '\nweights:\n  rake:\n    contract: { "Auto/Moto": 0.30, "Habitation": 0.30, "Prév. Retraite": 0.10, "Resp. civile": 0.10, "Santé": 0.20 }\n    region: { "Île-de-France": 0.22, "Auvergne-Rhône-Alpes": 0.21, "Hauts-de-France": 0.19, "Nouvelle-Aquitaine": 0.19, "Provence-Alpes-Côte d’Azur": 0.19 }\n',
    );
    const cfg = loadReportConfig(join(dir, 'report.yaml'));
    const r = await buildReport(cfg, readReportData(cfg), { timestamp: TS });
    const w = r.summary.weighting;
    expect(w?.converged).toBe(true);
    expect(w?.effectiveN.map((g) => g.wave)).toEqual(['Vague 1', 'Vague 2', 'Vague 3']);
    for (const g of w?.effectiveN ?? []) {
      expect(g.effectiveN).toBeLessThan(g.n);
      expect(g.effectiveN).toBeGreaterThan(0.8 * g.n);
    }
    const overall = r.summary.keyFigures.find((k) => k.id === 'overall');
    expect(overall?.effectiveN).toBeCloseTo(w?.effectiveN[2].effectiveN as number, 6);
    expect(r.html).toContain('<th scope="col" class="num">n effectif</th>');
    expect(r.tables.map((t) => t.name)).toContain('weights');
  });
});
