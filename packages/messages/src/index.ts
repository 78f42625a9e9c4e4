export type { Message, MessageParams, ParamValue, MessageTemplate, MessageFormat } from './types.js';
export { defineMessages, renderMessage, registeredCodes, hasMessage } from './registry.js';
export type { MessageFactories } from './registry.js';
export { messageFormat } from './format.js';
export { SatlabError, isMessage } from './SatlabError.js';
