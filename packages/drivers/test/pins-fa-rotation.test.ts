import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '@satlab/stats';
import type { Matrix } from '@satlab/stats';
import { oblimin, promax, varimax } from '@satlab/drivers';
import type { RotationResult } from '@satlab/drivers';

// Pinning tests of the rotations (issue 18). References: R 4.2.2, GPArotation 2022.10-2, psych
// 2.2.9, printed with sprintf("%.17g"), row by row (t(x)):
//   L  <- matrix(c(0.8, 0.7, 0.3, 0.2,  0.3, 0.4, 0.8, 0.7), 4, 2)
//   L3 <- matrix(c(.7, .6, .5, .2, .1, .3, .1,  .2, .3, .1, .7, .6, .5, .2,  .1, .2, .3, .1, .2, .3, .6), 7, 3)
//   varimax_*: stats::varimax(L, normalize, eps); iterations from the same loop with a counter
//     (and maxit = 2 for the capped run: the loop of stats::varimax stopped after 2 passes);
//   oblimin_*: GPArotation::oblimin(L, gam, normalize, eps, maxit) ($loadings, $Phi, $Th;
//     iterations = nrow($Table) − 1, convergence = $convergence);
//   promax_*: p <- stats::promax(L, m); ui <- solve(p$rotmat); Φ = cov2cor(ui %*% t(ui)) (as psych::principal);
//   kaiser_*: psych::kaiser(L3, rotate = "Promax") (Kaiser normalization around the whole promax).
// Every call is made inside its `it` (docs/mutation.md).
const L = [
  [0.8, 0.3],
  [0.7, 0.4],
  [0.3, 0.8],
  [0.2, 0.7],
];
const L3 = [
  [0.7, 0.2, 0.1],
  [0.6, 0.3, 0.2],
  [0.5, 0.1, 0.3],
  [0.2, 0.7, 0.1],
  [0.1, 0.6, 0.2],
  [0.3, 0.5, 0.3],
  [0.1, 0.2, 0.6],
];
const REF: Record<string, number[]> = {
  varimax_L_loadings: [0.81271505763811813, 0.26361759252422773, 0.71732644385788391, 0.36802550583105192, 0.3357719887369473, 0.78565715905834865, 0.23136407543012319, 0.69026854527811432],
  varimax_L_rotmat: [0.99898263543529153, -0.045096497632949796, 0.045096497632949796, 0.99898263543529187],
  varimax_L_nonorm_loadings: [0.81833032760328706, 0.24563280506621374, 0.72526714275746795, 0.35211868970053006, 0.35301440337419204, 0.77806222823779514, 0.24652851873987577, 0.68499904339197615],
  varimax_L_nonorm_rotmat: [0.99774534740067633, -0.067113498942486444, 0.06711349894248643, 0.99774534740067633],
  varimax_L3_loadings: [0.707905933539831, 0.19334801123764478, 0.038545243669592284, 0.61793465687333171, 0.29430355183435508, 0.14677254243393464, 0.52512558534053744, 0.095272642377701194, 0.25527679729095804, 0.21455354253517794, 0.69807731093711867, 0.08157723543003409, 0.1226904026244819, 0.59904188483158616, 0.18998917158949719, 0.32967649218287287, 0.49715532895973369, 0.27230495660001408, 0.15370348227381372, 0.19909867405436277, 0.58884204802875451],
  varimax_L3_rotmat: [0.99616409823029006, -0.0095037658877337849, -0.086987170496487173, 0.0094593162209837007, 0.99995483351121417, -0.00092318697560354499, 0.086992015344313292, 9.6806568155515061e-05, 0.99620900412253999],
  varimax_L3_eps_loadings: [0.70777127951221885, 0.19381821995453183, 0.038656351500019531, 0.61771326547824057, 0.29472665962256472, 0.14685543149619457, 0.52501484362468387, 0.095646879388344153, 0.25536461860841309, 0.21407873570755492, 0.69822751959219531, 0.081539105967535178, 0.12226044979385763, 0.59914381265872596, 0.18994492404107255, 0.32929809798253706, 0.49740274584491201, 0.272310982318057, 0.1534618849422375, 0.19926583841772216, 0.58884851660648474],
  varimax_L3_maxit2_loadings: [0.70576511568343991, 0.20037682479059576, 0.041769960152956434, 0.61429247359966332, 0.30047216077453726, 0.14953674290383531, 0.52295733130405642, 0.10056777128509198, 0.25768537601906888, 0.20723370497611088, 0.70020037954903702, 0.082302004843492871, 0.11585272941778074, 0.60029589855072063, 0.19032335450394156, 0.3234531004956781, 0.50049701017072645, 0.27364362698571365, 0.14897062269943018, 0.2008187647152179, 0.58947398357416736],
  oblimin_L_loadings: [0.88889484323607082, -0.053367970273004064, 0.71987502222515898, 0.12224550515198404, 0.043795738181512292, 0.82469940685193599, -0.040994314674631563, 0.75457836716294213],
  oblimin_L_phi: [1, 0.66382963802469341, 0.66382963802469341, 1.0000000000000002],
  oblimin_L_Th: [0.91890434219043715, 0.31497040480133215, 0.39448043031760155, 0.94910149304449265],
  oblimin_L3_loadings: [0.75835636117729832, 0.0058528319441265211, -0.073605645915775592, 0.60522967852444132, 0.12728181397510827, 0.041134317996448497, 0.53224849901390248, -0.10272030363957434, 0.20863752393765309, 0.038406640391605046, 0.73702123758403193, -0.054820718577614329, -0.061289706833039893, 0.62416281985123734, 0.095094740020596771, 0.19083827527141314, 0.42403445838016413, 0.18097600018693055, 0.009024010040511031, 0.056369223935687711, 0.60937764317093812],
  oblimin_L3_phi: [1.0000000000000002, 0.52677620168311257, 0.40174996258414225, 0.52677620168311257, 1, 0.44316521126534419, 0.40174996258414225, 0.44316521126534419, 1],
  oblimin_L3_Th: [0.93375621007145426, 0.23228337016380673, 0.12878736552796566, 0.27927468723794519, 0.9527650753918484, 0.23593447533996348, 0.22384143767663348, 0.19566079591709051, 0.9631971438010094],
  oblimin_L3_g05_loadings: [1.0979675954015755, -0.17715939481097023, -0.31105300563823474, 0.80309419927322268, -0.0054168864915027457, -0.12486817196646681, 0.70362150503964327, -0.38949714994849616, 0.22631993716122834, -0.13893434035733035, 1.0830719917264178, -0.3096604975493466, -0.30354060188916754, 0.88426598552824465, -0.013473480240293814, 0.078593596139565167, 0.48514391918409983, 0.11687475675949881, -0.23297836860242313, -0.17804611945907686, 0.95015621525023708],
  oblimin_L3_g05_phi: [0.99999999999999989, 0.83983781424873649, 0.81977820291811154, 0.83983781424873649, 1.0000000000000002, 0.8438437274043149, 0.81977820291811154, 0.8438437274043149, 1],
  oblimin_L3_norm_loadings: [0.76032594020362709, 0.029629688125815481, -0.11330456518640032, 0.6097648827291261, 0.14909065220270676, 0.0051342624855460067, 0.53671669330962313, -0.080025269861472584, 0.17833805035083408, 0.045684939051675762, 0.73935589710974525, -0.071149245012449319, -0.053200873052826621, 0.62643227042592287, 0.083799556121724836, 0.19918504747884389, 0.4362498044928132, 0.15869020495818667, 0.019618188710727742, 0.071725978024916731, 0.59685055759480499],
  oblimin_L3_norm_phi: [1.0000000000000002, 0.50961474198066403, 0.41711909001572123, 0.50961474198066403, 1.0000000000000002, 0.43258348456186752, 0.41711909001572123, 0.43258348456186752, 1.0000000000000004],
  oblimin_L3_maxit3_loadings: [0.75802045215269509, 0.00063496309764145731, -0.073144992501218004, 0.6062083756935579, 0.13053113682200893, 0.036323924277769232, 0.53705784434826831, -0.090377928029236526, 0.20154818503906119, 0.034384724681835337, 0.7391830420686194, -0.063552569167911049, -0.062319655034736784, 0.63520905674257844, 0.083086576932612677, 0.19249585661735921, 0.43891146260956337, 0.16821492505084751, 0.019556014590532255, 0.096214970362448624, 0.58762876402498909],
  promax_L_loadings: [0.88030891828791857, -0.040449649029201125, 0.71337513908252492, 0.13241051068755047, 0.045640022260950819, 0.82385114955455663, -0.03853715415258268, 0.75263283132497871],
  promax_L_rotmat: [1.2555547780946357, -0.50820920743586884, -0.41378301395929978, 1.2203923897316464],
  promax_L_phi: [1, 0.65406258972092068, 0.65406258972092068, 1],
  promax_L3_loadings: [0.81023529864571531, 0.011852847037278458, -0.14534952562387732, 0.62617166267269819, 0.12128721352939013, -0.0032080815502310255, 0.51654879660132513, -0.14058673248535691, 0.21389877377072955, 0.049222020943425412, 0.76904438264690933, -0.10622781565163943, -0.085214435095162383, 0.63093987413444852, 0.085890569253549778, 0.1625163055859799, 0.40982875676306812, 0.17957051692808185, -0.11340399695654008, -0.032153638393954249, 0.72311285923343038],
  promax_L3_rotmat: [1.2738906557324339, -0.27668869619639952, -0.32812812410219028, -0.24813589967214617, 1.2376943750228626, -0.24988470415771447, -0.31860980432559038, -0.42003940629814474, 1.3431710207919874],
  promax_L3_phi: [1, 0.56731264082896371, 0.62199974529719948, 0.56731264082896371, 1, 0.62172246741154225, 0.62199974529719948, 0.62172246741154225, 1],
  promax_L3_m3_loadings: [0.77843594610722411, 0.028198106815486953, -0.11723812937825202, 0.6107662220330069, 0.13726050063559825, 0.0135630530868664, 0.5115580115451448, -0.10989196008556998, 0.20839908294887505, 0.058754564269407311, 0.74664113845827618, -0.082278898345314766, -0.06327415074723991, 0.61822696258420107, 0.091212182384397211, 0.17804444975244788, 0.41496182226573219, 0.17969287709745646, -0.066925923458715397, 0.0047689731620423562, 0.671829323947708],
  promax_L3_m3_phi: [1, 0.51795178578753287, 0.54561927406886246, 0.51795178578753287, 1, 0.55233666437555551, 0.54561927406886246, 0.55233666437555551, 1],
  kaiser_L3_loadings: [0.80261033464000797, 0.0097723271424313765, -0.15435408121516214, 0.63031353909858856, 0.12963187095930445, -0.023490080525871454, 0.54724233446045123, -0.12139056543981208, 0.17654926996001288, 0.025995395332961836, 0.77398055046893821, -0.10579656089349218, -0.086817672939602977, 0.6465854408084849, 0.071184339660194287, 0.17711263146877779, 0.43154737736811716, 0.1498553782242851, -0.035745449121934489, 0.020147730460119098, 0.64802812588881253],
  kaiser_L3_phi: [0.99999999999999933, 0.58097646695302596, 0.5470186698667876, 0.58097646695302596, 1.0000000000000011, 0.5573957965990477, 0.5470186698667876, 0.5573957965990477, 1.0000000000000007],
  kaiser_L3_rotmat: [1.2558112422698189, -0.29214317926638134, -0.32769953996531875, -0.29741863634427385, 1.2362732673866323, -0.23058449932197878, -0.16973807680010269, -0.32982100848428214, 1.2115249662495671],};

