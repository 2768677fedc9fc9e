import {
  LISTS,
  SHEETS,
  SHEET_ORDER,
  codeOf,
  columnIndex,
  headersOf,
  labelOf,
  looksLikeFormula,
  missingHeaders,
  rowToValues,
  valuesToRows,
} from '../../src/core/contract';

describe('workbook contract', () => {
  it('names every sheet once, with unique Vietnamese names and unique headers per sheet', () => {
    const names = SHEET_ORDER.map((k) => SHEETS[k].name);
    expect(new Set(names).size).toBe(names.length);
    expect(SHEET_ORDER.slice().sort()).toEqual(Object.keys(SHEETS).sort());
    for (const key of SHEET_ORDER) {
      const headers = headersOf(key).map((h) => h.toLowerCase());
      expect(new Set(headers).size).toBe(headers.length);
      const keys = SHEETS[key].columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of SHEETS[key].keyColumns) expect(keys).toContain(k);
    }
  });

  it('has the sheets the product needs', () => {
    expect(SHEET_ORDER).toEqual(
      expect.arrayContaining([
        'plan',
        'progress',
        'units',
        'nominations',
        'registrations',
        'awardHistory',
        'importLog',
        'discrepancies',
      ]),
    );
    expect(SHEETS.plan.name).toBe('Kế hoạch');
  });

  it('keeps commas out of list labels (Excel list validation splits on commas)', () => {
    for (const list of Object.values(LISTS)) {
      for (const option of list) expect(option.label).not.toContain(',');
    }
  });

  it('maps list codes and labels both ways', () => {
    expect(labelOf('progressStatus', 'done')).toBe('Hoàn thành');
    expect(codeOf('progressStatus', 'hoàn thành')).toBe('done');
    expect(codeOf('progressStatus', 'in_progress')).toBe('in_progress');
    expect(codeOf('progressStatus', 'xong rồi')).toBeUndefined();
  });

  it('reads rows by header text, so moved columns still read right', () => {
    const header = ['Trạng thái', 'Mã', 'Năm', 'Cột riêng của người dùng', 'Nội dung công việc'];
    const values = [
      header,
      ['Hoàn thành', '1.1', 2022, 'x', 'Họp Hội đồng'],
      ['', '', '', '', ''],
      ['', '2', 2022, '', 'Tuyên truyền'],
    ];
    const rows = valuesToRows('plan', values);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: '1.1', year: 2022, status: 'done', title: 'Họp Hội đồng', lead: null });
    expect(rows[1]).toMatchObject({ id: '2', status: null });
    expect(columnIndex('plan', header).id).toBe(1);
    expect(missingHeaders('plan', header)).toContain('Chủ trì');
  });

  it('writes rows in contract order with list labels', () => {
    const line = rowToValues('progress', { itemId: '5.3.c', status: 'paused', percent: 0.5 });
    const headers = headersOf('progress');
    expect(line[headers.indexOf('Mã công việc')]).toBe('5.3.c');
    expect(line[headers.indexOf('Trạng thái')]).toBe('Tạm dừng');
    expect(line[headers.indexOf('Ghi chú')]).toBe('');
  });

  it('recognises text a spreadsheet would run as a formula', () => {
    for (const bait of ['=1+1', '+84912', '-5', '@SUM(A1)', '\tx', '\rx']) expect(looksLikeFormula(bait)).toBe(true);
    for (const safe of ['Nguyễn Văn An', '1.1', '', 'a=b']) expect(looksLikeFormula(safe)).toBe(false);
    expect(looksLikeFormula(5)).toBe(false);
  });
});
