import { Clock, FakeSpreadsheet } from '../../support/gas';
import { load } from './bundle-dir';

describe('Sheet.getSheetValues with -1', () => {
  it('reads up to the last row and column with content, and throws on an empty sheet', () => {
    const gas = load(`function read(rows, cols) {
      var sheet = SpreadsheetApp.getActive().getSheets()[0];
      return sheet.getSheetValues(1, 1, rows, cols);
    }
    function fill() { SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, 3, 2).setValues([['a', 'b'], [1, 2], [3, '']]); }`);
    expect(() => gas.call('read', -1, -1)).toThrow('The number of rows in the range must be at least 1.');
    gas.call('fill');
    expect(gas.call('read', -1, -1)).toEqual([
      ['a', 'b'],
      [1, 2],
      [3, ''],
    ]);
    expect(gas.call('read', 1, -1)).toEqual([['a', 'b']]);
  });
});

describe('a clock shared by several runtimes', () => {
  it('moves time on for every user when one waits for a lock', () => {
    const start = new Date('2024-01-01T00:00:00Z').getTime();
    const clock = new Clock(() => new Date(start));
    const spreadsheet = new FakeSpreadsheet({ timeZone: 'Asia/Ho_Chi_Minh' });
    const code = 'function take() { return [LockService.getDocumentLock().tryLock(10000), Date.now()]; }';
    const a = load(code, { spreadsheet, clock, user: 'a@example.com' });
    const b = load(code, { spreadsheet, clock, user: 'b@example.com' });
    a.lock.holdBy('import job', { kind: 'document', forMs: 4000 });
    expect(b.call('take')).toEqual([true, start + 4000]);
    expect(a.clock.now()).toBe(start + 4000);
  });
});

describe('DocumentApp (opt-in)', () => {
  const code = `function make() {
    var doc = DocumentApp.create('Báo cáo');
    var body = doc.getBody();
    body.appendParagraph('Tiêu đề').setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendTable([['Mã', 'Nội dung'], ['1', 'Họp']]);
    doc.saveAndClose();
    return [doc.getUrl(), DocumentApp.openById(doc.getId()).getName()];
  }
  function bad() { DocumentApp.create('x').getBody().appendTable([[1]]); }`;

  it('is absent by default', () => {
    expect(() => load(code).call('make')).toThrow('DocumentApp is not defined');
  });

  it('creates documents with headed paragraphs and tables of strings', () => {
    const gas = load(code, { documentApp: true });
    expect(gas.call('make')).toEqual(['https://docs.google.com/document/d/fake-doc-1/edit', 'Báo cáo']);
    const [doc] = gas.documents.created;
    expect(doc.$closed).toBe(true);
    expect(doc.$body.getParagraphs().map((p) => [p.$heading, p.getText()])).toEqual([['TITLE', 'Tiêu đề']]);
    expect(doc.$body.getTables()[0].$cells).toEqual([
      ['Mã', 'Nội dung'],
      ['1', 'Họp'],
    ]);
    expect(() => gas.call('bad')).toThrow("don't match the method signature for DocumentApp.Body.appendTable");
  });
});
