import { FakeSpreadsheet, isDate } from '../../support/gas';
import { load, run } from './bundle-dir';

const sheetOf = (ss = new FakeSpreadsheet({ timeZone: 'Asia/Ho_Chi_Minh' })) => ss.getSheets()[0];

describe('Range geometry and A1 notation', () => {
  it('is 1-based, from numbers or A1 notation', () => {
    const sheet = sheetOf();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([
      2, 3, 4, 5, 5, 7,
    ]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
    sheet.insertColumnsAfter(26, 2);
    expect(sheet.getRange(1, 27, 1, 2).getA1Notation()).toBe('AA1:AB1');
    expect(sheet.getRange('$B$2:c3').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('Sheet1!B2').getA1Notation()).toBe('B2');
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A1:B1000');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('A2:AB3');
    expect(sheet.getRange('B3:C').getA1Notation()).toBe('B3:C1000');
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:F6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(r.getCell(2, 3).getA1Notation()).toBe('E3');
  });

  it('throws the real messages for bad coordinates', () => {
    const sheet = sheetOf();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
    expect(() => sheet.getRange('Other!A1')).toThrow('Range not found');
  });
});

describe('Range values', () => {
  it('reads empty cells as empty strings', () => {
    expect(sheetOf().getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('rejects data that does not fit the range with the real messages, writing nothing', () => {
    const r = sheetOf().getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(r.isBlank()).toBe(true);
  });

  it('stores what a user typing the value would get: formulas, text, numbers, booleans, dates', () => {
    const sheet = sheetOf();
    const r = sheet.getRange(1, 1, 1, 10);
    r.setValues([['=SUM(B1:B2)', "'=not a formula", '12', '-1.5', '007', '1e3', 'TRUE', '12%', '2022-07-01', "'0912"]]);
    expect(r.getFormulas()).toEqual([['=SUM(B1:B2)', '', '', '', '', '', '', '', '', '']]);
    const values = r.getValues()[0];
    expect(values.slice(0, 8)).toEqual(['#ERROR!', '=not a formula', 12, -1.5, 7, 1000, true, 0.12]);
    expect(isDate(values[8])).toBe(true);
    expect((values[8] as Date).toISOString()).toBe('2022-06-30T17:00:00.000Z'); // midnight in Asia/Ho_Chi_Minh
    expect(values[9]).toBe('0912');
    expect(r.getDisplayValues()[0].slice(6, 9)).toEqual(['TRUE', '12%', '2022-07-01']);
  });

  it('keeps strings as written in cells formatted as plain text (@)', () => {
    const r = sheetOf().getRange('A1:C1');
    r.setNumberFormat('@');
    r.setValues([['0912345678', '1.50', '=1+1']]);
    expect(r.getValues()).toEqual([['0912345678', '1.50', '=1+1']]);
    expect(r.getFormulas()).toEqual([['', '', '']]);
    expect(r.getNumberFormats()).toEqual([['@', '@', '@']]);
  });

  it('keeps numbers, booleans, dates; null and undefined clear the cell', () => {
    const r = sheetOf().getRange('A1:E1');
    const when = new Date('2022-07-01T01:02:03Z');
    r.setValues([[1.25, false, when, null, undefined]]);
    const [n, b, d, x, y] = r.getValues()[0];
    expect([n, b, x, y]).toEqual([1.25, false, '', '']);
    expect(d).toEqual(when);
    expect(d).not.toBe(when);
  });

  it('refuses objects, arrays and functions as cell values', () => {
    const r = sheetOf().getRange('A1:B1');
    expect(() => r.setValues([[1, { a: 1 }]])).toThrow(
      "The parameters (number[][]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => r.setValue([1])).toThrow("don't match the method signature for SpreadsheetApp.Range.setValue");
    expect(r.isBlank()).toBe(true);
  });

  it('setValue and setFormula fill every cell; getters without s read the top-left cell', () => {
    const r = sheetOf().getRange('A1:B2');
    r.setValue('x');
    expect(r.getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    r.setFormula('=A5');
    expect(r.getFormula()).toBe('=A5');
    expect(r.getValue()).toBe('#ERROR!');
  });

  it('lets a spreadsheet evaluate formulas when a test provides an evaluator', () => {
    const ss = new FakeSpreadsheet({ evaluateFormula: (f, where) => `${f}@${where.sheet}!R${where.row}C${where.col}` });
    const r = ss.getSheets()[0].getRange('B2');
    r.setFormula('=1+1');
    expect(r.getValue()).toBe('=1+1@Sheet1!R2C2');
  });

  it('formats display values with the number format in the spreadsheet time zone', () => {
    const r = sheetOf().getRange('A1:F1');
    r.setValues([[new Date('2022-06-30T20:00:00Z'), new Date('2022-06-30T20:00:00Z'), 1234567.891, 0.256, -3, 1 / 3]]);
    r.setNumberFormats([['dd/MM/yyyy', 'HH:mm dd/mm/yy', '#,##0.00', '0.0%', '0.00;(0.00)', '0.###############']]);
    expect(r.getDisplayValues()).toEqual([
      ['01/07/2022', '03:00 01/07/22', '1,234,567.89', '25.6%', '(3.00)', '0.3333333333'],
    ]);
    expect(r.getCell(1, 1).getDisplayValue()).toBe('01/07/2022');
  });

  it('shows dates with an automatic format as date and time, and numbers plainly', () => {
    const r = sheetOf().getRange('A1:C1');
    r.setValues([[new Date('2022-06-30T20:05:09Z'), 1.5, 1000000]]);
    expect(r.getDisplayValues()).toEqual([['7/1/2022 3:05:09', '1.5', '1000000']]);
    expect(r.getNumberFormat()).toBe('0.###############');
  });

  it('enforces data validation that rejects invalid input', () => {
    const { gas } = run(`
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Có', 'Không'], true).setAllowInvalid(false).setHelpText('Chọn').build();
      var cell = SpreadsheetApp.getActiveSheet().getRange('A1');
      cell.setDataValidation(rule);
      cell.setValue('Có');
      try { cell.setValue('Maybe'); } catch (e) { return [e.message, cell.getValue()]; }
    `);
    expect(gas.call('test')).toEqual([
      'The data you entered in cell A1 violates the data validation rules set on this cell.',
      'Có',
    ]);
    const rule = gas.spreadsheet.getSheets()[0].getRange('A1').getDataValidation()!;
    expect(rule.getCriteriaType().toString()).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['Có', 'Không'], true]);
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, 'Chọn']);
    gas.spreadsheet.$enforceValidation = false; // a test may plant data the rule would refuse
    gas.spreadsheet.getSheets()[0].getRange('A1').setValue('Maybe');
    expect(gas.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('Maybe');
  });

  it('accepts anything when the rule only warns (the default)', () => {
    const { result } = run(`
      var cell = SpreadsheetApp.getActiveSheet().getRange('A1');
      cell.setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build());
      cell.setValue(9);
      return [cell.getValue(), cell.getDataValidation().getHelpText()];
    `);
    expect(result).toEqual([9, null]);
  });
});

describe('Range formats, notes, clearing, sorting', () => {
  it('has Sheets defaults and stores colors as lower-case hex', () => {
    const r = sheetOf().getRange('A1:B1');
    expect([
      r.getFontWeight(),
      r.getBackground(),
      r.getFontColor(),
      r.getHorizontalAlignment(),
      r.getWrap(),
      r.getNote(),
    ]).toEqual(['normal', '#ffffff', '#000000', 'general', false, '']);
    r.setFontWeight('bold')
      .setBackground('#ABC')
      .setFontColor('red')
      .setWrap(true)
      .setNote('n')
      .setHorizontalAlignment('Center');
    expect([r.getFontWeights(), r.getBackgrounds(), r.getFontColors(), r.getWraps(), r.getNotes()]).toEqual([
      [['bold', 'bold']],
      [['#aabbcc', '#aabbcc']],
      [['#ff0000', '#ff0000']],
      [[true, true]],
      [['n', 'n']],
    ]);
    expect(r.getHorizontalAlignment()).toBe('center');
    r.setBackgrounds([[null, 'blue']]);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#0000ff']]);
  });

  it('clears contents, formats or everything', () => {
    const r = sheetOf().getRange('A1');
    r.setValue(5).setFontWeight('bold').setNote('n');
    r.clearContent();
    expect([r.getValue(), r.getFontWeight(), r.getNote()]).toEqual(['', 'bold', 'n']);
    r.setValue(5);
    r.clear();
    expect([r.getValue(), r.getFontWeight(), r.getNote()]).toEqual(['', 'normal', 'n']);
    r.setValue(5).clear({});
    expect([r.getValue(), r.getNote()]).toEqual(['', '']);
  });

  it('sorts numbers, then text case-insensitively, then booleans, empty cells last; whole rows move', () => {
    const sheet = sheetOf();
    sheet.getRange('A1:B6').setValues([
      ['b', 1],
      [10, 2],
      ['', 3],
      ['A', 4],
      [true, 5],
      [2, 6],
    ]);
    sheet.getRange('A1:B6').sort(1);
    expect(sheet.getRange('A1:B6').getValues()).toEqual([
      [2, 6],
      [10, 2],
      ['A', 4],
      ['b', 1],
      [true, 5],
      ['', 3],
    ]);
    sheet.getRange('A1:B6').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B1:B6').getValues().flat()).toEqual([6, 5, 4, 3, 2, 1]);
  });
});

describe('Range, more', () => {
  it('copies contents and formats, or values only', () => {
    const sheet = sheetOf();
    sheet
      .getRange('A1:B1')
      .setValues([['=B1', 2]])
      .setFontWeight('bold');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('D5'));
    expect([
      sheet.getRange('D5:E5').getFormulas(),
      sheet.getRange('E5').getValue(),
      sheet.getRange('E5').getFontWeight(),
    ]).toEqual([[['=B1', '']], 2, 'bold']);
    sheet.getRange('A1:B1').copyTo(sheet.getRange('D7'), { contentsOnly: true });
    expect([sheet.getRange('E7').getValue(), sheet.getRange('E7').getFontWeight()]).toEqual([2, 'normal']);
  });

  it('inserts checkboxes set to false, and applies borders and text styles', () => {
    const { gas } = run(`
      var sheet = SpreadsheetApp.getActiveSheet();
      sheet.getRange('A1:A2').insertCheckboxes();
      sheet.getRange('A1').check();
      sheet.getRange('B1:C2').setBorder(true, null, true, null, false, false, 'red', SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
      sheet.getRange('D1').setTextStyle(SpreadsheetApp.newTextStyle().setBold(true).setItalic(true).setFontSize(14).setForegroundColor('#00F').build());
      return sheet.getRange('A1:A2').getValues();
    `);
    expect(gas.call('test')).toEqual([[true], [false]]);
    const sheet = gas.spreadsheet.getSheets()[0];
    expect(sheet.$cell(1, 2)?.border).toEqual({
      top: true,
      bottom: true,
      vertical: false,
      horizontal: false,
      color: '#ff0000',
      style: 'SOLID_MEDIUM',
    });
    const d1 = sheet.getRange('D1');
    expect([d1.getFontWeight(), d1.getFontStyle(), d1.getFontSize(), d1.getFontColor()]).toEqual([
      'bold',
      'italic',
      14,
      '#0000ff',
    ]);
  });
});

describe('Range from the bundle', () => {
  it('hands the bundle its own arrays and dates', () => {
    const gas = load(`function test() {
      var sheet = SpreadsheetApp.getActiveSheet();
      sheet.getRange('A1:B1').setValues([[new Date(2022, 0, 1), 'x']]);
      var values = sheet.getRange('A1:B1').getValues();
      return [values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date, typeof values[0][0].getTime()];
    }`);
    expect(gas.call('test')).toEqual([true, true, true, 'number']);
  });
});
