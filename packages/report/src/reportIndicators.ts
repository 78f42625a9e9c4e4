import type { IndicatorSpec } from '@satlab/barometer';
import type { Table } from '@satlab/data';
import { texts } from './i18n.js';
import { columnScale, localText } from './internal/context.js';
import type { ReportConfig, ReportLang } from './types.js';

/** An indicator of the report's key figures, with a stable id. */
export interface ReportIndicator extends IndicatorSpec {
  /** `overall`, `csat`, `nps`, `ces`, `complained`, `left`, or the attribute's satisfaction column. */
  id: string;
}

/**
 * The indicators a report config defines, in the order of the key figures, named in `lang`:
 * overall satisfaction (mean), CSAT (top-2-box of overall), NPS, CES (mean; `better` from the
 * config), complaint and attrition shares (lower is better), then each attribute's satisfaction
 * mean. What `compareWaves` takes, so that `satlab waves <config>` shows the report's comparison.
 *
 * @param config From `loadReportConfig`.
 * @param table The stacked waves (for the scales of overall and CES).
 * @param lang Language of the names. Default the config's.
 * @example
 * const config = loadReportConfig('datasets/barometer/report.yaml');
 * const table = readReportData(config).stacked.table;
 * reportIndicators(config, table).map((i) => i.id);
 * //=> ['overall', 'csat', 'nps', 'ces', 'complained', 'left', 'sat_contact', 'sat_delai_rep', …]
 * reportIndicators(config, table, 'en')[0]; //=> { id: 'overall', name: 'Overall satisfaction (mean 1–4)', column: 'overall', kind: 'mean' }
 */
export function reportIndicators(config: ReportConfig, table: Table, lang: ReportLang = config.lang): ReportIndicator[] {
  const T = texts(lang);
  const sc = columnScale(table, config.overall.column);
  const scaleText = sc ? `${sc[0]}–${sc[1]}` : '';
  const out: ReportIndicator[] = [{ id: 'overall', name: T.indOverall(scaleText), column: config.overall.column, kind: 'mean' }];
  if (sc) out.push({ id: 'csat', name: T.indCsat(`top-2-box ${sc[1] - 1}–${sc[1]}`), column: config.overall.column, kind: 'topBox', boxes: 2 });
  if (config.nps) out.push({ id: 'nps', name: T.indNps, column: config.nps.column, kind: 'nps' });
  if (config.ces) {
    const cs = columnScale(table, config.ces.column);
    out.push({ id: 'ces', name: T.indCes(cs ? `${cs[0]}–${cs[1]}` : ''), column: config.ces.column, kind: 'mean', higherIsBetter: config.ces.higherIsBetter });
  }
  if (config.complained) out.push({ id: 'complained', name: T.indComplained, column: config.complained.column, kind: 'proportion', success: config.complained.yes, higherIsBetter: false });
  if (config.left) out.push({ id: 'left', name: T.indLeft, column: config.left.column, kind: 'proportion', success: config.left.yes, higherIsBetter: false });
  for (const a of config.attributes) out.push({ id: a.satisfaction, name: T.indAttribute(localText(a.name, lang)), column: a.satisfaction, kind: 'mean' });
  return out;
}
