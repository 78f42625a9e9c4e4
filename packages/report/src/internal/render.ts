/** Internal: charts of the report, rendered to inline SVG by @satlab/charts. */
import { renderSvg } from '@satlab/charts';
import type { Message } from '@satlab/messages';
import { renderMessage } from '@satlab/messages';
import { M } from '../messages.js';
import type { Ctx } from './context.js';
import { esc, figure } from './html.js';

/** Plot width of the charts (px): with axes and legends they fill the page's 1,040 px column. */
export const CHART_W = 660;

/**
 * Builds a chart spec and renders it to SVG. When the builder or the renderer fails (a chart
 * builder not available, data it refuses), the report says so in place of the chart and in its
 * warnings; the section's table still gives the figures.
 */
export async function chart(ctx: Ctx, build: () => unknown, builder: string): Promise<string> {
  try {
    const spec = build();
    const svg = await renderSvg(spec as Parameters<typeof renderSvg>[0]);
    ctx.figures.push({ builder, svg });
    return figure(svg);
  } catch (err) {
    const detail = (err as { detail?: Message }).detail;
    const reason = detail ? renderMessage(detail, ctx.lang) : (err as Error).message.split('\n')[0];
    const why = `${builder}: ${reason}`;
    ctx.warn(null, M.chartNotDrawn({ chart: builder, why: reason }));
    return `<p class="note">${esc(ctx.T.missingBuilder(why))}</p>`;
  }
}
