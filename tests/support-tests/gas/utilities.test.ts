import { createHash } from 'node:crypto';
import { load } from './bundle-dir';

const gas = load(
  `
function fmt(iso, tz, pattern) { return Utilities.formatDate(new Date(iso), tz, pattern); }
function digest(text) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text); }
function hex(text) { return digest(text).map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join(''); }
function b64(text) { var e = Utilities.base64Encode(text, Utilities.Charset.UTF_8); return [e, Utilities.newBlob(Utilities.base64Decode(e)).getDataAsString()]; }
function csv(text) { return Utilities.parseCsv(text); }
function format() { return Utilities.formatString('%s có %d đơn vị (%.1f%%) %05d', 'Huyện', 12.7, 45.678, 42); }
function sleep() { var before = Date.now(); Utilities.sleep(250); return Date.now() - before; }
`,
  // A fixed clock: with real time, a busy machine adds a millisecond between the two Date.now() calls.
  { now: () => new Date('2024-01-01T00:00:00Z') },
);

describe('Utilities.formatDate', () => {
  it('shows the wall time of the given zone, across midnight', () => {
    expect(gas.call('fmt', '2022-06-30T20:00:00Z', 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm')).toBe('01/07/2022 03:00');
    expect(gas.call('fmt', '2022-06-30T16:59:59Z', 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe(
      '30/06/2022 23:59:59',
    );
    expect(gas.call('fmt', '2022-06-30T20:00:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2022-06-30 16:00');
    expect(gas.call('fmt', '2022-06-30T20:00:00Z', 'GMT+7', 'd/M/yy H:m')).toBe('1/7/22 3:0');
  });

  it('supports the usual SimpleDateFormat letters and quoted literals', () => {
    const at = '2024-03-05T13:04:09.007Z';
    expect(gas.call('fmt', at, 'UTC', "EEE, EEEE d MMM MMMM yyyy 'at' h:mm a, SSS 'ms' ''")).toBe(
      "Tue, Tuesday 5 Mar March 2024 at 1:04 PM, 007 ms '",
    );
    expect(gas.call('fmt', at, 'Asia/Ho_Chi_Minh', "yyyy-MM-dd'T'HH:mm:ssXXX Z D u")).toBe(
      '2024-03-05T20:04:09+07:00 +0700 65 2',
    );
    expect(gas.call('fmt', at, 'UTC', 'X')).toBe('Z');
    expect(() => gas.call('fmt', at, 'UTC', 'yyyy-MM-dd q')).toThrow("Illegal pattern character 'q'");
  });

  it('treats an unknown time zone as GMT, like Java', () => {
    expect(gas.call('fmt', '2022-06-30T20:00:00Z', 'Mars/Olympus', 'HH:mm')).toBe('20:00');
  });
});

describe('Utilities, other', () => {
  it('computes digests as signed bytes', () => {
    const bytes = gas.call('digest', 'Thi đua') as number[];
    expect(bytes).toHaveLength(32);
    expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(gas.call('hex', 'Thi đua')).toBe(createHash('sha256').update('Thi đua', 'utf8').digest('hex'));
  });

  it('encodes and decodes base64 as UTF-8', () => {
    expect(gas.call('b64', 'Khen thưởng')).toEqual([Buffer.from('Khen thưởng').toString('base64'), 'Khen thưởng']);
  });

  it('parses CSV with quotes, doubled quotes and line breaks in fields', () => {
    expect(gas.call('csv', 'a,"b, c","say ""hi"""\r\n1,"multi\nline",\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', 'multi\nline', ''],
    ]);
  });

  it('formats strings like Java String.format', () => {
    expect(gas.call('format')).toBe('Huyện có 12 đơn vị (45.7%) 00042');
  });

  it('sleeps on the fake clock without waiting', () => {
    const started = Date.now();
    expect(gas.call('sleep')).toBe(250);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
