import { FakeSpreadsheet } from '../../support/gas';
import { ProtectionType } from '../../support/gas/protection';
import { load, run } from './bundle-dir';

describe('Spreadsheet', () => {
  it('refuses a second sheet with the same name (case-insensitively) with the real message', () => {
    const ss = new FakeSpreadsheet();
    ss.insertSheet('Đơn vị');
    expect(() => ss.insertSheet('Đơn vị')).toThrow(
      'A sheet with the name "Đơn vị" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('ĐƠN VỊ')).toThrow('already exists');
    expect(() => ss.getSheets()[0].setName('đơn vị')).toThrow('already exists');
  });

  it('inserts after the active sheet (or at a 0-based index) and activates the new sheet', () => {
    const ss = new FakeSpreadsheet({ sheetNames: ['A', 'B'] });
    const c = ss.insertSheet('C');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'C', 'B']);
    expect(ss.getActiveSheet()).toBe(c);
    ss.insertSheet('First', 0);
    ss.insertSheet();
    expect(ss.getSheets().map((s) => [s.getName(), s.getIndex()])).toEqual([
      ['First', 1],
      ['Sheet5', 2],
      ['A', 3],
      ['C', 4],
      ['B', 5],
    ]);
  });

  it('finds sheets and ranges by name; deletes sheets but never the last one', () => {
    const ss = new FakeSpreadsheet({ sheetNames: ['Kế hoạch', "Bob's"] });
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getRange("'Bob''s'!B2").getSheet().getName()).toBe("Bob's");
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
    ss.deleteSheet(ss.getSheetByName("Bob's")!);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  it('keeps the active sheet per user, and records toasts for the user who made them', () => {
    const ss = new FakeSpreadsheet({ sheetNames: ['A', 'B'] });
    const code = `function goB() { SpreadsheetApp.getActive().getSheetByName('B').activate(); SpreadsheetApp.getActive().toast('hi', 'T'); }
      function active() { return SpreadsheetApp.getActiveSheet().getName(); }`;
    const alice = load(code, { user: 'alice@example.com', spreadsheet: ss });
    const bob = load(code, { user: 'bob@example.com', spreadsheet: ss });
    alice.call('goB');
    expect([alice.call('active'), bob.call('active')]).toEqual(['B', 'A']);
    expect(alice.ui.toasts).toEqual([{ message: 'hi', title: 'T', timeoutSeconds: 5 }]);
    expect(bob.ui.toasts).toEqual([]);
  });
});

describe('Sheet', () => {
  it('starts with 1000 × 26 cells, no content: getLastRow/Column 0, getDataRange A1', () => {
    const sheet = new FakeSpreadsheet().getSheets()[0];
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setBackground('red'); // formatting is not content
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('B7').setFormula('=1');
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([7, 3, 'A1:C7']);
  });

  it('appends rows after the last row with content, growing the sheet when full', () => {
    const sheet = new FakeSpreadsheet().getSheets()[0];
    sheet.appendRow(['a', '1']);
    sheet.getRange('A3').setValue('gap');
    sheet.appendRow([true, '=A1', "'007"]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 1, ''],
      ['', '', ''],
      ['gap', '', ''],
      [true, '#ERROR!', '007'],
    ]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(new Array(30).fill('x'));
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1001, 30, 1001]);
  });

  it('inserts and deletes rows and columns, moving content', () => {
    const sheet = new FakeSpreadsheet().getSheets()[0];
    sheet.getRange('A1:B3').setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, '', '', 3, 5]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', 1, 2]]);
    sheet.deleteColumn(1);
    sheet.deleteRow(1);
    expect(sheet.getDataRange().getValues()).toEqual([
      [3, 4],
      [5, 6],
    ]);
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
  });

  it('records layout: frozen rows, widths, hidden sheets and columns, tab color', () => {
    const sheet = new FakeSpreadsheet().getSheets()[0];
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    sheet.setColumnWidth(1, 250).setColumnWidths(2, 2, 80);
    sheet.getRange('D1').setValue('a fairly long header');
    sheet.autoResizeColumns(4, 1);
    sheet.hideColumns(5);
    expect([
      sheet.getFrozenRows(),
      sheet.getFrozenColumns(),
      sheet.getColumnWidth(1),
      sheet.getColumnWidth(3),
      sheet.getColumnWidth(26),
    ]).toEqual([1, 2, 250, 80, 100]);
    expect(sheet.getColumnWidth(4)).toBeGreaterThan(100);
    expect(sheet.isColumnHiddenByUser(5)).toBe(true);
    sheet.insertColumnsBefore(1, 1);
    expect([sheet.getColumnWidth(2), sheet.isColumnHiddenByUser(6)]).toEqual([250, true]);
    expect(sheet.hideSheet().isSheetHidden()).toBe(true);
    expect(sheet.setTabColor('green').getTabColor()).toBe('#008000');
  });

  it('sorts below the frozen rows', () => {
    const sheet = new FakeSpreadsheet().getSheets()[0];
    sheet.getRange('A1:B4').setValues([
      ['Tên', 'Điểm'],
      ['c', 3],
      ['a', 1],
      ['b', 2],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(2, false);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Tên', 'Điểm'],
      ['c', 3],
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('keeps conditional format rules, protections and charts built by the bundle', () => {
    const { gas } = run(`
      var sheet = SpreadsheetApp.getActiveSheet();
      var range = sheet.getRange('A2:C10');
      var rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2>5').setBackground('#FFEEEE').setFontColor('red').setRanges([range]).build();
      var rules = sheet.getConditionalFormatRules();
      rules.push(rule);
      sheet.setConditionalFormatRules(rules);
      sheet.protect().setDescription('Bảng tính').setWarningOnly(true);
      var chart = sheet.newChart().addRange(range).setChartType(Charts.ChartType.COLUMN).setPosition(2, 5, 0, 0).setOption('title', 'Biểu đồ').build();
      sheet.insertChart(chart);
      sheet.updateChart(sheet.getCharts()[0].modify().setOption('title', 'Mới').build());
    `);
    const sheet = gas.spreadsheet.getSheets()[0];
    const [rule] = sheet.getConditionalFormatRules();
    const condition = rule.getBooleanCondition();
    expect([
      String(condition.getCriteriaType()),
      condition.getCriteriaValues(),
      condition.getBackground(),
      condition.getFontColor(),
    ]).toEqual(['CUSTOM_FORMULA', ['=$C2>5'], '#ffeeee', '#ff0000']);
    expect(rule.getRanges().map((r) => (r as { getA1Notation(): string }).getA1Notation())).toEqual(['A2:C10']);
    const [protection] = sheet.getProtections(ProtectionType.SHEET);
    expect([protection.getDescription(), protection.isWarningOnly()]).toEqual(['Bảng tính', true]);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect([
      String(charts[0].$state.type),
      charts[0].getOptions().get('title'),
      charts[0].getContainerInfo().getAnchorColumn(),
    ]).toEqual(['COLUMN', 'Mới', 5]);
  });
});
