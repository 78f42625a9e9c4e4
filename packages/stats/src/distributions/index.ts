export { logGamma, logBeta, regularizedGammaP, regularizedGammaQ, regularizedBeta, regularizedBetaXY, regularizedBetaUpper } from './special.js';
export { normalCdf, normalSf, normalQuantile } from './normal.js';
export { chiSquareCdf, chiSquareSf, chiSquareQuantile } from './chiSquare.js';
export { studentTCdf, studentTSf, studentTQuantile } from './studentT.js';
export { fisherFCdf, fisherFSf, fisherFQuantile } from './fisherF.js';
export { binomialPmf, binomialCdf, binomialSf } from './binomial.js';
export { betaCdf, betaQuantile } from './beta.js';
