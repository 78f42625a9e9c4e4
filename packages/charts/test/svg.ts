/** Small readers of the SVG that Vega's headless renderer writes (used by the chart tests). */

/** One mark container of the SVG: `<g class="mark-<type> role-mark <name>">` and its items. */
export interface SvgMark {
  type: string;
  name: string;
  /** The item elements (path, line or text), raw markup. */
  items: string[];
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Mark containers of the chart's own marks (axes and legends excluded), in drawing order. */
export function svgMarks(svg: string): SvgMark[] {
  const out: SvgMark[] = [];
  for (const m of svg.matchAll(/<g class="mark-(\w+) role-mark ([^"]*)"[^>]*>(.*?)<\/g>/gs)) {
    const items = [...m[3].matchAll(/<(path|line|text)\b[^>]*?(?:\/>|>.*?<\/\1>)/gs)].map((x) => x[0]);
    out.push({ type: m[1], name: m[2], items });
  }
  return out;
}

/** Number of items of the chart's marks of one type (e.g. 'symbol', 'rect', 'rule', 'line', 'area'). */
export function countItems(svg: string, type: string): number {
  return svgMarks(svg).filter((m) => m.type === type).reduce((a, m) => a + m.items.length, 0);
}

/** Every text line drawn in the SVG (axis labels and titles, legends, titles, text marks), decoded; multi-line texts give one entry a line. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/gs)].flatMap((m) => {
    const lines = [...m[1].matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/gs)].map((t) => t[1]);
    return (lines.length ? lines : [m[1]]).map((l) => decode(l.replace(/<[^>]+>/g, '').trim()));
  });
}

/** Texts of the chart's text marks only. */
export function markTexts(svg: string): string[] {
  return svgMarks(svg)
    .filter((m) => m.type === 'text')
    .flatMap((m) => m.items.map((t) => decode(t.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ').trim())));
}

/** Texts of the chart's text marks drawn in bold. */
export function boldTexts(svg: string): string[] {
  return svgMarks(svg)
    .filter((m) => m.type === 'text')
    .flatMap((m) => m.items.filter((t) => /font-weight="bold"/.test(t)).map((t) => decode(t.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ').trim())));
}
