// Pinning test of symmetricEigen on a 20 × 20 matrix: enough QL iterations that a cap of 30/n
// (instead of 30·n) iterations per eigenvalue would fail, and a general check of values, three
// eigenvectors (sign fixed: largest component positive) and A·V = V·diag(values).
// Reference values: numpy 2.4.6, numpy.linalg.eigh(A), reversed to decreasing order.
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '@satlab/stats';

const n = 20;
// python3: A[i][j] = 1/(1 + |i - j|) + (0.1·i if i == j) + (0.05 if (i + j) % 3 == 0)
const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (1 + Math.abs(i - j)) + (i === j ? 0.1 * i : 0) + ((i + j) % 3 === 0 ? 0.05 : 0)));
const close = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
};

describe('symmetricEigen, 20 × 20', () => {
  it('eigenvalues, eigenvectors 1, 8 and 20, and the reconstruction A·V = V·Λ agree with numpy.linalg.eigh', () => {
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i + j * n] = A[i][j];
    const e = symmetricEigen({ rows: n, cols: n, data });
    const values = [5.998384877996912, 3.644491037006203, 2.9859674048034046, 2.609904284542719, 2.3978211170058104, 2.3196334317192355, 2.1669201568635534, 2.012488860652477, 1.974193212026826, 1.8120536505111773, 1.690380821498548, 1.6207294973258477, 1.4425065343816785, 1.372659048112788, 1.227461334172196, 1.0883636791628362, 0.995516049198388, 0.777419574293234, 0.728212804853419, 0.48489262387274734];
    for (let j = 0; j < n; j++) close(e.values[j], values[j], 1e-12);
    const vecs: [number, number[]][] = [
      [0, [0.11366085290688167, 0.12908747247294627, 0.1453559247320398, 0.1589435754743871, 0.17077939769933198, 0.18531420939778842, 0.1977099688669067, 0.20848867299616908, 0.22211914756903375, 0.23327725135760338, 0.24235121041487442, 0.25394464401991984, 0.2622035606734751, 0.2673278646048368, 0.2739903063032167, 0.2755834188214166, 0.2718362117497845, 0.26703079225286597, 0.25267799361144605, 0.2251821213308488]],
      [7, [0.08302756802069994, 0.09762445636648918, 0.13983674755325376, 0.10345987933664404, 0.05089180813288296, 0.027548052198781373, -0.0868477334268952, -0.18465439604288283, -0.16587060407270343, -0.16601465417369676, -0.04548284544735474, 0.2463222074053948, 0.2611170421022848, 0.0007566853303160099, -0.22062872749933654, -0.33985341084943427, 0.627785125346829, -0.39455506052881884, 0.08896981025554371, 0.021170567833706706]],
      [19, [-0.44939989238646516, 0.7283937915808679, -0.4677586275034983, 0.11860960679855898, 0.08732446565469908, -0.1061678712466988, 0.027240838204840554, 0.054349436930209584, -0.06394364688561698, 0.016151487044910238, 0.03805121011286586, -0.0458997540820289, 0.011518889516503733, 0.029112334570149622, -0.035940200879922043, 0.008820420031146166, 0.023305167986673328, -0.029986354709921052, 0.0062220406522468935, 0.01696070765392635]],
    ];
    for (const [j, want] of vecs) for (let i = 0; i < n; i++) close(e.vectors.data[i + j * n], want[i], 1e-10);
    let err = 0;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[i][k] * e.vectors.data[k + j * n];
        err = Math.max(err, Math.abs(s - e.values[j] * e.vectors.data[i + j * n]));
      }
    }
    expect(err).toBeLessThan(1e-12);
  });
});
