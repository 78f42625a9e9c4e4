// Every @example of the doc comments of the packages' exported functions is run, and the values
// written after `//=>` are asserted (the convention is described in test/helpers/doctest.ts).
// So are the ```ts blocks of the packages' README.md files and of docs/*.md (the blocks of a page
// run in order as one program, like notebook cells) when they hold a `//=>`.
// A second test checks that every exported function has a doc comment and an example that
// asserts something; functions listed in test/doctest-missing.json (the ones without an example
// when the check was introduced) are let through, and the list may only shrink.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, documentedFunctions, instrument, libraryPackages, parseExpected, runExample } from './helpers/doctest.js';
import { root } from './helpers/satlab.js';

const packages = libraryPackages(root);
const functions = packages.flatMap((p) => documentedFunctions(root, p));
const missingAllowed = new Set<string>(JSON.parse(readFileSync(join(root, 'test', 'doctest-missing.json'), 'utf8')) as string[]);

const loaded = new Map<string, Record<string, unknown>>();
async function load(pkg: string): Promise<Record<string, unknown>> {
  let m = loaded.get(pkg);
  if (!m) {
    m = (await import(`@satlab/${pkg}`)) as Record<string, unknown>;
    loaded.set(pkg, m);
  }
  return m;
}

describe('the doctest runner itself', () => {
  it('compares numbers to the digits written: … is one unit of the last digit, no … rounds, integers are exact', () => {
    expect(compare(0.37459, parseExpected('0.3745…'))).toEqual([]);
    expect(compare(0.37469, parseExpected('0.3745…'))).toHaveLength(1);
    expect(compare(0.37454, parseExpected('0.3745'))).toEqual([]);
    expect(compare(0.37456, parseExpected('0.3745'))).toHaveLength(1);
    expect(compare(5, parseExpected('5'))).toEqual([]);
    expect(compare(5.001, parseExpected("5"))).toHaveLength(1);
    expect(compare(2 - 1e-15, parseExpected("2"))).toEqual([]);
    expect(compare(1.5395801674e-7, parseExpected('1.5395801674e-07'))).toEqual([]);
    expect(compare(1.54e-7, parseExpected('1.5395801674e-07'))).toHaveLength(1);
    expect(compare(NaN, parseExpected('NaN'))).toEqual([]);
    expect(compare(0, parseExpected('NaN'))).toHaveLength(1);
  });

  it('matches objects exactly unless … stands for the keys not shown, arrays and typed arrays by element', () => {
    expect(compare({ a: 1, b: 'x' }, parseExpected("{ a: 1, b: 'x' }"))).toEqual([]);
    expect(compare({ a: 1, b: 'x' }, parseExpected('{ a: 1 }'))).toEqual(['$: keys not written in the example: b (add them or end the object with …)']);
    expect(compare({ a: 1, b: 'x' }, parseExpected('{ a: 1, … }'))).toEqual([]);
    expect(compare({ a: [1, 2, 3] }, parseExpected('{ a: [1, 2, …] }'))).toEqual([]);
    expect(compare({ a: [1, 2, 3] }, parseExpected('{ a: [1, 2] }'))).toEqual(['$.a: expected 2 elements, got 3']);
    expect(compare(Float64Array.of(1, 2), parseExpected('Float64Array [1, 2]'))).toEqual([]);
    expect(compare([1, 2], parseExpected('Float64Array [1, 2]'))).toEqual(['$: expected a Float64Array, got a Array']);
    expect(compare('Bonjour le monde', parseExpected("'Bonjour'…"))).toEqual([]);
    expect(compare('12,3\u00a0% de 1\u202f234', parseExpected("'12,3 % de 1 234'"))).toEqual([]);
    expect(compare({ x: undefined, y: null }, parseExpected('{ y: null }'))).toEqual([]);
  });

  it('asserts the value of the statement a //=> follows, on its line or the next, and thrown errors', async () => {
    const code = ['const a = [1, 2, 3];', 'a.length; //=> 3', 'const b = a.map((x) => x * 2);', '//=> [2, 4,', '//   6]', "JSON.parse('{'); //=> throws SyntaxError", 'a[0]; //=> 1'].join('\n');
    expect(instrument(code).assertions.map((x) => x.text)).toEqual(['3', '[2, 4, 6]', 'throws SyntaxError', '1']);
    expect(await runExample(code, {}, {})).toEqual([]);
    const wrong = await runExample('const a = 2 + 2; //=> 5\n[1].length; //=> 1', {}, {});
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toContain('expected 5, got 4');
    expect(await runExample('1 + 1;', {}, {})).toEqual(['the example has no //=> assertion']);
  });
});

