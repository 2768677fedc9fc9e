/**
 * The lite reader's hand-written scanners (src/node/ooxml/read.ts)
 * against the patterns they stand for, on fixed and random input: the
 * attribute scanner against /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g (values
 * decoded, a later duplicate winning), the address parser against
 * /^\$?([A-Z]{1,3})\$?(\d{1,7})$/ with the column range check. The samples
 * (read.test.ts) only hold well-formed tags.
 */
import { attributes, decodeAddress } from '../../../src/node/ooxml/read';

function attributesReference(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw.indexOf('=') < 0) return out;
  const pattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(raw))) out[m[1]] = decodeText(m[2] ?? m[3] ?? '');
  return out;
}

/** The reader's xmlText, restated (line ends, entities, character references). */
function decodeText(raw: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return raw.replace(/\r\n?/g, '\n').replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (_m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) throw new Error('bad reference');
      return String.fromCodePoint(code);
    }
    if (named[ref] === undefined) throw new Error('entity');
    return named[ref];
  });
}

function addressReference(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) throw new Error('address');
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  if (col < 1 || col > 16384) throw new Error('column');
  return { row: Number(m[2]), col };
}

function outcome<T>(fn: () => T): { ok: T } | { threw: true } {
  try {
    return { ok: fn() };
  } catch {
    return { threw: true };
  }
}

/** A small deterministic generator (the tests must not be flaky). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the lite reader’s hand-written scanners give what the patterns give', () => {
  it('attributes', () => {
    const fixed = [
      '',
      ' r="A1" s="3" t="s"',
      ' r="5" spans="1:12" x14ac:dyDescent="0.25" hidden="1"',
      ' r=\'B2\' t = "str"',
      ' a="1"b="2"',
      ' a=x b="y"',
      ' a="unclosed b="2"',
      ' a= "b c="d"',
      ' a"b="c"',
      ' =="x" ="y"',
      ' r="A1" r="B2"',
      ' v="&lt;&amp;&#x1F600;&#65;"',
      ' v="&bogus;"',
      ' v="line\r\nbreak"',
      '\u00a0a="1"\u3000b=\'2\'',
      ' __proto__="x" constructor="y"',
    ];
    const next = random(7);
    const pieces = [
      'a',
      'r',
      's',
      't',
      ':',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '=',
      '"',
      "'",
      'x',
      '1',
      '&amp;',
      '&',
      ';',
      '>',
      '/',
      '\r',
    ];
    const texts = [...fixed];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(next() * 24);
      for (let k = 0; k < n; k++) t += pieces[Math.floor(next() * pieces.length)];
      texts.push(t);
    }
    const differ = texts.filter(
      (t) => JSON.stringify(outcome(() => attributes(t))) !== JSON.stringify(outcome(() => attributesReference(t))),
    );
    expect(differ).toEqual([]);
  });

  it('addresses', () => {
    const fixed = [
      'A1',
      '$A$1',
      'XFD1048576',
      'XFE1',
      'AAAA1',
      'A',
      '1',
      'A0',
      'A01',
      'a1',
      '$$A1',
      'A$$1',
      'A12345678',
      'ZZ9',
      '',
    ];
    const next = random(11);
    const pieces = ['A', 'B', 'X', 'F', 'D', 'Z', '$', '0', '1', '9', 'a', ' ', ':'];
    const texts = [...fixed];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(next() * 10);
      for (let k = 0; k < n; k++) t += pieces[Math.floor(next() * pieces.length)];
      texts.push(t);
    }
    const differ = texts.filter(
      (t) => JSON.stringify(outcome(() => decodeAddress(t))) !== JSON.stringify(outcome(() => addressReference(t))),
    );
    expect(differ).toEqual([]);
  });
});
