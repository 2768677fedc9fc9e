/**
 * «In giấy khen…» in the BUILT add-in, end to end against the offline runtime's DocumentApp and DriveApp (see
 * tests/support/gas/document.ts, drive.ts): a template Doc with placeholders, a decision in «Lịch sử khen thưởng»,
 * one copy of the template holding one page per person.
 */
import type { GasRuntime } from '../support/gas';
import type { FakeBody, FakeDocument } from '../support/gas/document';
import { FakeDriveApp } from '../support/gas/drive';
import { addRows, councilWorkbook, MENU, nomination, objects, told } from './council-fixtures';
import { setSetting } from './helpers';

const LDTT = 'Lao động tiên tiến';
const CSTDCS = 'Chiến sĩ thi đua cơ sở';
const TEMPLATE_ID = 'TEMPLATE_giay_khen_0123456789';
const TEMPLATE_URL = `https://docs.google.com/document/d/${TEMPLATE_ID}/edit`;

function template(body: FakeBody): void {
  body.appendParagraph('GIẤY KHEN');
  body.appendParagraph('Tặng {{ten}}');
  body.appendListItem('Đơn vị: {{don_vi}}');
  body.appendTable([['Đã đạt danh hiệu', '{{danh_hieu}}']]);
  body.appendParagraph('Quyết định số {{so_quyet_dinh}} ngày {{ngay_quyet_dinh}}');
}

/** The office's workbook with Docs and Drive, and the template the office owns. */
function workbook(): { runtime: GasRuntime; mau: FakeDocument } {
  const runtime = councilWorkbook({ documentApp: true, driveApp: true });
  const mau = runtime.documents.$add('Mẫu giấy khen', template, TEMPLATE_ID);
  setSetting(runtime, 'certificateTemplateUrl', TEMPLATE_URL);
  return { runtime, mau };
}

const history = (name: string, over: Record<string, unknown> = {}) => ({
  year: 2024,
  subject: 'individual',
  name,
  unit: 'Phòng Tài chính – Kế hoạch',
  award: LDTT,
  decisionNumber: '15/QĐ-UBND',
  decisionDate: '2024-12-20',
  issuer: 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự',
  ...over,
});

const page = (name: string, unit: string, award: string, number = '15/QĐ-UBND', date = '20/12/2024') =>
  [
    'GIẤY KHEN',
    `Tặng ${name}`,
    `Đơn vị: ${unit}`,
    `Đã đạt danh hiệu\t${award}`,
    `Quyết định số ${number} ngày ${date}`,
  ].join('\n');

/** The batch document: the copy of the template the run made. */
function batch(runtime: GasRuntime): FakeDocument {
  const copies = runtime.documents.created.filter((d) => d.getName().startsWith('Giấy khen'));
  expect(copies).toHaveLength(1);
  return copies[0];
}