describe('every exported function has a doc comment and an example that asserts its output', () => {
  it('finds the exported functions of every library package', () => {
    expect(packages).toEqual(expect.arrayContaining(['stats', 'survey', 'rfm', 'drivers', 'data']));
    const stats = functions.filter((f) => f.pkg === 'stats').map((f) => f.name);
    expect(stats).toEqual(expect.arrayContaining(['chiSquareTest', 'wilsonInterval', 'pAdjust', 'crossTab']));
  });

  it('has a doc comment on every exported function', () => {
    const undocumented = functions.filter((f) => !f.hasComment).map((f) => `@satlab/${f.pkg} ${f.name} (${f.file}:${f.line})`);
    expect(undocumented, 'exported functions without a doc comment').toEqual([]);
  });

  it('has an @example with a //=> line on every exported function (except the list of those still missing, which may only shrink)', () => {
    const key = (f: { pkg: string; name: string }): string => `@satlab/${f.pkg} ${f.name}`;
    const withoutExample = functions.filter((f) => !f.examples.some((e) => e.code.includes('//=>')));
    // DOCTEST_WRITE_MISSING=1 rewrites the list (to record progress, never to let a new function through).
    if (process.env.DOCTEST_WRITE_MISSING === '1') writeFileSync(join(root, 'test', 'doctest-missing.json'), JSON.stringify(withoutExample.map(key).sort(), null, 2) + '\n');
    const newlyMissing = withoutExample.filter((f) => !missingAllowed.has(key(f))).map((f) => `${key(f)} (${f.file}:${f.line})`);
    expect(newlyMissing, 'exported functions without an @example asserting its output with //=> (see test/helpers/doctest.ts)').toEqual([]);
    const nowDone = [...missingAllowed].filter((k) => !withoutExample.some((f) => key(f) === k));
    expect(nowDone, 'these now have examples (or are gone): remove them from test/doctest-missing.json').toEqual([]);
  });
});

for (const pkg of packages) {
  const withExamples = functions.filter((f) => f.pkg === pkg && f.examples.some((e) => e.code.includes('//=>')));
  if (withExamples.length === 0) continue;
  describe(`@satlab/${pkg} examples`, () => {
    for (const f of withExamples) {
      f.examples.forEach((ex, i) => {
        it(`${f.name}${f.examples.length > 1 ? ` #${i + 1}` : ''} (${f.file}:${ex.line})`, async () => {
          const scope = await load(pkg);
          const { imports } = instrument(ex.code);
          const modules: Record<string, Record<string, unknown>> = {};
          for (const m of imports) modules[m] = m.startsWith('@satlab/') ? await load(m.slice('@satlab/'.length)) : ((await import(m)) as Record<string, unknown>);
          expect(await runExample(ex.code, scope, modules)).toEqual([]);
        });
      });
    }
  });
}

// README and docs pages: their ```ts blocks that assert something.
const pages = [
  ...packages.map((p) => ({ file: `packages/${p}/README.md`, pkg: p as string | undefined })),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: `docs/${f}`, pkg: undefined })),
].filter((x) => existsSync(join(root, x.file)));
for (const page of pages) {
  const md = readFileSync(join(root, page.file), 'utf8');
  // The blocks of a page run as one program, in order, like the cells of a notebook.
  const code = [...md.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
  if (!code.includes('//=>')) continue;
  const blocks = [{ code, line: md.indexOf('```ts') === -1 ? 0 : md.slice(0, md.indexOf('```ts')).split('\n').length + 1 }];
  describe(`${page.file} examples`, () => {
    for (const b of blocks) {
      it(`the \`\`\`ts blocks from line ${b.line}, run in order`, async () => {
        const scope = page.pkg ? await load(page.pkg) : {};
        const modules: Record<string, Record<string, unknown>> = {};
        for (const m of instrument(b.code).imports) modules[m] = m.startsWith('@satlab/') ? await load(m.slice('@satlab/'.length)) : ((await import(m)) as Record<string, unknown>);
        expect(await runExample(b.code, scope, modules)).toEqual([]);
      });
    }
  });
}
