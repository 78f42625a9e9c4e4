export { installKernel } from './kernel.js';
export type { KernelInstall, KernelInstallOptions } from './kernel.js';
export { show } from './show.js';
export { toBundle } from './toBundle.js';
export { displayBundle } from './displayBundle.js';
export type { MimeBundle, ShowOptions } from './types.js';
