import { rng } from '@satlab/stats';
import { msg } from './messages.js';
import type { CallbackQueue, Outcomes } from './types.js';

/** Options of {@link simulateOutcomes} (all required but `assignment`: a simulation states its assumptions). */
export interface SimulateOutcomesOptions {
  /** Seed of `rng` from @satlab/stats (same seed, same outcomes). */
  seed: number;
  /** Share of the queue that is treated (called back), in [0, 1]. */
  treatedShare: number;
  /** Probability that an untreated dissatisfied customer is still a customer at the next renewal, in [0, 1]. */
  baseRetention: number;
  /** Added retention probability for a treated customer; baseRetention + uplift must be in [0, 1]. */
  uplift: number;
  /**
   * Who is treated: `'random'` (default; exactly round(treatedShare × n) customers drawn at random,
   * a randomized hold-out) or `'priority'` (the top of the queue).
   */
  assignment?: 'random' | 'priority';
}

/**
 * SIMULATED outcomes of a callback queue, to show the feedback step before real outcomes exist
 * (notebooks, teaching). Nothing here is observed: every result built on them carries
 * `simulated: true` and a warning saying so.
 *
 * Model: t = round(treatedShare × n) customers are treated — drawn at random (partial
 * Fisher–Yates shuffle with `rng(seed)`) or the first t of the queue — then, in queue order, each
 * customer is kept with probability baseRetention + uplift if treated, baseRetention if not
 * (one `rng.next()` each). So the true uplift is `uplift` and `measureRetention` should find it
 * within its interval about 95 % of the time.
 *
 * @param queue from `buildCallbackQueue`.
 * @param options seed, treatedShare, baseRetention, uplift, assignment.
 * @returns an `Outcomes` object (`simulated: true`, source "simulation (seed …)").
 * @throws {TypeError} queue not a CallbackQueue, seed not finite. {RangeError} a share or
 *   probability outside [0, 1].
 * @example
 * import { loadTable } from '@satlab/data';
 * const { table } = loadTable('datasets/barometer/wave-3.csv', { codebook: 'datasets/barometer/codebook.yaml' });
 * const detection = detectDissatisfied(table, loadRules('packages/alerts/examples/barometer-rules.yaml'));
 * const queue = buildCallbackQueue(detection);
 * simulateOutcomes(queue, { seed: 1, treatedShare: 0.5, baseRetention: 0.84, uplift: 0.08 });
 * //=> { source: 'simulation (seed 1, treatedShare 0.5, baseRetention 0.84, uplift 0.08, assignment random)', simulated: true,
 * //     records: [{ id: 'C000205', treated: false, kept: false }, …], excluded: [], warnings: [{ code: 'alerts.simulated', text: 'SIMULATED outcomes'…, … }] }
 */
export function simulateOutcomes(queue: CallbackQueue, options: SimulateOutcomesOptions): Outcomes {
  const fn = 'simulateOutcomes';
  if (typeof queue !== 'object' || queue === null || !Array.isArray(queue.entries)) throw new TypeError(`${fn}: queue must be the result of buildCallbackQueue`);
  if (typeof options !== 'object' || options === null) throw new TypeError(`${fn}: options { seed, treatedShare, baseRetention, uplift } are required`);
  const { seed, treatedShare, baseRetention, uplift } = options;
  const assignment = options.assignment ?? 'random';
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new TypeError(`${fn}: options.seed must be a finite number, got ${String(seed)}`);
  const prob = (name: string, x: number): void => {
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1], got ${String(x)}`);
  };
  prob('options.treatedShare', treatedShare);
  prob('options.baseRetention', baseRetention);
  if (typeof uplift !== 'number' || !Number.isFinite(uplift)) throw new RangeError(`${fn}: options.uplift must be a number, got ${String(uplift)}`);
  prob('options.baseRetention + options.uplift', baseRetention + uplift);
  if (assignment !== 'random' && assignment !== 'priority') throw new TypeError(`${fn}: options.assignment must be 'random' or 'priority', got ${String(assignment)}`);

  const n = queue.entries.length;
  const t = Math.round(treatedShare * n);
  const r = rng(seed);
  const treated = new Uint8Array(n);
  if (assignment === 'priority') treated.fill(1, 0, t);
  else {
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < t; i++) {
      const j = i + r.int(n - i);
      const tmp = idx[i];
      idx[i] = idx[j];
      idx[j] = tmp;
      treated[idx[i]] = 1;
    }
  }
  const records = queue.entries.map((e, i) => {
    const p = treated[i] ? baseRetention + uplift : baseRetention;
    return { id: e.id, treated: treated[i] === 1, kept: r.next() < p };
  });
  return {
    source: `simulation (seed ${seed}, treatedShare ${treatedShare}, baseRetention ${baseRetention}, uplift ${uplift}, assignment ${assignment})`,
    simulated: true,
    records,
    excluded: [],
    warnings: [msg.simulated()],
  };
}
