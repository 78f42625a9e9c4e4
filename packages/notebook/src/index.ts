export { installKernel } from './kernel.js';
export type { KernelInstall, KernelInstallOptions } from './kernel.js';
