import { dirname, isAbsolute, resolve } from 'node:path';
import type { RakeMargins, ScaleMapping } from '@satlab/barometer';
import { InputError } from '@satlab/data';
import type { PAdjustMethod } from '@satlab/stats';
import { LineCounter, parseDocument } from 'yaml';
import { msg } from './messages.js';
import type { FlagColumn, LocalText, ReportConfig, ReportLang, ReportWaveFile, VerbatimTheme } from './types.js';

const TOP_KEYS = ['title', 'subtitle', 'lang', 'codebook', 'waves', 'data', 'segment', 'attributes', 'overall', 'nps', 'ces', 'complained', 'left', 'verbatim', 'weights', 'comparison', 'scaleMap'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ADJUST: readonly PAdjustMethod[] = ['holm', 'BH', 'bonferroni', 'hochberg', 'BY', 'none'];

type Path = (string | number)[];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyName = (path: Path): string => path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? p : `${s}.${p}`), '');

/**
 * Parses and validates a barometer report configuration written in YAML (see
 * `datasets/barometer/report.yaml`): `title`, `lang` (fr | en), `codebook`, either `waves`
 * (`[{ file, label, date?, codebook? }]`, oldest first) or `data` (`{ file, waveColumn, dates? }`),
 * `segment` (the contract-type column), `attributes` (`[{ name, satisfaction, importance? }]`,
 * names a string or `{ fr, en }`), `overall`, and optionally `nps`, `ces` (`{ column, better:
 * lower | higher }`), `complained` and `left` (`{ column, yes: [...] }`), `verbatim` (`{ column,
 * themes: [{ name, keywords: { fr: [...], en: [...] } }], examples }`), `weights` (`{ rake: {
 * column: { level: share } } }`), `comparison` (`{ adjust, alpha, confidence, family, against }`),
 * `scaleMap` (see `stackWaves`). Relative paths are resolved from the config's folder. Columns are
 * checked against the data later, by `readReportData`.
 *
 * @param text The YAML text.
 * @param file The config's path (absolute or relative to the working directory): named in errors, and its folder resolves relative paths.
 * @throws {InputError} naming the config file, the line and the key: YAML syntax, an unknown
 *   key, a missing required key, a value of the wrong kind, a bad date, a duplicate wave label.
 * @example
 * parseReportConfig('title: B\nwaves: [{ file: w1.csv, label: V1 }, { file: w2.csv, label: V2 }]\nattributes: [{ name: Prix, satisfaction: sat_prix }]\noverall: overall\n', '/data/report.yaml');
 * //=> { title: 'B', lang: 'fr', waves: [{ file: '/data/w1.csv', label: 'V1', … }, …], attributes: [{ name: 'Prix', satisfaction: 'sat_prix' }],
 * //     overall: { column: 'overall' }, comparison: { adjust: 'holm', alpha: 0.05, confidence: 0.95, … }, warnings: [], … }
 * parseReportConfig('title: B\ncolour: red\n', '/data/report.yaml'); //=> throws InputError: /data/report.yaml:2: colour: unknown key
 */