/** max |m − ref| with ref given row by row. */
function gap(m: Matrix, ref: number[]): number {
  expect(m.rows * m.cols).toBe(ref.length);
  let g = 0;
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) g = Math.max(g, Math.abs(m.data[i + j * m.rows] - ref[i * m.cols + j]));
  return g;
}
const isIdentity = (m: Matrix, k: number): boolean => m.rows === k && m.cols === k && Array.from(m.data).every((v, t) => v === (t % (k + 1) === 0 ? 1 : 0));

describe('varimax (stats::varimax)', () => {
  it('4 × 2, Kaiser normalization (default): loadings, rotation matrix, iterations, identity Φ', () => {
    const r = varimax(matrixFromRows(L));
    expect(gap(r.loadings, REF.varimax_L_loadings)).toBeLessThan(1e-12);
    expect(gap(r.rotmat, REF.varimax_L_rotmat)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(58);
    expect(r.converged).toBe(true);
    expect(isIdentity(r.phi, 2)).toBe(true);
  });
  it('4 × 2 without normalization', () => {
    const r = varimax(matrixFromRows(L), { normalize: false });
    expect(gap(r.loadings, REF.varimax_L_nonorm_loadings)).toBeLessThan(1e-12);
    expect(gap(r.rotmat, REF.varimax_L_nonorm_rotmat)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(23);
    expect(r.converged).toBe(true);
  });
  it('7 × 3: default tolerance, a tight tolerance, and a run capped at 2 iterations (not converged)', () => {
    const r = varimax(matrixFromRows(L3));
    expect(gap(r.loadings, REF.varimax_L3_loadings)).toBeLessThan(1e-12);
    expect(gap(r.rotmat, REF.varimax_L3_rotmat)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(7);
    expect(isIdentity(r.phi, 3)).toBe(true);
    const t = varimax(matrixFromRows(L3), { eps: 1e-12 });
    expect(gap(t.loadings, REF.varimax_L3_eps_loadings)).toBeLessThan(1e-12);
    expect(t.iterations).toBe(22);
    expect(t.converged).toBe(true);
    const c = varimax(matrixFromRows(L3), { maxIterations: 2 });
    expect(gap(c.loadings, REF.varimax_L3_maxit2_loadings)).toBeLessThan(1e-12);
    expect(c.iterations).toBe(2);
    expect(c.converged).toBe(false);
  });
  it('one factor: the loadings are copied, identity rotation, no iteration', () => {
    const a = matrixFromRows([[0.5], [0.6], [0.7]]);
    const r = varimax(a);
    expect(Array.from(r.loadings.data)).toEqual([0.5, 0.6, 0.7]);
    expect(r.loadings.data).not.toBe(a.data);
    expect(r.loadings.rows).toBe(3);
    expect(r.loadings.cols).toBe(1);
    expect(Array.from(r.rotmat.data)).toEqual([1]);
    expect(Array.from(r.phi.data)).toEqual([1]);
    expect(r.iterations).toBe(0);
    expect(r.converged).toBe(true);
  });
  it('the input is left unchanged; not a Matrix → TypeError', () => {
    const a = matrixFromRows(L3);
    const before = Array.from(a.data);
    varimax(a);
    expect(Array.from(a.data)).toEqual(before);
    expect(() => varimax(null as unknown as Matrix)).toThrow(TypeError);
    expect(() => varimax(null as unknown as Matrix)).toThrow(/^varimax\(loadings\): expected a Matrix$/);
    expect(() => varimax({ rows: 2, cols: 2, data: [1, 0, 0, 1] } as unknown as Matrix)).toThrow(/^varimax\(loadings\): expected a Matrix$/);
  });
});

describe('oblimin (GPArotation::oblimin, gradient projection)', () => {
  it('4 × 2, quartimin without normalization (defaults): loadings, Φ, rotation matrix t(solve(Th)), iterations', () => {
    const r = oblimin(matrixFromRows(L));
    expect(gap(r.loadings, REF.oblimin_L_loadings)).toBeLessThan(1e-9);
    expect(gap(r.phi, REF.oblimin_L_phi)).toBeLessThan(1e-9);
    // psych's rot.mat = t(solve(Th)); Th from GPArotation
    const th = REF.oblimin_L_Th;
    const det = th[0] * th[3] - th[1] * th[2];
    const tInvT = [th[3] / det, -th[2] / det, -th[1] / det, th[0] / det];
    expect(gap(r.rotmat, tInvT)).toBeLessThan(1e-9);
    expect(r.iterations).toBe(7);
    expect(r.converged).toBe(true);
  });
  it('7 × 3, quartimin: loadings, Φ, iterations', () => {
    const r = oblimin(matrixFromRows(L3));
    expect(gap(r.loadings, REF.oblimin_L3_loadings)).toBeLessThan(1e-9);
    expect(gap(r.phi, REF.oblimin_L3_phi)).toBeLessThan(1e-9);
    expect(r.iterations).toBe(25);
    expect(r.converged).toBe(true);
  });
  it('γ = 0.5 (oblimin family)', () => {
    const r = oblimin(matrixFromRows(L3), { gamma: 0.5 });
    expect(gap(r.loadings, REF.oblimin_L3_g05_loadings)).toBeLessThan(1e-9);
    expect(gap(r.phi, REF.oblimin_L3_g05_phi)).toBeLessThan(1e-9);
    expect(r.iterations).toBe(36);
  });
  it('Kaiser normalization (normalize = TRUE): rows scaled back afterwards', () => {
    const r = oblimin(matrixFromRows(L3), { normalize: true });
    expect(gap(r.loadings, REF.oblimin_L3_norm_loadings)).toBeLessThan(1e-9);
    expect(gap(r.phi, REF.oblimin_L3_norm_phi)).toBeLessThan(1e-9);
    expect(r.iterations).toBe(27);
  });
  it('capped at 3 iterations: GPArotation’s loadings after 3 steps, not converged', () => {
    const r = oblimin(matrixFromRows(L3), { maxIterations: 3 });
    expect(gap(r.loadings, REF.oblimin_L3_maxit3_loadings)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(3);
    expect(r.converged).toBe(false);
  });
  it('the input is left unchanged; errors: not a Matrix → TypeError, one factor → RangeError', () => {
    const a = matrixFromRows(L3);
    const before = Array.from(a.data);
    oblimin(a, { normalize: true });
    expect(Array.from(a.data)).toEqual(before);
    expect(() => oblimin(null as unknown as Matrix)).toThrow(TypeError);
    expect(() => oblimin(null as unknown as Matrix)).toThrow(/^oblimin\(loadings\): expected a Matrix$/);
    expect(() => oblimin({ rows: 2, cols: 2, data: [1, 0, 0, 1] } as unknown as Matrix)).toThrow(/^oblimin\(loadings\): expected a Matrix$/);
    expect(() => oblimin(matrixFromRows([[0.5], [0.6], [0.7]]))).toThrow(RangeError);
    expect(() => oblimin(matrixFromRows([[0.5], [0.6], [0.7]]))).toThrow(/^oblimin\(loadings\): rotation needs at least 2 factors, got 1$/);
  });
});

describe('promax (stats::promax; psych::kaiser for normalize = "full")', () => {
  const check = (r: RotationResult, key: string, tol: number): void => {
    expect(gap(r.loadings, REF[`${key}_loadings`])).toBeLessThan(tol);
    expect(gap(r.phi, REF[`${key}_phi`])).toBeLessThan(tol);
  };
  it('4 × 2, m = 4 (default): loadings, rotation matrix, Φ; varimax iterations and convergence passed on', () => {
    const r = promax(matrixFromRows(L));
    check(r, 'promax_L', 1e-12);
    expect(gap(r.rotmat, REF.promax_L_rotmat)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(58);
    expect(r.converged).toBe(true);
  });
  it('7 × 3, m = 4 and m = 3', () => {
    const r = promax(matrixFromRows(L3), { normalize: 'varimax' });
    check(r, 'promax_L3', 1e-12);
    expect(gap(r.rotmat, REF.promax_L3_rotmat)).toBeLessThan(1e-12);
    expect(r.iterations).toBe(7);
    check(promax(matrixFromRows(L3), { m: 3 }), 'promax_L3_m3', 1e-12);
  });
  it('normalize = "full": rows scaled by √h² around the whole promax (psych::kaiser(L3, rotate = "Promax"))', () => {
    const r = promax(matrixFromRows(L3), { normalize: 'full' });
    check(r, 'kaiser_L3', 1e-12);
    expect(gap(r.rotmat, REF.kaiser_L3_rotmat)).toBeLessThan(1e-12);
  });
  it('Φ has a unit diagonal (cov2cor) and is symmetric', () => {
    const r = promax(matrixFromRows(L3), { normalize: 'full' });
    for (let a = 0; a < 3; a++) {
      expect(r.phi.data[a + a * 3]).toBeCloseTo(1, 15);
      for (let b = 0; b < 3; b++) expect(r.phi.data[a + b * 3]).toBe(r.phi.data[b + a * 3]);
    }
  });
  it('one factor: the varimax result (copy of the input, identity)', () => {
    const r = promax(matrixFromRows([[0.5], [0.6], [0.7]]));
    expect(Array.from(r.loadings.data)).toEqual([0.5, 0.6, 0.7]);
    expect(Array.from(r.phi.data)).toEqual([1]);
    expect(r.iterations).toBe(0);
    const f = promax(matrixFromRows([[0.5], [-0.6], [0.7]]), { normalize: 'full' });
    // hand: each row divided by its own length |l| gives ±1
    expect(Array.from(f.loadings.data)).toEqual([1, -1, 1]);
  });
  it('the input is left unchanged; errors: not a Matrix → TypeError, unknown normalize → RangeError', () => {
    const a = matrixFromRows(L3);
    const before = Array.from(a.data);
    promax(a, { normalize: 'full' });
    promax(a);
    expect(Array.from(a.data)).toEqual(before);
    expect(() => promax(null as unknown as Matrix)).toThrow(TypeError);
    expect(() => promax(null as unknown as Matrix)).toThrow(/^promax\(loadings\): expected a Matrix$/);
    expect(() => promax({ rows: 2, cols: 2, data: [1, 0, 0, 1] } as unknown as Matrix)).toThrow(/^promax\(loadings\): expected a Matrix$/);
    expect(() => promax(matrixFromRows(L), { normalize: 'kaiser' as 'full' })).toThrow(RangeError);
    expect(() => promax(matrixFromRows(L), { normalize: 'kaiser' as 'full' })).toThrow(/^promax\(options\.normalize\): expected 'varimax' or 'full', got kaiser$/);
  });
});
