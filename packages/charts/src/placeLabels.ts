/** A box in pixels (x, y: top-left). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A point to label, in pixels, with its text size. */
export interface LabelPoint {
  px: number;
  py: number;
  /** Label width and height in pixels (estimated from the text). */
  w: number;
  h: number;
}

/** Where a label went: its box centre in pixels and whether a leader line joins it to its point. */
export interface PlacedLabel {
  cx: number;
  cy: number;
  leader: boolean;
}

/** Width of a text in pixels, estimated (no font metrics headless): ~0.58 em a character, 0.62 bold. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.58);
}

const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/**
 * Greedy label placement for a scatter plot (the IPA matrix): labels are placed one by one, in the
 * order given (most important first), at the first candidate position that overlaps nothing —
 * right, left, above, below and the four diagonals of the point, then the same farther away with a
 * leader line — scoring each candidate by its overlap (in px²) with the labels already placed, the
 * points, the `obstacles` (quadrant names), the vertical and horizontal `lines` (cut-offs, which a
 * label should not straddle) and the plot's edges; the lowest score wins, the nearest on ties.
 *
 * @param points Points and label sizes, in pixels.
 * @param plot Plot size; `obstacles` boxes to avoid; `lines` x and y positions of rules.
 * @returns One placement per point, in the same order.
 * @example
 * placeLabels([{ px: 100, py: 100, w: 60, h: 13 }, { px: 104, py: 102, w: 60, h: 13 }], { width: 400, height: 300 })
 * // → [{ cx: 138, cy: 100, leader: false }, { cx: 66, cy: 102, leader: false }]
 */
export function placeLabels(points: readonly LabelPoint[], plot: { width: number; height: number; obstacles?: readonly Box[]; lines?: { x?: readonly number[]; y?: readonly number[] } }): PlacedLabel[] {
  const R = 6;
  const pointBoxes: Box[] = points.map((p) => ({ x: p.px - R, y: p.py - R, w: 2 * R, h: 2 * R }));
  const placed: Box[] = [];
  const out: PlacedLabel[] = [];
  const lx = plot.lines?.x ?? [];
  const ly = plot.lines?.y ?? [];
  points.forEach((p, i) => {
    const cands: { box: Box; leader: boolean; rank: number }[] = [];
    for (const [dist, leader] of [
      [8, false],
      [26, true],
      [46, true],
    ] as const) {
      const dx = dist + 2;
      const dy = dist * 0.6 + 6;
      const c: [number, number][] = [
        [p.px + dx, p.py - p.h / 2],
        [p.px - dx - p.w, p.py - p.h / 2],
        [p.px - p.w / 2, p.py - dy - p.h],
        [p.px - p.w / 2, p.py + dy],
        [p.px + dx * 0.7, p.py - dy - p.h * 0.6],
        [p.px + dx * 0.7, p.py + dy - p.h * 0.4],
        [p.px - dx * 0.7 - p.w, p.py - dy - p.h * 0.6],
        [p.px - dx * 0.7 - p.w, p.py + dy - p.h * 0.4],
      ];
      for (const [x, y] of c) cands.push({ box: { x, y, w: p.w, h: p.h }, leader, rank: cands.length });
    }
    let best = cands[0];
    let bestScore = Infinity;
    for (const c of cands) {
      const b = c.box;
      let score = 0;
      for (const q of placed) score += overlap(b, q) * 4;
      pointBoxes.forEach((q, j) => (score += overlap(b, q) * (j === i ? 10 : 3)));
      for (const o of plot.obstacles ?? []) score += overlap(b, o) * 2;
      for (const x of lx) if (b.x < x && x < b.x + b.w) score += 40 * b.h * 0.5;
      for (const y of ly) if (b.y < y && y < b.y + b.h) score += 40 * b.w * 0.1;
      const outside = b.w * b.h - overlap(b, { x: 0, y: 0, w: plot.width, h: plot.height });
      score += outside * 6;
      // Prefer near positions: a small cost per rank and a larger one for a leader line.
      score += c.rank * 0.5 + (c.leader ? 60 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    placed.push(best.box);
    out.push({ cx: best.box.x + best.box.w / 2, cy: best.box.y + best.box.h / 2, leader: best.leader });
  });
  return out;
}
