export { installKernel, privateKernel } from './kernel.js';
export type { KernelInstall, KernelInstallOptions, PrivateKernel } from './kernel.js';
export { show } from './show.js';
export { setLang, getLang } from './lang.js';
export { toBundle } from './toBundle.js';
export { isDisplayable } from './presentation.js';
export { displayBundle } from './displayBundle.js';
export type { MimeBundle, ShowOptions } from './types.js';
