/**
 * The doctest runner: finds every exported function of every package (following the `export …
 * from` chains of `src/index.ts`), reads the `@example` blocks of their doc comments, runs them,
 * and compares each value with the output written in the comment.
 *
 * ## The convention
 *
 * An example is TypeScript. A comment `//=> value` asserts the value of the statement it follows,
 * on the same line or on the next line:
 *
 * ```ts
 * wilsonInterval(45, 100).lower; //=> 0.3560…
 * const t = chiSquareTest([[10, 20], [30, 40]]);
 * //=> { statistic: 0.4464…, df: 1, … }
 * t.warnings; //=> []
 * ```
 *
 * - After an expression statement, the value is the expression's; after `const x = …`, it is `x`'s.
 * - A value is written like a JavaScript literal: numbers, `NaN`, `Infinity`, `'text'` or
 *   `"text"`, `true`, `false`, `null`, `undefined`, arrays, objects, `Float64Array [1, 2]`.
 *   A value may span several comment lines while its brackets are open.
 * - Numbers are compared to the digits written: `0.3560…` (an ellipsis after the digits) passes
 *   within one unit of the last digit shown; `0.356` (no ellipsis) passes when the value rounds to
 *   it (half a unit); a number written without a decimal point is compared to 1e-9 relative
 *   (floating-point noise aside, exactly). `1.54e-7` and `1.5395…e-7` follow the same rules on their mantissa.
 * - In an object, `…` stands for the keys not shown; without it the keys must be exactly those
 *   written (keys whose value is `undefined` are ignored). In an array, a last `…` stands for the
 *   elements not shown. A string followed by `…` is a prefix; no-break spaces in the value
 *   (French number formatting) match plain spaces in the comment.
 * - A note in parentheses may follow a value: `//=> 2 (column 3 = column 1 + column 2)`.
 * - `//=> throws RangeError` (or `throws RangeError: start of the message…`) asserts the
 *   statement throws that error; the example goes on after it.
 * - The package's own exports are in scope; other packages come in by
 *   `import { x } from '@satlab/other'` (or `'node:fs'`…) lines. Top-level `await` works. Files are read relative
 *   to the repository root.
 * - Every example has at least one `//=>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** One exported function and its documentation. */
export interface DocFunction {
  pkg: string;
  name: string;
  file: string;
  line: number;
  hasComment: boolean;
  examples: DocExample[];
}

/** One `@example` block. */
export interface DocExample {
  code: string;
  /** Line of the `@example` tag in the file (1-based). */
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Finding exported functions

interface Found {
  node: ts.Node;
  sf: ts.SourceFile;
}

const sourceCache = new Map<string, ts.SourceFile>();
function source(file: string): ts.SourceFile {
  let sf = sourceCache.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    sourceCache.set(file, sf);
  }
  return sf;
}

function resolveModule(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const c of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(c)) return c;
  return undefined;
}

const isExported = (n: ts.Node): boolean =>
  ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The declarations named `name` exported by `file` (following re-exports), if it is a function. */
