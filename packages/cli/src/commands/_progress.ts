import type { Writable } from 'node:stream';

/** A one-line progress bar on stderr (`\r`-redrawn, at most 10 times a second); `done()` erases it. */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

/** A bar that draws nothing (for `--quiet` or when stderr is not a terminal). */
export const noProgress: ProgressBar = { update() {}, done() {} };

/**
 * Progress bar for long reads: `label [██████░░░░]  61 %  146/240 MiB`. The caller decides
 * whether to show one (the CLI's `ctx.quiet` is true with --quiet or when stderr is not a TTY).
 */
export function progressBar(stream: Writable, label: string): ProgressBar {
  let last = 0;
  let shown = false;
  const width = 24;
  return {
    update(done: number, total: number): void {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const full = Math.round(frac * width);
      const mib = (x: number): string => (x / 1048576).toFixed(0);
      stream.write(`\r${label} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(Math.round(frac * 100)).padStart(3)} %  ${mib(done)}/${mib(total)} MiB`);
      shown = true;
    },
    done(): void {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
