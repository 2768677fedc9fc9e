import {
  certificateFields,
  documentIdFromUrl,
  escapeRegex,
  literalReplacement,
  mergeText,
  pdfExportUrl,
  placeholderPattern,
} from '../../src/core/certificates';

describe('certificates', () => {
  it('escapes patterns and replacements for Docs’ replaceText', () => {
    expect(placeholderPattern('ten')).toBe('\\{\\{ten\\}\\}');
    expect(new RegExp(placeholderPattern('don_vi')).test('Đơn vị: {{don_vi}}')).toBe(true);
    expect(escapeRegex('a.b*c(d)[e]|f^$\\')).toBe('a\\.b\\*c\\(d\\)\\[e\\]\\|f\\^\\$\\\\');
    expect(literalReplacement('Nguyễn $1 \\ A')).toBe('Nguyễn \\$1 \\\\ A');
  });

  it('takes the fields of a history row; no value can bring in a placeholder', () => {
    const fields = certificateFields({
      name: 'Trần {{don_vi}} Bình',
      unit: 'Phòng Y tế',
      award: 'Lao động tiên tiến',
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2024-12-20',
    });
    expect(fields).toEqual({
      ten: 'Trần { {don_vi}} Bình',
      don_vi: 'Phòng Y tế',
      danh_hieu: 'Lao động tiên tiến',
      so_quyet_dinh: '15/QĐ-UBND',
      ngay_quyet_dinh: '20/12/2024',
    });
    expect(mergeText('Tặng {{ten}}, {{don_vi}}', fields)).toBe('Tặng Trần { {don_vi}} Bình, Phòng Y tế');
  });

  it('finds the Doc id in an address', () => {
    const id = '1AbC_dEf-0123456789xyzXYZ';
    expect(documentIdFromUrl(`https://docs.google.com/document/d/${id}/edit?usp=sharing`)).toBe(id);
    expect(documentIdFromUrl(`https://docs.google.com/document/u/1/d/${id}/edit`)).toBe(id);
    expect(documentIdFromUrl(id)).toBe(id);
    expect(documentIdFromUrl('https://example.com/mau.docx')).toBeNull();
    expect(documentIdFromUrl('')).toBeNull();
    expect(pdfExportUrl(id)).toBe(`https://docs.google.com/document/d/${id}/export?format=pdf`);
  });
});
