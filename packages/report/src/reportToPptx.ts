import type { PresentedTable } from '@satlab/present';
import { texts } from './i18n.js';
import { fmt } from './internal/html.js';
import { pinZipDates } from './tablesToXlsx.js';
import type { KeyFigure, Report, ReportLang } from './types.js';

/** Options of {@link reportToPptx}. */
export interface ReportToPptxOptions {
  lang: ReportLang;
  /** Date of the zip entries and document properties (from the data, so the deck is reproducible). */
  created: Date;
}

type Slide = {
  addText(text: string | { text: string; options?: Record<string, unknown> }[], opts: Record<string, unknown>): void;
  addChart(type: unknown, data: { name: string; labels: string[]; values: number[] }[], opts: Record<string, unknown>): void;
  addTable(rows: { text: string; options?: Record<string, unknown> }[][], opts: Record<string, unknown>): void;
  addImage(opts: Record<string, unknown>): void;
  addShape?(shape: string, opts: Record<string, unknown>): void;
};
type Pres = {
  layout: string;
  author: string;
  company: string;
  title: string;
  ChartType: Record<string, unknown>;
  addSlide(): Slide;
  write(opts: { outputType: 'nodebuffer' }): Promise<Buffer | ArrayBuffer | Uint8Array>;
};

const INK = '1F2933';
const MUTED = '616E7C';
const ACCENT = '2F6FB0';
const GOOD = '1B7F3B';
const BAD = 'B42318';
const HEAD = '17324D';
const W = 13.333;

/** SVG → PNG at twice its size (resvg), for the charts PowerPoint has no native type for. */
async function svgToPng(svg: string): Promise<{ data: string; w: number; h: number } | null> {
  try {
    const { Resvg } = (await import('@resvg/resvg-js')) as typeof import('@resvg/resvg-js');
    const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: 'white', font: { loadSystemFonts: true } });
    const img = r.render();
    return { data: `image/png;base64,${Buffer.from(img.asPng()).toString('base64')}`, w: img.width / 2, h: img.height / 2 };
  } catch {
    return null;
  }
}

const tableOf = (report: Report, id: string): PresentedTable | undefined => report.sheets.flatMap((s) => s.tables).find((t) => t.id === id);
const numbers = (t: PresentedTable, j: number): number[] => t.rows.map((r) => (typeof r[j]?.v === 'number' ? (r[j].v as number) : 0));

/**
 * Writes the barometer report as a PowerPoint deck (pptxgenjs 4.0.1, 16:9), French barometer
 * results being presented as decks far more often than as pages: the key figures of the latest
 * wave and its significant changes first (▲ good news in green, ▼ bad news in red), then one
 * slide per section — trends, key drivers, cross-tabs, NPS and attrition by segment, verbatim
 * themes as native editable charts (lines, bars, 100 % stacked bars) that the manager can restyle
 * in PowerPoint; the importance × satisfaction matrix as the report's chart (SVG rendered to PNG by
 * resvg, as PowerPoint has no labelled scatter with quadrants); the warnings last. Texts are in the
 * report's language, from the same presented tables as the workbook.
 *
 * @param report From `buildReport`.
 * @returns The `.pptx` file.
 * @example
 * const config = loadReportConfig('datasets/barometer/report.yaml');
 * const report = await buildReport(config, readReportData(config), { timestamp: '2025-08-01T00:00:00Z' });
 * const deck = await reportToPptx(report, { lang: 'fr', created: new Date('2025-07-15') });
 * deck.subarray(0, 2).toString(); //=> 'PK' (a zip)
 * deck.includes('ppt/slides/slide14.xml'); //=> true
 * deck.includes('ppt/slides/slide15.xml'); //=> false (14 slides)
 */
