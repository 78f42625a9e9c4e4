import { createRequire, Module } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayBundle, getLang, isDisplayable, setLang, show, toBundle } from '@satlab/notebook';
import { chiSquareTest, crossTab } from '@satlab/stats';

// The module tslab's kernel keeps its display writer in, resolved as @satlab/notebook resolves it.
const requireFromNotebook = createRequire(new URL('../src/displayBundle.ts', import.meta.url));
const jupyterPath = requireFromNotebook.resolve('tslab/dist/jupyter.js');

/** Pretends to be inside a tslab kernel: a module-cache entry with a display writer. */
function fakeKernel(): ReturnType<typeof vi.fn> {
  const write = vi.fn();
  const m = new Module(jupyterPath);
  m.exports = { lastWriteDisplayData: write };
  m.loaded = true;
  requireFromNotebook.cache[jupyterPath] = m;
  return write;
}

afterEach(() => {
  delete requireFromNotebook.cache[jupyterPath];
  vi.restoreAllMocks();
});

describe('displayBundle', () => {
  it('returns false outside a tslab kernel and loads nothing of tslab', () => {
    expect(displayBundle({ data: { 'text/plain': 'x' }, metadata: {} })).toBe(false);
    expect(requireFromNotebook.cache[jupyterPath]).toBeUndefined();
  });

  it('sends the whole bundle as one display_data message inside a kernel', () => {
    const write = fakeKernel();
    const bundle = { data: { 'application/vnd.vegalite.v5+json': { mark: 'point' }, 'image/svg+xml': '<svg></svg>', 'text/plain': 'c' }, metadata: {} };
    expect(displayBundle(bundle)).toBe(true);
    expect(write).toHaveBeenCalledTimes(1);
    expect(write).toHaveBeenCalledWith({ data: bundle.data, metadata: {}, transient: {} }, false);
  });
});

describe('show', () => {
  it('sends toBundle(x) to the kernel and returns nothing (tslab would echo a returned value)', () => {
    const write = fakeKernel();
    const rows = [{ a: 1, b: '<i>' }];
    expect(show(rows, { lang: 'fr' })).toBeUndefined();
    expect(write).toHaveBeenCalledWith({ ...toBundle(rows, { lang: 'fr' }), transient: {} }, false);
  });

  it('prints the text/plain representation on stdout outside a kernel', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    show([{ a: 1 }], { lang: 'en' });
    expect(out).toHaveBeenCalledWith('1 row × 1 column\na\n─\n1\n');
  });

  it('takes its default language from LANG, like the CLI', () => {
    const write = fakeKernel();
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', 'fr_FR.UTF-8');
    show([{ x: 0.5 }]);
    expect(write.mock.calls[0][0].data['text/plain']).toContain('0,5');
    vi.unstubAllEnvs();
  });
});

describe('setLang and isDisplayable', () => {
  it('setLang sets the language of later displays until set again; an explicit lang still wins', () => {
    const write = fakeKernel();
    vi.stubEnv('LANG', 'C');
    setLang('fr');
    expect(getLang()).toBe('fr');
    show([{ x: 0.5 }]);
    show([{ x: 0.5 }], { lang: 'en' });
    setLang('en');
    show([{ x: 0.5 }]);
    const texts = write.mock.calls.map((c) => c[0].data['text/plain'] as string);
    expect(texts.map((t) => t.split('\n').at(-1))).toEqual(['0,5', '0.5', '0.5']);
    expect(() => setLang('de' as never)).toThrow(TypeError);
    vi.unstubAllEnvs();
  });

  it('recognises results, charts and tables as displayable, not other objects', () => {
    const ct = crossTab(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y']);
    expect(isDisplayable(ct)).toBe(true);
    expect(isDisplayable(chiSquareTest([[10, 20], [30, 5]]))).toBe(true);
    expect(isDisplayable({ mark: 'bar', data: { values: [] }, encoding: {} })).toBe(true);
    expect(isDisplayable({ a: 1 })).toBe(false);
    expect(isDisplayable([1, 2])).toBe(false);
    expect(isDisplayable('text')).toBe(false);
    // Nothing is added to the result: JSON is what it was.
    expect(Object.keys(JSON.parse(JSON.stringify(ct)))).toEqual(Object.keys(ct));
  });
});