function findFunction(file: string, name: string, seen = new Set<string>()): Found[] | undefined {
  const key = `${file}#${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const sf = source(file);
  const local: Found[] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name) local.push({ node: st, sf });
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) local.push({ node: st, sf });
      }
    }
  }
  if (local.length > 0) return local;
  for (const st of sf.statements) {
    if (!ts.isExportDeclaration(st) || st.isTypeOnly || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const target = resolveModule(file, st.moduleSpecifier.text);
    if (!target) continue;
    if (!st.exportClause) {
      const r = findFunction(target, name, seen);
      if (r) return r;
    } else if (ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (el.isTypeOnly || el.name.text !== name) continue;
        return findFunction(target, (el.propertyName ?? el.name).text, seen);
      }
    }
  }
  // `import { a } from './x.js'; export { a };`
  for (const st of sf.statements) {
    if (!ts.isExportDeclaration(st) || st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
    for (const el of st.exportClause.elements) {
      if (el.name.text !== name) continue;
      const local2 = (el.propertyName ?? el.name).text;
      for (const im of sf.statements) {
        if (!ts.isImportDeclaration(im) || !ts.isStringLiteral(im.moduleSpecifier)) continue;
        const nb = im.importClause?.namedBindings;
        if (!nb || !ts.isNamedImports(nb)) continue;
        const e = nb.elements.find((x) => x.name.text === local2);
        const target = e && resolveModule(file, im.moduleSpecifier.text);
        if (e && target) return findFunction(target, (e.propertyName ?? e.name).text, seen);
      }
    }
  }
  return undefined;
}

/** The names a module exports as values (not types), following `export *`. */
function exportedNames(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const sf = source(file);
  const names: string[] = [];
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st)) {
      if (st.isTypeOnly) continue;
      if (!st.exportClause) {
        const target = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? resolveModule(file, st.moduleSpecifier.text) : undefined;
        if (target) names.push(...exportedNames(target, seen));
      } else if (ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) if (!el.isTypeOnly) names.push(el.name.text);
      }
    } else if (isExported(st)) {
      if (ts.isFunctionDeclaration(st) && st.name) names.push(st.name.text);
      if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
      if (ts.isClassDeclaration(st) && st.name) names.push(st.name.text);
    }
  }
  return [...new Set(names)];
}

/** The raw text of the doc comment (`/** … *\/`) right before a declaration, stars removed. */
function docCommentOf(f: Found): { text: string; line: number } | undefined {
  const full = f.sf.getFullText();
  const ranges = ts.getLeadingCommentRanges(full, f.node.getFullStart()) ?? [];
  const r = [...ranges].reverse().find((c) => full.slice(c.pos, c.pos + 3) === '/**');
  if (!r) return undefined;
  const raw = full.slice(r.pos + 3, r.end - 2);
  const text = raw
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n');
  return { text, line: f.sf.getLineAndCharacterOfPosition(r.pos).line + 1 };
}

function examplesOf(doc: { text: string; line: number }): DocExample[] {
  const lines = doc.text.split('\n');
  const out: DocExample[] = [];
  let cur: { code: string[]; line: number } | undefined;
  const flush = (): void => {
    if (cur) out.push({ code: cur.code.join('\n').replace(/^\s*```\w*\s*$/gm, '').trim(), line: cur.line });
    cur = undefined;
  };
  lines.forEach((l, i) => {
    const tag = /^@(\w+)\s?(.*)$/.exec(l);
    if (tag) {
      flush();
      if (tag[1] === 'example') cur = { code: tag[2].trim() ? [tag[2]] : [], line: doc.line + i };
    } else if (cur) cur.code.push(l);
  });
  flush();
  return out;
}

/** Packages with a public entry point (the CLI and the benchmarks are programs, not libraries). */
export function libraryPackages(root: string): string[] {
  return ['alerts', 'barometer', 'charts', 'data', 'drivers', 'format', 'messages', 'notebook', 'present', 'report', 'rfm', 'stats', 'survey', 'synth', 'text'].filter((p) =>
    existsSync(join(root, 'packages', p, 'src', 'index.ts')),
  );
}

/** Every exported function of a package, with its doc comment's examples. */
export function documentedFunctions(root: string, pkg: string): DocFunction[] {
  const index = join(root, 'packages', pkg, 'src', 'index.ts');
  const out: DocFunction[] = [];
  for (const name of exportedNames(index)) {
    const found = findFunction(index, name);
    if (!found) continue;
    // Overloads: the first declaration with a doc comment documents them all.
    const doc = found.map(docCommentOf).find((d) => d !== undefined);
    const first = found[0];
    out.push({
      pkg,
      name,
      file: first.sf.fileName.slice(root.length).replace(/^\//, ''),
      line: first.sf.getLineAndCharacterOfPosition(first.node.getStart()).line + 1,
      hasComment: doc !== undefined && doc.text.replace(/@\w+[\s\S]*$/, '').trim().length > 0,
      examples: doc ? examplesOf(doc) : [],
    });
  }
  return out;
}

/** The names of a package's runtime exports (to put in an example's scope). */
export function packageExports(root: string, pkg: string): string[] {
  return exportedNames(join(root, 'packages', pkg, 'src', 'index.ts'));
}

// ---------------------------------------------------------------------------------------------
// Expected values

/** A parsed `//=>` value. */
export type Expected =
  | { k: 'number'; value: number; text: string; tol: 'exact' | 'round' | 'trunc' }
  | { k: 'string'; value: string; prefix: boolean }
  | { k: 'literal'; value: boolean | null | undefined }
  | { k: 'array'; items: Expected[]; more: boolean; typed?: string }
  | { k: 'object'; entries: [string, Expected][]; more: boolean }
  | { k: 'throws'; name: string; message?: string };

/** Parses the text of a `//=>` value. */
export function parseExpected(text: string): Expected {
  const s = text.trim();
  const th = /^throws\s+([A-Za-z]+)(?::\s*([\s\S]*))?$/.exec(s);
  if (th) return { k: 'throws', name: th[1], message: th[2]?.trim().replace(/…$/, '') };
  let i = 0;
  const ws = (): void => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`//=> value: ${what} at ${i} in ${JSON.stringify(s)}`);
  };
  const value = (): Expected => {
    ws();
    const c = s[i];
    if (c === '[') return array();
    if (c === '{') return object();
    if (c === "'" || c === '"') {
      const q = c;
      let j = i + 1;
      let str = '';
      while (j < s.length && s[j] !== q) {
        if (s[j] === '\\') {
          const n = s[j + 1];
          str += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          j += 2;
        } else str += s[j++];
      }
      if (j >= s.length) fail('unterminated string');
      i = j + 1;
      const prefix = s[i] === '…';
      if (prefix) i++;
      return { k: 'string', value: str, prefix };
    }
    const num = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i.exec(s.slice(i));
    if (num) {
      i += num[0].length;
      let text = num[0];
      const trunc = s[i] === '…';
      if (trunc) i++;
      // `3.0159…e-7`: digits of the mantissa cut, then the exponent.
      const exp = trunc && !/e/i.test(text) ? /^e[+-]?\d+/i.exec(s.slice(i)) : null;
      if (exp) {
        text += exp[0];
        i += exp[0].length;
      }
      const hasFrac = /[.e]/i.test(text);
      return { k: 'number', value: Number(text), text, tol: trunc ? 'trunc' : hasFrac ? 'round' : 'exact' };
    }
    const word = /^-?[A-Za-z_$][\w$]*/.exec(s.slice(i));
    if (word) {
      i += word[0].length;
      const w = word[0];
      if (w === 'NaN') return { k: 'number', value: NaN, text: w, tol: 'exact' };
      if (w === 'Infinity' || w === '-Infinity') return { k: 'number', value: w === 'Infinity' ? Infinity : -Infinity, text: w, tol: 'exact' };
      if (w === 'true' || w === 'false') return { k: 'literal', value: w === 'true' };
      if (w === 'null') return { k: 'literal', value: null };
      if (w === 'undefined') return { k: 'literal', value: undefined };
      if (/^(?:Float64|Float32|Int32|Uint32|Int8|Uint8|Int16|Uint16)Array$/.test(w)) {
        ws();
        const a = array();
        if (a.k === 'array') a.typed = w;
        return a;
      }
      fail(`unknown word ${w}`);
    }
    return fail('a value expected');
  };
  const array = (): Expected => {
    i++;
    const items: Expected[] = [];
    let more = false;
    for (;;) {
      ws();
      if (s[i] === ']') {
        i++;
        break;
      }
      if (s[i] === '…') {
        more = true;
        i++;
        ws();
        if (s[i] !== ']') fail('… must be last in an array');
        continue;
      }
      items.push(value());
      ws();
      if (s[i] === ',') i++;
      else if (s[i] !== ']') fail(', or ] expected');
    }
    return { k: 'array', items, more };
  };
  const object = (): Expected => {
    i++;
    const entries: [string, Expected][] = [];
    let more = false;
    for (;;) {
      ws();
      if (s[i] === '}') {
        i++;
        break;
      }
      if (s[i] === '…') {
        more = true;
        i++;
      } else {
        let key: string;
        if (s[i] === "'" || s[i] === '"') {
          const v = value();
          key = (v as { value: string }).value;
        } else {
          const m = /^[A-Za-z_$][\w$]*/.exec(s.slice(i)) ?? fail('a key expected');
          key = m[0];
          i += key.length;
        }
        ws();
        if (s[i] !== ':') fail(': expected');
        i++;
        entries.push([key, value()]);
      }
      ws();
      if (s[i] === ',') i++;
      else if (s[i] !== '}') fail(', or } expected');
    }
    return { k: 'object', entries, more };
  };
  const v = value();
  ws();
  // A note may follow the value: `//=> 2 (column 3 = column 1 + column 2)`.
  if (i < s.length && !/^(?:\(|\/\/|—)/.test(s.slice(i))) fail('trailing text');
  return v;
}

/** One unit in the last digit written (of the mantissa, scaled by the exponent). */
function lastDigitUnit(text: string): number {
  const m = /^-?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return 0;
  const decimals = m[2]?.length ?? 0;
  const exp = m[3] ? Number(m[3]) : 0;
  return 10 ** (exp - decimals);
}

/** Differences between a value and its expected form; empty when they match. */
export function compare(actual: unknown, exp: Expected, path = '$'): string[] {
  const show = (v: unknown): string => {
    try {
      return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : x))?.slice(0, 200) ?? String(v);
    } catch {
      return String(v);
    }
  };
  switch (exp.k) {
    case 'number': {
      if (typeof actual !== 'number') return [`${path}: expected ${exp.text}, got ${show(actual)}`];
      if (Number.isNaN(exp.value)) return Number.isNaN(actual) ? [] : [`${path}: expected NaN, got ${actual}`];
      if (!Number.isFinite(exp.value)) return actual === exp.value ? [] : [`${path}: expected ${exp.text}, got ${actual}`];
      const unit = lastDigitUnit(exp.text);
      const tol = exp.tol === 'exact' ? 1e-9 * Math.max(1, Math.abs(exp.value)) : exp.tol === 'round' ? unit / 2 + 1e-12 * Math.abs(exp.value) : unit * (1 + 1e-9);
      return Math.abs(actual - exp.value) <= tol ? [] : [`${path}: expected ${exp.text}${exp.tol === 'trunc' ? '…' : ''}, got ${actual}`];
    }
    case 'string':
      if (typeof actual !== 'string') return [`${path}: expected ${JSON.stringify(exp.value)}, got ${show(actual)}`];
      {
        // French text uses no-break spaces (1 234,5 ; 12,3 %); a comment is written with plain ones.
        const a = actual.replace(/[\u00a0\u202f]/g, ' ');
        const e = exp.value.replace(/[\u00a0\u202f]/g, ' ');
        if (exp.prefix ? a.startsWith(e) : a === e) return [];
      }
      return [`${path}: expected ${JSON.stringify(exp.value)}${exp.prefix ? '…' : ''}, got ${JSON.stringify(actual)}`];
    case 'literal':
      return actual === exp.value ? [] : [`${path}: expected ${String(exp.value)}, got ${show(actual)}`];
    case 'array': {
      const isArr = Array.isArray(actual) || ArrayBuffer.isView(actual);
      if (!isArr) return [`${path}: expected an array, got ${show(actual)}`];
      const a = actual as ArrayLike<unknown>;
      const errs: string[] = [];
      if (exp.typed && (actual as object).constructor.name !== exp.typed) errs.push(`${path}: expected a ${exp.typed}, got a ${(actual as object).constructor.name}`);
      if (exp.more ? a.length < exp.items.length : a.length !== exp.items.length) errs.push(`${path}: expected ${exp.more ? 'at least ' : ''}${exp.items.length} elements, got ${a.length}`);
      exp.items.forEach((e, j) => {
        if (j < a.length) errs.push(...compare(a[j], e, `${path}[${j}]`));
      });
      return errs;
    }
    case 'object': {
      if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${show(actual)}`];
      const o = actual as Record<string, unknown>;
      const errs: string[] = [];
      const keys = new Set(exp.entries.map(([k]) => k));
      for (const [k, e] of exp.entries) {
        if (!(k in o) && !(e.k === 'literal' && e.value === undefined)) errs.push(`${path}.${k}: missing`);
        else errs.push(...compare(o[k], e, `${path}.${k}`));
      }
      if (!exp.more) {
        const extra = Object.keys(o).filter((k) => !keys.has(k) && o[k] !== undefined);
        if (extra.length > 0) errs.push(`${path}: keys not written in the example: ${extra.join(', ')} (add them or end the object with …)`);
      }
      return errs;
    }
    case 'throws':
      return [`${path}: expected ${exp.name} to be thrown, got ${show(actual)}`];
  }
}

// ---------------------------------------------------------------------------------------------
// Running an example

/** One `//=>` assertion of an example. */
interface Assertion {
  expected: Expected;
  text: string;
  line: number;
}

/**
 * Rewrites an example so that each statement followed by `//=>` hands its value to `__out(k, v)`
 * (or, for `throws`, runs inside `__throws(k, () => …)`), and the `@satlab/*` imports read the
 * loaded modules. Returns the JavaScript to run and the assertions.
 */
export function instrument(code: string): { js: string; assertions: Assertion[]; imports: string[] } {
  const lines = code.split('\n');
  const assertions: Assertion[] = [];
  // Locate the //=> comments and their values (which may continue while brackets are open).
  const marks: { pos: number; end: number; text: string; line: number }[] = [];
  const lineStart: number[] = [];
  let p = 0;
  for (const l of lines) {
    lineStart.push(p);
    p += l.length + 1;
  }
  for (let li = 0; li < lines.length; li++) {
    const at = lines[li].indexOf('//=>');
    if (at < 0) continue;
    let text = lines[li].slice(at + 4);
    let last = li;
    const open = (t: string): number => (t.replace(/'[^']*'|"[^"]*"/g, '').match(/[[{]/g)?.length ?? 0) - (t.replace(/'[^']*'|"[^"]*"/g, '').match(/[\]}]/g)?.length ?? 0);
    while (open(text) > 0 && last + 1 < lines.length && /^\s*\/\//.test(lines[last + 1]) && !lines[last + 1].includes('//=>')) {
      last++;
      text += ' ' + lines[last].replace(/^\s*\/\//, '').trim();
    }
    marks.push({ pos: lineStart[li] + at, end: lineStart[last] + lines[last].length, text: text.trim(), line: li + 1 });
    li = last;
  }
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const imports: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const mod = st.moduleSpecifier.text;
      imports.push(mod);
      const nb = st.importClause?.namedBindings;
      let binding = '';
      if (nb && ts.isNamedImports(nb)) binding = `const { ${nb.elements.map((e) => (e.propertyName ? `${e.propertyName.text}: ${e.name.text}` : e.name.text)).join(', ')} } = __import(${JSON.stringify(mod)});`;
      else if (nb && ts.isNamespaceImport(nb)) binding = `const ${nb.name.text} = __import(${JSON.stringify(mod)});`;
      edits.push({ start: st.getStart(), end: st.getEnd(), text: st.importClause?.isTypeOnly ? '' : binding });
    }
  }
  marks.forEach((m, k) => {
    const expected = parseExpected(m.text);
    assertions.push({ expected, text: m.text, line: m.line });
    const st = [...sf.statements].reverse().find((s) => s.getEnd() <= m.pos);
    if (!st) throw new SyntaxError(`line ${m.line}: //=> before any statement`);
    const between = code.slice(st.getEnd(), m.pos);
    if (between.replace(/\/\/[^\n]*|\s/g, '').length > 0) throw new SyntaxError(`line ${m.line}: //=> does not follow a statement`);
    const body = code.slice(st.getStart(), st.getEnd());
    if (expected.k === 'throws') {
      edits.push({ start: st.getStart(), end: st.getEnd(), text: `await __throws(${k}, async () => { ${body} });` });
    } else if (ts.isExpressionStatement(st)) {
      const e = st.expression;
      edits.push({ start: st.getStart(), end: st.getEnd(), text: `__out(${k}, (${code.slice(e.getStart(), e.getEnd())}));` });
    } else if (ts.isVariableStatement(st)) {
      const decls = st.declarationList.declarations;
      const d = decls[decls.length - 1];
      if (!ts.isIdentifier(d.name)) throw new SyntaxError(`line ${m.line}: //=> after a destructuring declaration`);
      edits.push({ start: st.getEnd(), end: st.getEnd(), text: ` __out(${k}, ${d.name.text});` });
    } else throw new SyntaxError(`line ${m.line}: //=> after a statement that has no value`);
  });
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const js = ts.transpileModule(out, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false } }).outputText;
  return { js: js.replace(/^export \{\};?\s*$/m, ''), assertions, imports };
}

/**
 * Runs an example with `scope` (a package's exports) and `modules` (for its imports); returns
 * the failures (empty when every `//=>` holds).
 */
export async function runExample(code: string, scope: Record<string, unknown>, modules: Record<string, Record<string, unknown>>): Promise<string[]> {
  const { js, assertions } = instrument(code);
  if (assertions.length === 0) return ['the example has no //=> assertion'];
  const seen = new Map<number, unknown>();
  const thrown = new Map<number, unknown>();
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...a: string[]) => (...args: unknown[]) => Promise<void>;
  const fn = new AsyncFunction(...names, '__out', '__throws', '__import', `{\n${js}\n}`);
  const __import = (m: string): Record<string, unknown> => {
    const mod = modules[m];
    if (!mod) throw new Error(`example imports ${m}, which the doctest runner does not load`);
    return mod;
  };
  await fn(
    ...names.map((n) => scope[n]),
    (k: number, v: unknown) => {
      if (!seen.has(k)) seen.set(k, v);
    },
    async (k: number, f: () => Promise<void>) => {
      try {
        await f();
      } catch (e) {
        thrown.set(k, e);
        return;
      }
      seen.set(k, '(nothing thrown)');
    },
    __import,
  );
  const failures: string[] = [];
  assertions.forEach((a, k) => {
    const where = `line ${a.line} of the example (//=> ${a.text.length > 80 ? a.text.slice(0, 80) + '…' : a.text})`;
    if (a.expected.k === 'throws') {
      const e = thrown.get(k);
      if (!(e instanceof Error)) failures.push(`${where}: nothing thrown`);
      else if (e.name !== a.expected.name && e.constructor.name !== a.expected.name) failures.push(`${where}: threw ${e.name}: ${e.message}`);
      else if (a.expected.message && !e.message.startsWith(a.expected.message)) failures.push(`${where}: message ${JSON.stringify(e.message)}`);
      return;
    }
    if (!seen.has(k)) {
      failures.push(`${where}: statement not reached`);
      return;
    }
    for (const d of compare(seen.get(k), a.expected)) failures.push(`${where}: ${d}`);
  });
  return failures;
}
