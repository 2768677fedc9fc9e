import { CsvError, csvField, parseCsv, parseCsvRecords, toCsv } from '../../../src/core/units';

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts CRLF, LF and lone CR record separators', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('does not add a record for the final line break, but keeps a missing one', () => {
    expect(parseCsv('x,y\n')).toEqual([['x', 'y']]);
    expect(parseCsv('x,y')).toEqual([['x', 'y']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('drops a byte order mark', () => {
    expect(parseCsv('\ufeffname,kind\r\nA,b\r\n')).toEqual([
      ['name', 'kind'],
      ['A', 'b'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,aliases\r\n"Phòng Tài chính, Kế hoạch","UBND ""A"";P. TC-KH"\r\n"two\r\nlines",x\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'aliases'],
      ['Phòng Tài chính, Kế hoạch', 'UBND "A";P. TC-KH'],
      ['two\nlines', 'x'],
    ]);
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(parseCsv('a,,c,\n"",b,"",\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'b', '', ''],
    ]);
  });

  it('keeps blank lines as one empty field (the caller skips them)', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('reports the line where each record starts', () => {
    const records = parseCsvRecords('h1,h2\n"multi\nline",1\nlast,2\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('throws a CsvError with the line of an unterminated quote', () => {
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
      throw new Error('expected a CsvError');
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).line).toBe(2);
      expect((e as CsvError).message).toMatch(/chưa được đóng/);
    }
  });

  it('rejects characters after a closing quote', () => {
    expect(() => parseCsv('"abc"def,1\n')).toThrow(CsvError);
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(parseCsv('Long Khánh "A",x\n')).toEqual([['Long Khánh "A"', 'x']]);
  });
});

describe('toCsv', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField(' edge')).toBe('" edge"');
  });

  it('round-trips awkward values through parseCsv', () => {
    const rows = [
      ['name', 'aliases'],
      ['Xã Long Khánh "A"', 'UBND xã Long Khánh A; Long Khánh “A”'],
      ['Phòng Tài chính, Kế hoạch', ''],
      ['multi\nline', ' lead and trail '],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
