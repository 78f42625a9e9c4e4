export { run } from './run.js';
export type { Command, CommandContext, OptionSpec, Lang } from './command.js';
export { UsageError } from './command.js';
