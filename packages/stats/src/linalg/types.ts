/**
 * Dense matrix, column-major like R/LAPACK: element (i, j) at `data[i + j * rows]`.
 * Shared contract of satlab's linear algebra (see the brief).
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/**
 * A QR decomposition as R's `qr(x, LAPACK = FALSE)` returns it (LINPACK `dqrdc2`):
 * `qr` holds R in its upper triangle and the Householder vectors below it (compact form),
 * `qraux` the first components of the Householder vectors, `pivot` the column order
 * (0-based; R's `pivot - 1`) and `rank` the numerical rank under the tolerance.
 */
export interface QR {
  qr: Matrix;
  qraux: Float64Array;
  /** Column permutation, 0-based: column `k` of the decomposition is column `pivot[k]` of x. */
  pivot: Int32Array;
  rank: number;
  /** The tolerance used for the rank decision (R's `tol`, default 1e-7). */
  tol: number;
}

/** Eigen-decomposition of a symmetric matrix: `a = V diag(values) V'`. */
export interface SymmetricEigen {
  /** Eigenvalues in decreasing order (R's `eigen(symmetric = TRUE)$values`). */
  values: Float64Array;
  /**
   * Orthonormal eigenvectors in the columns, in the order of `values`. Sign convention: the
   * component of largest magnitude of each vector is positive (first such component on ties).
   */
  vectors: Matrix;
}
