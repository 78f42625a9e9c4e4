import { describe, expect, it } from 'vitest';
import { defineMessages, renderMessage, registeredCodes, SatlabError, isMessage } from '../src/index.js';

const msg = defineMessages('test', {
  smallExpected: {
    en: (p: { below: number; min: number }, f) => `${f.num(p.below)} cell(s) below 5 (minimum ${f.num(p.min)})`,
    fr: (p: { below: number; min: number }, f) => `${f.num(p.below)} case(s) sous 5 (minimum ${f.num(p.min)})`,
  },
  names: {
    en: (p: { items: readonly string[] }, f) => `columns ${f.list(p.items.map(f.q))}`,
    fr: (p: { items: readonly string[] }, f) => `colonnes ${f.list(p.items.map(f.q))}`,
  },
});

describe('structured messages', () => {
  it('builds a JSON-safe message with code, params and English text', () => {
    const m = msg.smallExpected({ below: 3, min: 2.5 });
    expect(m).toEqual({ code: 'test.smallExpected', params: { below: 3, min: 2.5 }, text: '3 cell(s) below 5 (minimum 2.5)' });
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
  it('renders French with a decimal comma, and a JSON round trip renders the same', () => {
    const m = msg.smallExpected({ below: 3, min: 2.5 });
    expect(renderMessage(m, 'fr')).toBe('3 case(s) sous 5 (minimum 2,5)');
    expect(renderMessage(JSON.parse(JSON.stringify(m)), 'fr')).toBe('3 case(s) sous 5 (minimum 2,5)');
    expect(renderMessage(m, 'en')).toBe(m.text);
  });
  it('joins and quotes lists in each language', () => {
    expect(renderMessage(msg.names({ items: ['a', 'b', 'c'] }), 'fr')).toBe('colonnes «\u00a0a\u00a0», «\u00a0b\u00a0» et «\u00a0c\u00a0»');
    expect(msg.names({ items: ['a', 'b'] }).text).toBe('columns “a” and “b”');
  });
  it('keeps the text of an unknown code', () => {
    expect(renderMessage({ code: 'nowhere.x', params: {}, text: 'as is' }, 'fr')).toBe('as is');
    expect(renderMessage('plain', 'fr')).toBe('plain');
  });
  it('registers every code', () => {
    expect(registeredCodes()).toEqual(expect.arrayContaining(['test.smallExpected', 'test.names']));
  });
  it('SatlabError carries the code and renders in French', () => {
    const e = new SatlabError(msg.smallExpected({ below: 1, min: 0.5 }));
    expect(e.message).toBe('1 cell(s) below 5 (minimum 0.5)');
    expect(e.code).toBe('test.smallExpected');
    expect(e.render('fr')).toBe('1 case(s) sous 5 (minimum 0,5)');
    expect(isMessage(e.detail)).toBe(true);
    expect(isMessage('x')).toBe(false);
  });
});