describe('«In giấy khen…» against the offline DocumentApp and DriveApp', () => {
  it('prints the certificates of a decision made through the menu: one page per person', () => {
    const { runtime, mau } = workbook();
    setSetting(runtime, 'decisionIssuer', 'Chủ tịch Ủy ban nhân dân huyện Hồng Ngự');
    addRows(runtime, 'nominations', [
      nomination('Nguyễn Văn An', LDTT, { reviewStatus: 'passed' }),
      nomination('Trần Thị Bình', LDTT, { reviewStatus: 'passed', unit: 'Xã Long Thuận' }),
      nomination('Lê Văn Cường', CSTDCS, {
        reviewStatus: 'passed',
        initiative: 'Sổ tay điện tử',
        initiativeRecognition: 'Quyết định số 3/QĐ-PYT ngày 01/11/2024',
      }),
    ]);
    runtime.ui.respondWith({ text: '15' }, { text: '20/12/2024' }, { text: 'Nguyễn Văn Chủ' });
    runtime.clickMenu(MENU, 'Lập quyết định khen thưởng…');
    expect(objects(runtime, 'Lịch sử khen thưởng')).toHaveLength(3);

    runtime.ui.alerts.length = 0;
    runtime.calls.reset();
    runtime.ui.respondWith({ text: '' });
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(runtime.ui.alerts).toEqual([]);
    expect(runtime.ui.prompts.at(-1)!.prompt).toBe(
      'In giấy khen cho quyết định số nào? Để trống để chọn quyết định gần nhất (số 15/QĐ-UBND ngày 20/12/2024).',
    );

    const doc = batch(runtime);
    expect(doc.getName()).toBe('Giấy khen – QĐ 15/QĐ-UBND');
    expect(doc.$closed).toBe(true);
    expect(doc.$body.$pages()).toEqual([
      page('Nguyễn Văn An', 'Phòng Y tế', LDTT),
      page('Trần Thị Bình', 'Xã Long Thuận', LDTT),
      page('Lê Văn Cường', 'Phòng Y tế', CSTDCS),
    ]);
    // The list item stays a list item, the table a table, on every page.
    expect(doc.$body.$elements.map((e) => String(e.getType()))).toEqual([
      ...['PARAGRAPH', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'PARAGRAPH'],
      ...['PARAGRAPH', 'PARAGRAPH', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'PARAGRAPH'],
      ...['PARAGRAPH', 'PARAGRAPH', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'PARAGRAPH'],
    ]);
    // The template is untouched; one copy, saved once.
    expect(mau.$body.getText()).toContain('Tặng {{ten}}');
    expect(runtime.calls.count('File.makeCopy')).toBe(1);
    expect(runtime.calls.count('Document.saveAndClose')).toBe(1);
    // Plain values go through replaceText, one call per placeholder and person.
    expect(runtime.calls.count('Body.replaceText')).toBe(15);

    const dialog = runtime.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('In giấy khen');
    const html = dialog.output.getContent();
    expect(html).toContain(`href="https://docs.google.com/document/d/${doc.$id}/edit"`);
    expect(html).toContain(`href="https://docs.google.com/document/d/${doc.$id}/export?format=pdf"`);
    expect(html).toContain('Đã tạo 3 giấy khen của Quyết định số 15/QĐ-UBND');
  });

  it('keeps names literal: markup, formulas, "$1", "\\" and placeholders stay as written', () => {
    const { runtime } = workbook();
    addRows(runtime, 'awardHistory', [
      history('<b>x</b>'),
      // "'" as typed: the cell holds the text "=1+1", not a formula.
      history("'=1+1", { unit: 'Phòng Tài chính – Kế hoạch $2' }),
      history('Nguyễn Văn $1 \\ $& {{don_vi}} (.*)'),
      history('Trần Thị Bình', { award: CSTDCS }),
      history('Lê Văn Cũ', { decisionNumber: '3/QĐ-UBND', decisionDate: '2023-01-10', year: 2022 }),
    ]);
    runtime.ui.respondWith({ text: '15' });
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(runtime.ui.alerts).toEqual([]);
    const doc = batch(runtime);
    expect(doc.$body.$pages()).toEqual([
      page('<b>x</b>', 'Phòng Tài chính – Kế hoạch', LDTT),
      page('=1+1', 'Phòng Tài chính – Kế hoạch $2', LDTT),
      page('Nguyễn Văn $1 \\ $& { {don_vi}} (.*)', 'Phòng Tài chính – Kế hoạch', LDTT),
      page('Trần Thị Bình', 'Phòng Tài chính – Kế hoạch', CSTDCS),
    ]);
    // Values holding "$" or "\" never reach replaceText (the fake would refuse them).
    expect(runtime.calls.count('Body.findText')).toBeGreaterThan(0);
    expect(runtime.calls.count('Text.insertText')).toBe(2);
  });

  it('exports the batch as a PDF that reads the same', () => {
    const { runtime } = workbook();
    addRows(runtime, 'awardHistory', [history('Trần Thị Bình'), history('Lê Văn An')]);
    runtime.clickMenu(MENU, 'In giấy khen…');
    const doc = batch(runtime);
    // What the dialog's PDF link downloads: the Doc's pages, as Drive converts them.
    const pdf = new FakeDriveApp(runtime.documents, runtime.drive).getFileById(doc.$id).getAs('application/pdf');
    expect(pdf.getName()).toBe('Giấy khen – QĐ 15/QĐ-UBND.pdf');
    expect(pdf.getDataAsString().split('\f')).toHaveLength(2);
  });

  it('says what went wrong: a template the user cannot open, a template without its setting', () => {
    const { runtime } = workbook();
    addRows(runtime, 'awardHistory', [history('Trần Thị Bình')]);
    setSetting(runtime, 'certificateTemplateUrl', 'https://docs.google.com/document/d/KHONG_CO_QUYEN_0123456789/edit');
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(told(runtime)).toBe(
      'In giấy khen: Không tạo được giấy khen từ mẫu: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.. Vui lòng kiểm tra anh/chị có quyền xem mẫu Giấy khen và đường dẫn còn đúng.',
    );
    expect(runtime.documents.created).toEqual([]);

    runtime.ui.alerts.length = 0;
    setSetting(runtime, 'certificateTemplateUrl', '');
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(told(runtime)).toMatch(/Chưa có mẫu Giấy khen\. Vui lòng dán đường dẫn mẫu trên Google Tài liệu/);
    runtime.ui.alerts.length = 0;
    setSetting(runtime, 'certificateTemplateUrl', 'https://example.com/mau.docx');
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(told(runtime)).toMatch(/không phải đường dẫn Google Tài liệu/);
  });

  it('says when there is no decision, or not that one', () => {
    const { runtime } = workbook();
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(told(runtime)).toMatch(/chưa có khen thưởng nào kèm số quyết định/);
    addRows(runtime, 'awardHistory', [history('Trần Thị Bình')]);
    runtime.ui.alerts.length = 0;
    runtime.ui.respondWith({ text: '99' });
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(told(runtime)).toMatch(/Không tìm thấy khen thưởng nào của quyết định số «99»/);
    runtime.ui.alerts.length = 0;
    runtime.ui.respondWith('CANCEL');
    runtime.clickMenu(MENU, 'In giấy khen…');
    expect(runtime.ui.alerts).toEqual([]);
    expect(runtime.documents.created).toEqual([]);
  });

  it('without Google Docs and Drive explains politely', () => {
    const runtime = councilWorkbook({ documentApp: true });
    addRows(runtime, 'awardHistory', [history('Trần Thị Bình')]);
    expect(() => runtime.clickMenu(MENU, 'In giấy khen…')).not.toThrow();
    expect(runtime.ui.alerts).toHaveLength(1);
    expect(runtime.ui.alerts[0]).toMatchObject({
      title: 'In giấy khen',
      prompt:
        'Chức năng in giấy khen cần Google Tài liệu và Google Drive, nhưng môi trường đang chạy chưa có các dịch vụ này. Vui lòng mở bảng tính trên Google Trang tính, cấp quyền cho tiện ích khi được hỏi, rồi thử lại.',
    });
    expect(runtime.ui.dialogs).toHaveLength(0);
  });
});
