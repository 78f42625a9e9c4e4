/**
 * What the satlab kernel adds to tslab. The kernelspec written by `installKernel` starts
 * `node --import <this file> tslab kernel …`, so this module runs before tslab and patches it:
 *
 * 1. **Errors reach the user.** tslab prints a failing cell's stack on stderr and answers the
 *    `execute_request` with `status: "error"` but no `ename`/`evalue`/`traceback`, so Jupyter
 *    clients that read the reply (nbclient, hence nbconvert and `satlab export`) report
 *    "`<Error>:`" and nothing else. The kernel now sends the standard iopub `error` message and
 *    fills the reply: the error's class and its message — a `SatlabError` in the notebook's
 *    language ({@link setLang}) — with the stack as traceback; the stderr copy is dropped.
 * 2. **A bare result at the end of a cell displays like `show()`.** tslab prints a cell's last
 *    value with `console.log`, i.e. Node's inspection (the raw object). During a cell,
 *    `console.log(x)` of a value {@link isDisplayable} recognises (a result, a chart, a table)
 *    sends `show(x)`'s display instead. The result objects themselves are untouched
 *    (`JSON.stringify` gives what it gave).
 *
 * 3. **Execution counts.** The standard `execute_input` message is broadcast before each cell (tslab
 *    does not), so executed notebooks number their cells like any kernel's.
 *
 * Nothing here runs outside the kernel: the module is only loaded by the kernelspec's `--import`.
 */
import { createRequire } from 'node:module';
import { format } from 'node:util';

const require = createRequire(import.meta.url);

interface State {
  /** A cell is being executed. */
  executing: boolean;
  /** What the running cell threw (if anything). */
  error: unknown;
  /** Its stderr text printed by tslab itself (TypeScript diagnostics). */
  diagnostics: string;
}
const state: State = { executing: false, error: undefined, diagnostics: '' };

type Notebook = typeof import('./index.js');
let notebook: Notebook | undefined;
/** @satlab/notebook itself, loaded on first need (it loads the charts and presenters). */
const lib = (): Notebook => (notebook ??= require('./index.js') as Notebook);

// 1a. Remember what a cell throws: tslab runs each cell through vm.runInThisContext.
const vm = require('node:vm') as typeof import('node:vm');
const runInThisContext = vm.runInThisContext;
vm.runInThisContext = function patched(this: unknown, code: string, options?: Parameters<typeof runInThisContext>[1]): unknown {
  if (!state.executing) return runInThisContext.call(vm, code, options);
  try {
    const ret = runInThisContext.call(vm, code, options) as unknown;
    if (ret instanceof Promise) {
      return ret.catch((e: unknown) => {
        state.error = e;
        throw e;
      });
    }
    return ret;
  } catch (e) {
    state.error = e;
    throw e;
  }
} as typeof runInThisContext;

// 1b. tslab prints what a cell threw with console.error(e): the error message replaces it.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]): void => {
  if (state.executing && args.length === 1 && args[0] === state.error && state.error !== undefined) return;
  if (state.executing) state.diagnostics += format(...args) + '\n';
  consoleError(...args);
};

// 2. Bare results: tslab prints the last value of a cell with console.log(value).
const consoleLog = console.log.bind(console);
console.log = (...args: unknown[]): void => {
  if (state.executing && args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
    try {
      const nb = lib();
      if (nb.isDisplayable(args[0])) {
        nb.show(args[0]);
        return;
      }
    } catch (e) {
      consoleError(e);
    }
  }
  consoleLog(...args);
};

/** `{ ename, evalue, traceback }` of what a cell threw, the message in the notebook's language. */
export function errorContent(error: unknown, diagnostics: string): { ename: string; evalue: string; traceback: string[] } {
  if (error === undefined) {
    const lines = diagnostics.trim().split('\n').filter(Boolean);
    return { ename: 'TypeScript', evalue: lines[0] ?? 'the cell failed', traceback: lines };
  }
  if (error instanceof Error) {
    const render = (error as { render?: unknown }).render;
    let evalue = error.message;
    if (typeof render === 'function') {
      try {
        evalue = String((render as (lang: string) => string).call(error, lib().getLang()));
      } catch {
        evalue = error.message;
      }
    }
    const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l) && !/node:|tslab[\\/]dist/.test(l));
    return { ename: error.name, evalue, traceback: [`\u001b[31m${error.name}\u001b[0m: ${evalue}`, ...frames] };
  }
  const evalue = typeof error === 'string' ? error : format(error);
  return { ename: 'Error', evalue, traceback: [`\u001b[31mError\u001b[0m: ${evalue}`] };
}

interface ZmqMessage {
  content: unknown;
  createReply(): { header: { msg_type: string }; content: unknown; signAndSend(key: string, sock: unknown): void };
}
interface ZmqServer {
  connInfo: { key: string };
  iopub: unknown;
  handler: {
    execCount: number;
    handleExecute(content: unknown, writeStream: (name: string, text: string) => void, writeDisplayData: (data: unknown, update: boolean) => void): Promise<Record<string, unknown>>;
  };
}

// 1c. The execute handler of tslab's ZMQ server, with the error message and a complete reply.
const jupyter = require('tslab/dist/jupyter.js') as { ZmqServer: { prototype: Record<string, unknown> } };
jupyter.ZmqServer.prototype.handleExecute = async function handleExecute(this: ZmqServer, sock: unknown, msg: ZmqMessage): Promise<void> {
  const send = (type: string, content: unknown): void => {
    const m = msg.createReply();
    m.header.msg_type = type;
    m.content = content;
    m.signAndSend(this.connInfo.key, this.iopub);
  };
  // Jupyter's protocol: broadcast the code and its execution count (tslab does not), so that
  // executed notebooks carry In [1], In [2]… like any kernel's.
  send('execute_input', { code: (msg.content as { code?: string }).code ?? '', execution_count: this.handler.execCount + 1 });
  state.executing = true;
  state.error = undefined;
  state.diagnostics = '';
  let content: Record<string, unknown>;
  try {
    content = await this.handler.handleExecute(
      msg.content,
      (name, text) => send('stream', { name, text }),
      (data, update) => send(update ? 'update_display_data' : 'display_data', data),
    );
  } finally {
    state.executing = false;
  }
  if (content.status === 'error') {
    const err = errorContent(state.error, state.diagnostics);
    send('error', err);
    content = { ...content, ...err };
  }
  const reply = msg.createReply();
  reply.header.msg_type = 'execute_reply';
  reply.content = content;
  reply.signAndSend(this.connInfo.key, sock);
};
