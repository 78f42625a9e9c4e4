import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, chartConfig, chartLang, chartTitle, needArray, needFinite, paddedDomain, round6, size } from './common.js';
import { placeLabels, textWidth } from './placeLabels.js';
import type { ChartLang, ChartOptions } from './types.js';

/** A term as `analyzeVerbatims` (`@satlab/text`) reports it. */
export interface TermsChartTerm {
  term: string;
  label: string;
  n: number;
  z: number;
  shareDetractors?: number;
  sharePromoters?: number;
}

/** Input of {@link termsChart}: an `analyzeVerbatims` result, or its two term lists. */
export interface TermsChartInput {
  detractorTerms: readonly TermsChartTerm[];
  promoterTerms: readonly TermsChartTerm[];
}

const L = {
  fr: { title: 'Termes qui distinguent détracteurs et promoteurs', sub: 'Log-odds pondéré (z, Monroe et al. 2008) selon le nombre de commentaires ; à droite du zéro, les termes des détracteurs', x: 'Commentaires contenant le terme (échelle log)', y: 'z du log-odds pondéré', side: 'Plus fréquent chez', det: 'les détracteurs', pro: 'les promoteurs', term: 'Terme', pctDet: '% des détracteurs', pctPro: '% des promoteurs', price: 'montant (€)', number: 'nombre' },
  en: { title: 'Terms that separate detractors from promoters', sub: 'Weighted log-odds (z, Monroe et al. 2008) against the number of comments; right of zero, the detractors’ terms', x: 'Comments containing the term (log scale)', y: 'z of the weighted log-odds', side: 'More frequent among', det: 'detractors', pro: 'promoters', term: 'Term', pctDet: '% of detractors', pctPro: '% of promoters', price: 'amount (€, $)', number: 'number' },
} satisfies Record<ChartLang, Record<string, string>>;

/**
 * The terms of a verbatims analysis as a scatter plot: one point per term, the weighted log-odds
 * z (detractors vs promoters; Monroe, Colaresi & Quinn 2008) across, the number of comments that
 * contain it up (log scale), each point labelled with the term — the "Fightin' Words" plot of
 * the paper (their figure 4), turned so that labels stay readable. Terms with the same counts
 * (hence the same z) share one point, labelled with up to three of them.
 *
 * @param input an `analyzeVerbatims` result (or `{ detractorTerms, promoterTerms }`).
 * @param opts `lang` (default 'en'), `title`, `width` (default 560), `height` (default 420).
 * @returns a Vega-Lite v5 spec with the data inlined.
 * @throws {TypeError} a term without a finite z or count; {RangeError} no term at all.
 * @example
 * const spec = termsChart({ detractorTerms: [{ term: 'attent', label: 'attente', n: 20, z: 1.5 }], promoterTerms: [{ term: 'conseil', label: 'conseiller', n: 22, z: -2.5 }] });
 * spec.data.values.map((p) => p.term); //=> ["attente", "conseiller"] (points of a zero rule, dots and labels)
 */