export function parseReportConfig(text: string, file: string): ReportConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new InputError(msg.configSyntax(e.message.split('\n')[0]), { file, ...(pos ? { line: pos.line, column: pos.col } : {}) });
  }
  const root: unknown = doc.toJS();
  const lineOf = (path: Path): number | undefined => {
    for (let k = path.length; k >= 0; k--) {
      const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
    }
    return undefined;
  };
  const fail = (path: Path, message: string): never => {
    const line = lineOf(path);
    throw new InputError(message, { file, ...(line !== undefined ? { line } : {}) });
  };
  if (!isObj(root)) fail([], msg.configNotObject());
  const cfg = root as Record<string, unknown>;
  const dir = dirname(resolve(file));
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(dir, p));

  for (const k of Object.keys(cfg)) if (!(TOP_KEYS as readonly string[]).includes(k)) fail([k], msg.unknownKey(k, TOP_KEYS));
  const checkKeys = (path: Path, o: Record<string, unknown>, allowed: readonly string[]): void => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) fail([...path, k], msg.unknownKey(keyName([...path, k]), allowed));
  };
  const str = (path: Path, v: unknown, required = true): string | undefined => {
    if (v === undefined || v === null) {
      if (required) fail(path, msg.required(keyName(path), 'a text'));
      return undefined;
    }
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') return fail(path, msg.expected(keyName(path), 'a non-empty text', v));
    return v.trim();
  };
  const keyLines: Record<string, number> = {};
  const mark = (path: Path): void => {
    const line = lineOf(path);
    if (line !== undefined) keyLines[keyName(path)] = line;
  };
  const column = (path: Path, v: unknown): string => {
    mark(path);
    if (isObj(v)) {
      checkKeys(path, v, ['column']);
      return str([...path, 'column'], v.column) as string;
    }
    return str(path, v) as string;
  };
  const local = (path: Path, v: unknown): LocalText => {
    if (isObj(v)) {
      checkKeys(path, v, ['fr', 'en']);
      return { fr: str([...path, 'fr'], v.fr) as string, en: str([...path, 'en'], v.en) as string };
    }
    return str(path, v) as string;
  };
  const date = (path: Path, v: unknown): string | undefined => {
    if (v === undefined || v === null) return undefined;
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (typeof s !== 'string' || !ISO.test(s)) return fail(path, msg.badDate(keyName(path), v));
    return s;
  };
  const num = (path: Path, v: unknown, lo: number, hi: number, fallback: number): number => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !(v > lo && v < hi)) return fail(path, msg.expected(keyName(path), `a number between ${lo} and ${hi}`, v));
    return v;
  };
  const strings = (path: Path, v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((x, i) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : (str([...path, i], x) as string)));
  };
  const flag = (key: string): FlagColumn | undefined => {
    const v = cfg[key];
    if (v === undefined || v === null) return undefined;
    mark([key]);
    if (isObj(v)) {
      checkKeys([key], v, ['column', 'yes']);
      return { column: str([key, 'column'], v.column) as string, yes: strings([key, 'yes'], v.yes) };
    }
    return { column: str([key], v) as string, yes: [] };
  };

  const title = str(['title'], cfg.title) as string;
  const subtitle = str(['subtitle'], cfg.subtitle, false);
  const lang = (cfg.lang ?? 'fr') as ReportLang;
  if (lang !== 'fr' && lang !== 'en') fail(['lang'], msg.expected('lang', 'fr or en', cfg.lang));
  const codebookAsWritten = str(['codebook'], cfg.codebook, false);

  // Waves: one file each, or one stacked file.
  if ((cfg.waves === undefined) === (cfg.data === undefined)) fail(cfg.waves !== undefined ? ['waves'] : [], msg.wavesOrData());
  let waves: ReportWaveFile[] | undefined;
  let data: ReportConfig['data'];
  if (cfg.waves !== undefined) {
    if (!Array.isArray(cfg.waves) || cfg.waves.length === 0) fail(['waves'], msg.expected('waves', 'a list of { file, label, date? }', cfg.waves));
    const labels = new Set<string>();
    waves = (cfg.waves as unknown[]).map((w, i) => {
      const path: Path = ['waves', i];
      if (!isObj(w)) return fail(path, msg.expected(keyName(path), '{ file, label, date? }', w));
      checkKeys(path, w, ['file', 'label', 'date', 'codebook']);
      const f = str([...path, 'file'], w.file) as string;
      const label = str([...path, 'label'], w.label) as string;
      if (labels.has(label)) fail([...path, 'label'], msg.duplicateLabel(keyName([...path, 'label']), label));
      labels.add(label);
      const d = date([...path, 'date'], w.date);
      const cb = str([...path, 'codebook'], w.codebook, false);
      return { file: abs(f), fileAsWritten: f, label, ...(d ? { date: d } : {}), ...(cb ? { codebook: abs(cb) } : {}) };
    });
  } else {
    const v = cfg.data;
    if (!isObj(v)) fail(['data'], msg.expected('data', '{ file, waveColumn, dates? }', v));
    const o = v as Record<string, unknown>;
    checkKeys(['data'], o, ['file', 'waveColumn', 'dates']);
    const f = str(['data', 'file'], o.file) as string;
    const dates: Record<string, string> = {};
    if (o.dates !== undefined) {
      if (!isObj(o.dates)) fail(['data', 'dates'], msg.expected('data.dates', '{ wave label: YYYY-MM-DD }', o.dates));
      for (const [k, d] of Object.entries(o.dates as Record<string, unknown>)) dates[k] = date(['data', 'dates', k], d) as string;
    }
    mark(['data', 'waveColumn']);
    data = { file: abs(f), fileAsWritten: f, waveColumn: str(['data', 'waveColumn'], o.waveColumn ?? 'wave') as string, dates };
  }

  let segment: ReportConfig['segment'];
  if (cfg.segment !== undefined && cfg.segment !== null) {
    mark(['segment']);
    if (isObj(cfg.segment)) {
      checkKeys(['segment'], cfg.segment, ['column', 'label']);
      segment = { column: str(['segment', 'column'], cfg.segment.column) as string, ...(cfg.segment.label !== undefined ? { label: local(['segment', 'label'], cfg.segment.label) } : {}) };
    } else segment = { column: str(['segment'], cfg.segment) as string };
  }
  if (!Array.isArray(cfg.attributes) || cfg.attributes.length === 0) fail(['attributes'], cfg.attributes === undefined ? msg.required('attributes', 'a list of { name, satisfaction, importance? }') : msg.expected('attributes', 'a list of { name, satisfaction, importance? }', cfg.attributes));
  const attributes = (cfg.attributes as unknown[]).map((a, i) => {
    const path: Path = ['attributes', i];
    if (!isObj(a)) return fail(path, msg.expected(keyName(path), '{ name, satisfaction, importance? }', a));
    checkKeys(path, a, ['name', 'satisfaction', 'importance']);
    const imp = str([...path, 'importance'], a.importance, false);
    mark([...path, 'satisfaction']);
    if (imp) mark([...path, 'importance']);
    return { name: local([...path, 'name'], a.name), satisfaction: str([...path, 'satisfaction'], a.satisfaction) as string, ...(imp ? { importance: imp } : {}) };
  });
  if (cfg.overall === undefined) fail([], msg.required('overall', 'the overall satisfaction column'));
  const overall = { column: column(['overall'], cfg.overall) };
  const nps = cfg.nps === undefined || cfg.nps === null ? undefined : { column: column(['nps'], cfg.nps) };
  let ces: ReportConfig['ces'];
  if (cfg.ces !== undefined && cfg.ces !== null) {
    mark(['ces']);
    if (isObj(cfg.ces)) {
      checkKeys(['ces'], cfg.ces, ['column', 'better']);
      const better = cfg.ces.better ?? 'lower';
      if (better !== 'lower' && better !== 'higher') fail(['ces', 'better'], msg.expected('ces.better', 'lower or higher', better));
      ces = { column: str(['ces', 'column'], cfg.ces.column) as string, higherIsBetter: better === 'higher' };
    } else ces = { column: str(['ces'], cfg.ces) as string, higherIsBetter: false };
  }
  const complained = flag('complained');
  const left = flag('left');

  let verbatim: ReportConfig['verbatim'];
  if (cfg.verbatim !== undefined && cfg.verbatim !== null) {
    mark(['verbatim']);
    const v = cfg.verbatim;
    if (!isObj(v)) {
      verbatim = { column: str(['verbatim'], v) as string, themes: [], examples: 4 };
    } else {
      checkKeys(['verbatim'], v, ['column', 'themes', 'examples']);
      const themes: VerbatimTheme[] = [];
      if (v.themes !== undefined) {
        if (!Array.isArray(v.themes)) fail(['verbatim', 'themes'], msg.expected('verbatim.themes', 'a list of { name, keywords }', v.themes));
        (v.themes as unknown[]).forEach((t, i) => {
          const path: Path = ['verbatim', 'themes', i];
          if (!isObj(t)) fail(path, msg.expected(keyName(path), '{ name, keywords: { fr: [...], en: [...] } }', t));
          const o = t as Record<string, unknown>;
          checkKeys(path, o, ['name', 'keywords']);
          const kw = o.keywords;
          let keywords: { fr: string[]; en: string[] };
          if (Array.isArray(kw)) keywords = { fr: strings([...path, 'keywords'], kw), en: [] };
          else if (isObj(kw)) {
            checkKeys([...path, 'keywords'], kw, ['fr', 'en']);
            keywords = { fr: strings([...path, 'keywords', 'fr'], kw.fr), en: strings([...path, 'keywords', 'en'], kw.en) };
          } else return fail([...path, 'keywords'], msg.expected(keyName([...path, 'keywords']), '{ fr: [...], en: [...] } or a list', kw));
          if (keywords.fr.length + keywords.en.length === 0) fail([...path, 'keywords'], msg.expected(keyName([...path, 'keywords']), 'at least one keyword', kw));
          themes.push({ name: local([...path, 'name'], o.name), keywords });
        });
      }
      const ex = v.examples ?? 4;
      if (!(Number.isInteger(ex) && (ex as number) >= 0 && (ex as number) <= 50)) fail(['verbatim', 'examples'], msg.expected('verbatim.examples', 'an integer from 0 to 50', ex));
      verbatim = { column: str(['verbatim', 'column'], v.column) as string, themes, examples: ex as number };
    }
  }

  let weights: ReportConfig['weights'];
  if (cfg.weights !== undefined && cfg.weights !== null) {
    const w = cfg.weights;
    if (!isObj(w)) fail(['weights'], msg.expected('weights', '{ rake: { column: { level: share } } }', w));
    const o = w as Record<string, unknown>;
    checkKeys(['weights'], o, ['rake', 'maxIter', 'tol']);
    if (!isObj(o.rake) || Object.keys(o.rake).length === 0) fail(['weights', 'rake'], msg.expected('weights.rake', '{ column: { level: share } }', o.rake));
    const rake: RakeMargins = {};
    for (const [col, m] of Object.entries(o.rake as Record<string, unknown>)) {
      mark(['weights', 'rake', col]);
      if (!isObj(m)) fail(['weights', 'rake', col], msg.expected(`weights.rake.${col}`, '{ level: share }', m));
      rake[col] = {};
      for (const [level, share] of Object.entries(m as Record<string, unknown>)) {
        if (typeof share !== 'number' || !(share >= 0)) fail(['weights', 'rake', col, level], msg.expected(`weights.rake.${col}.${level}`, 'a share ≥ 0', share));
        rake[col][level] = share as number;
      }
    }
    weights = { rake, ...(o.maxIter !== undefined ? { maxIter: num(['weights', 'maxIter'], o.maxIter, 0, 1e6, 100) } : {}), ...(o.tol !== undefined ? { tol: num(['weights', 'tol'], o.tol, 0, 1, 1e-10) } : {}) };
  }

  const comparison: ReportConfig['comparison'] = { adjust: 'holm', alpha: 0.05, confidence: 0.95, family: 'all', against: ['previous', 'first'] };
  if (cfg.comparison !== undefined && cfg.comparison !== null) {
    const c = cfg.comparison;
    if (!isObj(c)) fail(['comparison'], msg.expected('comparison', '{ adjust, alpha, confidence, family, against }', c));
    const o = c as Record<string, unknown>;
    checkKeys(['comparison'], o, ['adjust', 'alpha', 'confidence', 'family', 'against']);
    if (o.adjust !== undefined) {
      if (!ADJUST.includes(o.adjust as PAdjustMethod)) fail(['comparison', 'adjust'], msg.expected('comparison.adjust', ADJUST.join(' | '), o.adjust));
      comparison.adjust = o.adjust as PAdjustMethod;
    }
    comparison.alpha = num(['comparison', 'alpha'], o.alpha, 0, 1, 0.05);
    comparison.confidence = num(['comparison', 'confidence'], o.confidence, 0, 1, 0.95);
    if (o.family !== undefined) {
      if (o.family !== 'all' && o.family !== 'indicator') fail(['comparison', 'family'], msg.expected('comparison.family', 'all | indicator', o.family));
      comparison.family = o.family as 'all' | 'indicator';
    }
    if (o.against !== undefined) {
      const a = strings(['comparison', 'against'], o.against);
      if (a.length === 0 || a.some((x) => x !== 'previous' && x !== 'first')) fail(['comparison', 'against'], msg.expected('comparison.against', 'a list of previous, first', o.against));
      comparison.against = a as ('previous' | 'first')[];
    }
  }
  let scaleMap: Record<string, ScaleMapping> | undefined;
  if (cfg.scaleMap !== undefined && cfg.scaleMap !== null) {
    if (!isObj(cfg.scaleMap)) fail(['scaleMap'], msg.expected('scaleMap', '{ item: { method, from, to, … } }', cfg.scaleMap));
    scaleMap = cfg.scaleMap as Record<string, ScaleMapping>;
  }

  return {
    file: resolve(file),
    source: file,
    keyLines,
    dir,
    title,
    ...(subtitle ? { subtitle } : {}),
    lang,
    ...(codebookAsWritten ? { codebook: abs(codebookAsWritten), codebookAsWritten } : {}),
    ...(waves ? { waves } : {}),
    ...(data ? { data } : {}),
    ...(segment ? { segment } : {}),
    attributes,
    overall,
    ...(nps ? { nps } : {}),
    ...(ces ? { ces } : {}),
    ...(complained ? { complained } : {}),
    ...(left ? { left } : {}),
    ...(verbatim ? { verbatim } : {}),
    ...(weights ? { weights } : {}),
    comparison,
    ...(scaleMap ? { scaleMap } : {}),
    warnings: [],
  };
}
