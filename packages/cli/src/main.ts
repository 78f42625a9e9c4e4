#!/usr/bin/env node
/** Entry point of the `satlab` command: runs it with the process's arguments and sets the exit code. */
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