export function termsChart(input: TermsChartInput, opts: ChartOptions = {}): TopLevelSpec {
  const fn = 'termsChart';
  const lang = chartLang(fn, opts);
  const w = L[lang];
  if (input === null || typeof input !== 'object') throw new TypeError(`${fn}: input must be a verbatims result, got ${String(input)}`);
  const det = needArray(fn, 'input.detractorTerms', input.detractorTerms);
  const pro = needArray(fn, 'input.promoterTerms', input.promoterTerms);
  if (det.length + pro.length === 0) throw new RangeError(`${fn}: no term to draw (too few comments, or minCount too high)`);
  const label = (t: TermsChartTerm): string => (t.term === '#price' ? w.price : t.term === '#number' ? w.number : t.label);
  // Terms with the same counts have the same z: one point, labelled with up to three of them.
  const points = new Map<string, { term: string[]; n: number; z: number; side: string; pctDet: number | null; pctPro: number | null }>();
  [...det.map((t) => [t, w.det] as const), ...pro.map((t) => [t, w.pro] as const)].forEach(([t, side], i) => {
    const n = needFinite(fn, `term ${i}.n`, t.n);
    const z = round6(needFinite(fn, `term ${i}.z`, t.z));
    const key = `${side}|${n}|${z}`;
    const p = points.get(key);
    if (p) p.term.push(label(t));
    else points.set(key, { term: [label(t)], n, z, side, pctDet: t.shareDetractors ?? null, pctPro: t.sharePromoters ?? null });
  });
  const base = [...points.values()].map((p) => ({ ...p, term: p.term.length > 3 ? `${p.term.slice(0, 3).join(', ')} (+${p.term.length - 3})` : p.term.join(', '), terms: p.term.join(', ') }));
  // Fixed domains (z with zero, counts on a log scale) so that labels can be placed in pixels:
  // greedy placement without overlaps (placeLabels, as in the IPA matrix), a leader line when a
  // label has to move away from its point; the most frequent terms are placed first.
  const width = size(fn, 'width', opts.width, 560);
  const height = size(fn, 'height', opts.height, 420);
  const xDomain = paddedDomain([0, ...base.map((r) => r.z)], 0.08, 0.2);
  const nMin = Math.min(...base.map((r) => r.n));
  const nMax = Math.max(...base.map((r) => r.n));
  const yDomain: [number, number] = [round6(Math.max(nMin / 1.25, 0.5)), round6(nMax * 1.25)];
  const ly0 = Math.log(yDomain[0]);
  const ly1 = Math.log(yDomain[1]);
  const toPx = (v: number): number => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * width;
  const toPy = (n: number): number => height - ((Math.log(n) - ly0) / (ly1 - ly0)) * height;
  const fromPx = (px: number): number => xDomain[0] + (px / width) * (xDomain[1] - xDomain[0]);
  const fromPy = (py: number): number => Math.exp(ly0 + ((height - py) / height) * (ly1 - ly0));
  const order = base.map((_, i) => i).sort((a, b) => base[b].n - base[a].n || Math.abs(base[b].z) - Math.abs(base[a].z) || (base[a].term < base[b].term ? -1 : 1));
  const placed = placeLabels(
    order.map((i) => ({ px: toPx(base[i].z), py: toPy(base[i].n), w: textWidth(base[i].term, 11) + 4, h: 14 })),
    { width, height, lines: { x: [toPx(0)] } },
  );
  const rows = base.map((r) => ({ ...r, lx: 0, ly: 0, leader: false, ex: 0, ey: 0 }));
  order.forEach((i, k) => {
    const pl = placed[k];
    const w2 = (textWidth(base[i].term, 11) + 4) / 2;
    const px = toPx(base[i].z);
    const py = toPy(base[i].n);
    const ex = Math.min(Math.max(px, pl.cx - w2), pl.cx + w2);
    const ey = Math.min(Math.max(py, pl.cy - 7), pl.cy + 7);
    rows[i] = { ...rows[i], lx: round6(fromPx(pl.cx)), ly: round6(fromPy(pl.cy)), leader: pl.leader, ex: round6(fromPx(ex)), ey: round6(fromPy(ey)) };
  });
  const xScale = { domain: xDomain, nice: false, zero: false };
  const yScale = { type: 'log' as const, domain: yDomain, nice: false };
  const x = { field: 'z', type: 'quantitative' as const, title: w.y, axis: { format: '.1f' }, scale: xScale };
  const y = { field: 'n', type: 'quantitative' as const, title: w.x, scale: yScale };
  const color = { field: 'side', type: 'nominal' as const, title: w.side, scale: { domain: [w.det, w.pro], range: ['#e45756', '#4c78a8'] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
  return {
    $schema: SCHEMA,
    ...chartTitle(opts, w.title, [w.sub]),
    width,
    height,
    data: { values: rows },
    layer: [
      { data: { values: [{}] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative', scale: xScale } } },
      ...(rows.some((r) => r.leader) ? [{ transform: [{ filter: 'datum.leader' }], mark: { type: 'rule' as const, color: '#999', strokeWidth: 0.8 }, encoding: { x, y, x2: { field: 'ex' }, y2: { field: 'ey' } } }] : []),
      {
        mark: { type: 'point', filled: true, size: 60, opacity: 0.85 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: 'terms', type: 'nominal' as const, title: w.term },
            { field: 'n', type: 'quantitative' as const, title: w.x },
            { field: 'z', type: 'quantitative' as const, title: w.y, format: '.2f' },
            { field: 'pctDet', type: 'quantitative' as const, title: w.pctDet, format: '.1%' },
            { field: 'pctPro', type: 'quantitative' as const, title: w.pctPro, format: '.1%' },
          ],
        },
      },
      { mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11 }, encoding: { x: { ...x, field: 'lx' }, y: { ...y, field: 'ly' }, text: { field: 'term', type: 'nominal' as const }, color } },
    ],
    config: chartConfig(lang),
  };
}