export async function reportToPptx(report: Report, opts: ReportToPptxOptions): Promise<Buffer> {
  const { lang } = opts;
  const T = texts(lang);
  const f = fmt(lang);
  const s = report.summary;
  const mod = (await import('pptxgenjs')) as unknown as { default: new () => Pres };
  const Ctor = (mod.default ?? mod) as unknown as new () => Pres;
  const pres = new Ctor();
  pres.layout = 'LAYOUT_WIDE';
  pres.author = 'satlab';
  pres.company = 'satlab';
  pres.title = s.title;
  const CT = pres.ChartType;
  const latest = s.waves[s.waves.length - 1];
  const source = T.deckSource(f.num(latest.n, 0), `${s.latestWave}${latest.date ? ` (${latest.date})` : ''}`);

  const slide = (title: string, note?: string): Slide => {
    const sl = pres.addSlide();
    sl.addText(title, { x: 0.5, y: 0.3, w: W - 1, h: 0.7, fontSize: 26, bold: true, color: HEAD, fontFace: 'Arial' });
    sl.addText(note ? `${note}\n${source}` : source, { x: 0.5, y: 6.75, w: W - 1, h: 0.55, fontSize: 10, color: MUTED, fontFace: 'Arial', valign: 'bottom' });
    return sl;
  };
  const axis = { catAxisLabelFontSize: 12, valAxisLabelFontSize: 11, legendFontSize: 12, legendFontFace: 'Arial', catAxisLabelFontFace: 'Arial', valAxisLabelFontFace: 'Arial', showLegend: true, legendPos: 'b' };

  // 1. Title.
  const first = pres.addSlide();
  first.addShape?.('rect', { x: 0, y: 0, w: W, h: 7.5, fill: { color: HEAD } });
  first.addText(s.title, { x: 0.7, y: 2.2, w: W - 1.4, h: 1.4, fontSize: 36, bold: true, color: 'FFFFFF', fontFace: 'Arial' });
  first.addText(`${T.latestWave}${lang === 'fr' ? '\u00a0: ' : ': '}${s.latestWave}${latest.date ? ` (${latest.date})` : ''} — ${f.num(latest.n, 0)} ${T.respondents}`, { x: 0.7, y: 3.7, w: W - 1.4, h: 0.6, fontSize: 20, color: 'D6E2EE', fontFace: 'Arial' });

  // 2. Key figures and significant changes, first.
  const kfSlide = slide(`${T.deckKeyFigures} — ${s.latestWave}`);
  const cardIds: [string, string][] = [['overall', T.cardOverall], ['csat', T.cardCsat], ['nps', T.cardNps], ['left', T.cardLeft]];
  const value = (k: KeyFigure): string => (k.unit === 'share' ? f.pct(k.value) : f.num(k.value, k.unit === 'points' ? 1 : 2));
  const change = (k: KeyFigure, x: number): string => (k.unit === 'share' ? `${f.signed(100 * x, 1)}${lang === 'fr' ? '\u00a0pt' : ' pt'}` : f.signed(x, k.unit === 'points' ? 1 : 2));
  const cards = cardIds.map(([id, label]) => [s.keyFigures.find((k) => k.id === id), label] as const).filter((c): c is readonly [KeyFigure, string] => c[0] !== undefined);
  const cw = (W - 1 - 0.3 * (cards.length - 1)) / Math.max(1, cards.length);
  const prevWave = s.waves.length >= 2 ? s.waves[s.waves.length - 2].label : null;
  cards.forEach(([k, label], i) => {
    const x = 0.5 + i * (cw + 0.3);
    kfSlide.addShape?.('roundRect', { x, y: 1.2, w: cw, h: 1.9, fill: { color: 'F5F7FA' }, line: { color: 'D9E2EC' }, rectRadius: 0.1 });
    kfSlide.addText(label, { x: x + 0.2, y: 1.3, w: cw - 0.4, h: 0.4, fontSize: 14, color: MUTED, fontFace: 'Arial' });
    kfSlide.addText(value(k), { x: x + 0.2, y: 1.7, w: cw - 0.4, h: 0.8, fontSize: 36, bold: true, color: INK, fontFace: 'Arial' });
    if (k.changePrevious !== null && prevWave) {
      const good = k.markPrevious !== '' && (k.markPrevious === '▲') === k.higherIsBetter;
      kfSlide.addText(
        [
          { text: `${change(k, k.changePrevious)} `, options: { color: MUTED } },
          { text: k.markPrevious || (lang === 'fr' ? '(non significatif)' : '(not significant)'), options: { color: k.markPrevious ? (good ? GOOD : BAD) : MUTED, bold: k.markPrevious !== '' } },
          { text: ` ${T.vsPrevious(prevWave)}`, options: { color: MUTED } },
        ],
        { x: x + 0.2, y: 2.5, w: cw - 0.4, h: 0.5, fontSize: 12, fontFace: 'Arial' },
      );
    }
  });
  kfSlide.addText(T.deckSignificant, { x: 0.5, y: 3.35, w: W - 1, h: 0.5, fontSize: 18, bold: true, color: HEAD, fontFace: 'Arial' });
  const sig = s.comparison.significantChanges.filter((c) => c.wave === s.latestWave);
  if (sig.length === 0) kfSlide.addText(T.deckNoSignificant, { x: 0.5, y: 3.9, w: W - 1, h: 0.5, fontSize: 14, color: MUTED, fontFace: 'Arial' });
  else {
    const lines = sig.slice(0, 8).flatMap((c, i) => {
      const k = s.keyFigures.find((x) => x.indicator === c.indicator);
      const good = k ? (c.mark === '▲') === k.higherIsBetter : true;
      const against = c.against === 'previous' ? (prevWave ?? '') : s.waves[0].label;
      const diff = k ? change(k, c.difference) : f.signed(c.difference, 2);
      return [
        { text: `${c.mark} `, options: { color: good ? GOOD : BAD, bold: true } },
        { text: `${c.indicator}`, options: { color: INK, bold: true } },
        { text: ` : ${diff} vs ${against} (${T.colPAdj} ${f.p(c.pAdjusted)})`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '), options: { color: INK, breakLine: i < Math.min(sig.length, 8) - 1 } },
      ];
    });
    kfSlide.addText(lines, { x: 0.5, y: 3.9, w: W - 1, h: 2.7, fontSize: 15, fontFace: 'Arial', valign: 'top', paraSpaceAfter: 4 });
  }

  // 3. Trends: native line charts (editable), one per unit.
  for (const [id, format] of [['waves_scale', '0.00'], ['waves_share', '0%'], ['waves_points', '0.0']] as const) {
    const t = tableOf(report, id);
    if (!t) continue;
    const waveCols = t.columns.map((c, j) => [c, j] as const).filter(([c]) => c.key.startsWith('wave_'));
    // Means: overall satisfaction and the attributes whose trend is significant (a readable chart).
    const rows = id === 'waves_scale' ? t.rows.filter((r, i) => i === 0 || (r[t.columns.findIndex((c) => c.key === 'mark')]?.t ?? '') !== '') : t.rows;
    if (rows.length === 0) continue;
    const sl = slide(t.title);
    // Means and NPS: an axis around the values (0 is no reference on a 1–4 scale); shares from 0.
    const all = rows.flatMap((r) => waveCols.map(([, j]) => r[j].v)).filter((x): x is number => typeof x === 'number');
    const span = Math.max(...all) - Math.min(...all);
    const pad = id === 'waves_points' ? Math.max(2, span * 0.3) : Math.max(0.1, span * 0.3);
    const range = id === 'waves_share' ? { valAxisMinVal: 0 } : { valAxisMinVal: Math.floor((Math.min(...all) - pad) * 10) / 10, valAxisMaxVal: Math.ceil((Math.max(...all) + pad) * 10) / 10 };
    sl.addChart(
      CT.line,
      rows.map((r) => ({ name: String(r[0].t), labels: waveCols.map(([c]) => c.label), values: waveCols.map(([, j]) => (typeof r[j].v === 'number' ? (r[j].v as number) : 0)) })),
      { x: 0.5, y: 1.1, w: W - 1, h: 5.5, ...axis, ...range, lineSize: 3, lineDataSymbolSize: 9, showValue: rows.length <= 4, dataLabelFormatCode: format, dataLabelPosition: 't', dataLabelFontSize: 11, valAxisLabelFormatCode: format },
    );
  }

  // 4. IPA: the report's chart (labelled points, quadrants).
  const ipaSvg = report.figures.find((x) => x.builder === 'ipaChart');
  const ipaT = tableOf(report, 'ipa');
  if (ipaSvg) {
    const png = await svgToPng(ipaSvg.svg);
    if (png) {
      const sl = slide(T.sectionIpa, ipaT?.notes?.[0]);
      const h = 5.25;
      const w = Math.min(8.2, (h * png.w) / png.h);
      sl.addImage({ data: png.data, x: 0.5, y: 1.1, w, h: (w * png.h) / png.w });
      // Beside the matrix: the attributes in order of priority, with their quadrant.
      if (ipaT) {
        const pr = ipaT.columns.findIndex((c) => c.key === 'rank');
        const qu = ipaT.columns.findIndex((c) => c.key === 'quadrant');
        const nm = ipaT.columns.findIndex((c) => c.key === 'name');
        const ranked = [...ipaT.rows].filter((r) => typeof r[pr].v === 'number').sort((a, b) => (a[pr].v as number) - (b[pr].v as number));
        sl.addText(T.colPriority, { x: 9.0, y: 1.1, w: 3.9, h: 0.45, fontSize: 16, bold: true, color: HEAD, fontFace: 'Arial' });
        sl.addText(
          ranked.map((r, i) => ({ text: `${r[pr].t}. ${r[nm].t} — ${r[qu].t}`, options: { breakLine: i < ranked.length - 1, bold: i < 3, color: i < 3 ? INK : MUTED } })),
          { x: 9.0, y: 1.6, w: 3.9, h: 4.9, fontSize: 12, fontFace: 'Arial', valign: 'top', paraSpaceAfter: 5 },
        );
      }
    }
  }

  // 5. Key drivers: native bars of the shares of R², coloured by the sign of the effect.
  const dr = tableOf(report, 'drivers');
  if (dr) {
    const rows = dr.rows.filter((_, i) => !(dr.totalRows ?? []).includes(i)).reverse();
    const share = dr.columns.findIndex((c) => c.key === 'share_r2');
    const eff = dr.columns.findIndex((c) => c.key === 'effect');
    const labels = rows.map((r) => String(r[0].t));
    const v = (r: (typeof rows)[number]): number => (typeof r[share].v === 'number' ? (r[share].v as number) : 0);
    const neg = (r: (typeof rows)[number]): boolean => r[eff].t === T.effectNegative;
    const sl = slide(T.sectionDrivers, dr.notes?.slice(0, 2).join(' '));
    sl.addChart(
      CT.bar,
      [
        { name: `${T.colEffect} : ${T.effectPositive}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '), labels, values: rows.map((r) => (neg(r) ? 0 : v(r))) },
        { name: `${T.colEffect} : ${T.effectNegative}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': '), labels, values: rows.map((r) => (neg(r) ? v(r) : 0)) },
      ],
      { x: 0.5, y: 1.1, w: W - 1, h: 5.2, ...axis, barDir: 'bar', barGrouping: 'stacked', chartColors: [ACCENT, 'E45756'], valAxisLabelFormatCode: '0%', valAxisMinVal: 0, showValue: true, dataLabelFormatCode: '0.0%;;;', dataLabelFontSize: 11 },
    );
  }

  // 6. Cross-tabs: 100 % stacked bars per segment (native), one slide each.
  const cross = report.sheets.find((x) => x.id === 'crosstabs');
  for (const t of cross?.tables.filter((x) => x.rowHeader) ?? []) {
    const pctCols = t.columns.map((c, j) => [c, j] as const).filter(([c]) => c.key.startsWith('pct_') || c.key === 'total');
    const rows = t.rows.filter((_, i) => !(t.totalRows ?? []).includes(i));
    const ordinal = rows.length === 4;
    const colors = ordinal ? ['D7301F', 'FC8D59', '91CF60', '1A9850'] : rows.length === 2 ? ['9AA5B1', 'E45756'] : undefined;
    const sl = slide(t.title, t.notes?.join(' '));
    sl.addChart(
      CT.bar,
      rows.map((r) => ({ name: String(r[0].t), labels: pctCols.map(([c]) => c.label), values: pctCols.map(([, j]) => (typeof r[j].v === 'number' ? (r[j].v as number) : 0)) })),
      { x: 0.5, y: 1.1, w: W - 1, h: 5.2, ...axis, barDir: 'bar', barGrouping: 'percentStacked', ...(colors ? { chartColors: colors } : {}), showValue: true, dataLabelFormatCode: '0%', dataLabelFontSize: 11, catAxisOrientation: 'maxMin', valAxisLabelFormatCode: '0%' },
    );
  }

  // 7. NPS by segment: stacked shares and the NPS with its interval.
  const nps = tableOf(report, 'nps');
  if (nps) {
    const sl = slide(report.sheets.find((x) => x.id === 'nps')?.title ?? 'NPS', nps.notes?.[0]);
    const labels = nps.rows.map((r) => String(r[0].t));
    const idx = (k: string): number => nps.columns.findIndex((c) => c.key === k);
    sl.addChart(
      CT.bar,
      [
        { name: T.colDetractors, labels, values: numbers(nps, idx('detractors')) },
        { name: T.colPassives, labels, values: numbers(nps, idx('passives')) },
        { name: T.colPromoters, labels, values: numbers(nps, idx('promoters')) },
      ],
      { x: 0.5, y: 1.1, w: 8.3, h: 5.2, ...axis, barDir: 'bar', barGrouping: 'percentStacked', chartColors: ['D62728', 'BDBDBD', '2CA02C'], showValue: true, dataLabelFormatCode: '0%', dataLabelFontSize: 11, catAxisOrientation: 'maxMin', valAxisLabelFormatCode: '0%' },
    );
    const head = [T.colSegment, T.colNps, T.colCI].map((h) => ({ text: h, options: { bold: true, fill: { color: 'E9EEF4' } } }));
    const ci = idx('ci');
    sl.addTable([head, ...nps.rows.map((r) => [{ text: String(r[0].t) }, { text: r[idx('nps')].t, options: { align: 'right', bold: true } }, { text: r[ci].t, options: { align: 'right' } }])], { x: 9.1, y: 1.3, w: 3.7, colW: [1.5, 0.8, 1.4], fontSize: 12, fontFace: 'Arial', border: { type: 'solid', color: 'D9E2EC', pt: 0.5 } });
  }

  // 8. Attrition: rates among the dissatisfied and the satisfied, by segment.
  const at = tableOf(report, 'attrition');
  if (at) {
    const labels = at.rows.map((r) => String(r[0].t));
    const idx = (k: string): number => at.columns.findIndex((c) => c.key === k);
    const sl = slide(T.sectionAttrition, at.notes?.[0]);
    sl.addChart(
      CT.bar,
      [
        { name: T.colAttrDiss, labels, values: numbers(at, idx('attritionAmongDissatisfied')) },
        { name: T.colAttrSat, labels, values: numbers(at, idx('attritionAmongSatisfied')) },
      ],
      { x: 0.5, y: 1.1, w: W - 1, h: 4.9, ...axis, barDir: 'bar', barGrouping: 'clustered', chartColors: ['D62728', '2CA02C'], showValue: true, dataLabelFormatCode: '0%', dataLabelFontSize: 11, catAxisOrientation: 'maxMin', valAxisLabelFormatCode: '0%', valAxisMinVal: 0 },
    );
  }

  // 9. Verbatim themes.
  const vt = tableOf(report, 'verbatim_themes');
  if (vt) {
    const sl = slide(report.sheets.find((x) => x.id === 'verbatims')?.title ?? T.sectionVerbatims);
    const share = vt.columns.findIndex((c) => c.key === 'share');
    sl.addChart(CT.bar, [{ name: T.colShare, labels: vt.rows.map((r) => String(r[0].t)), values: numbers(vt, share) }], { x: 0.5, y: 1.1, w: W - 1, h: 5.2, ...axis, showLegend: false, barDir: 'bar', chartColors: [ACCENT], showValue: true, dataLabelFormatCode: '0%', dataLabelFontSize: 12, catAxisOrientation: 'maxMin', valAxisLabelFormatCode: '0%', valAxisMinVal: 0 });
  }

  // 10. Warnings and notes.
  const wn = tableOf(report, 'warnings');
  if (wn && wn.rows.length > 0) {
    const sl = slide(T.colWarnings);
    const items = wn.rows.slice(0, 14).map((r, i, a) => ({ text: String(r[0].t), options: { bullet: true, breakLine: i < a.length - 1 } }));
    sl.addText(items, { x: 0.5, y: 1.1, w: W - 1, h: 5.5, fontSize: wn.rows.length > 8 ? 11 : 13, color: INK, fontFace: 'Arial', valign: 'top', paraSpaceAfter: 3 });
  }

  // pptxgenjs stamps the document properties and the zips (the deck and each chart's embedded
  // workbook) with the clock: the clock reads `created` while it writes, so the same report gives
  // the same deck in a new process (`satlab report --format pptx` twice: same bytes). Within one
  // process pptxgenjs numbers charts with a module-wide counter, so a second deck names its chart
  // parts differently. (Other code running during this await would see that date too.)
  const out = await withClock(opts.created, () => pres.write({ outputType: 'nodebuffer' }));
  return pinZipDates(Buffer.from(out as Uint8Array), opts.created);
}

async function withClock<T>(at: Date, run: () => Promise<T>): Promise<T> {
  const Real = globalThis.Date;
  const fixed = at.getTime();
  class FixedDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [string | number]));
    }
    static override now(): number {
      return fixed;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return await run();
  } finally {
    globalThis.Date = Real;
  }
}
