/**
 * The DocumentApp and DriveApp fakes against what the Apps Script reference documents: Element.copy() is detached
 * and deep, an attached element cannot be appended again, replaceText reads its pattern as an RE2 regular
 * expression matched in each text block, File.makeCopy(name) returns the new File, getAs names the blob with the
 * extension in place of the last one.
 */
import { load } from './bundle-dir';

const TEMPLATE = (gas: ReturnType<typeof load>) =>
  gas.documents.$add('Mẫu', (body) => {
    body.appendParagraph('GIẤY KHEN');
    body.appendParagraph('Tặng {{ten}} ({{ten}})');
    body.appendListItem('Đơn vị: {{don_vi}}');
    body.appendTable([['Danh hiệu', '{{danh_hieu}}']]);
  });

describe('DocumentApp elements (opt-in)', () => {
  it('copies detached and deep; appending an attached element throws', () => {
    const gas = load(
      `function copyAll(id) {
        var body = DocumentApp.openById(id).getBody();
        var n = body.getNumChildren();
        var copies = [];
        for (var i = 0; i < n; i++) copies.push(body.getChild(i).copy());
        var first = copies[0];
        var parentless = first.getParent() === null;
        first.asParagraph().setText('Đã sửa bản sao');
        body.appendPageBreak();
        body.appendParagraph(copies[0]);
        body.appendParagraph(copies[1]);
        body.appendListItem(copies[2]);
        body.appendTable(copies[3]);
        return [parentless, n, body.getNumChildren(), String(body.getChild(n).getType())];
      }
      function again(id) {
        var body = DocumentApp.openById(id).getBody();
        body.appendParagraph(body.getChild(0));
      }
      function cast(id) { DocumentApp.openById(id).getBody().getChild(2).asParagraph(); }`,
      { documentApp: true },
    );
    const doc = TEMPLATE(gas);
    expect(gas.call('copyAll', doc.$id)).toEqual([true, 4, 9, 'PARAGRAPH']);
    expect(doc.$body.$pages()).toEqual([
      'GIẤY KHEN\nTặng {{ten}} ({{ten}})\nĐơn vị: {{don_vi}}\nDanh hiệu\t{{danh_hieu}}',
      'Đã sửa bản sao\nTặng {{ten}} ({{ten}})\nĐơn vị: {{don_vi}}\nDanh hiệu\t{{danh_hieu}}',
    ]);
    // The copy of the table is deep: its cells are its own.
    expect(doc.$body.getTables()[1].$cells).not.toBe(doc.$body.getTables()[0].$cells);
    expect(() => gas.call('again', doc.$id)).toThrow('Element must be detached.');
    expect(() => gas.call('cast', doc.$id)).toThrow('Cannot cast LIST_ITEM to Paragraph.');
  });

  it('replaceText reads an RE2 pattern per text block, every match; findText gives offsets to edit literally', () => {
    const gas = load(
      `function fill(id, pattern, value) {
        var body = DocumentApp.openById(id).getBody();
        body.replaceText(pattern, value);
        return body.getText();
      }
      function anchored(id) {
        var body = DocumentApp.openById(id).getBody();
        body.replaceText('^GIẤY', 'BẰNG');
        body.replaceText('KHEN$', 'KHEN!');
        return body.getText();
      }
      function literal(id, pattern, value) {
        var body = DocumentApp.openById(id).getBody();
        var found;
        while ((found = body.findText(pattern))) {
          var text = found.getElement().asText();
          var start = found.getStartOffset();
          text.deleteText(start, found.getEndOffsetInclusive());
          text.insertText(start, value);
        }
        return body.getText();
      }
      function offsets(id) {
        var body = DocumentApp.openById(id).getBody();
        var a = body.findText('\\\\{\\\\{ten\\\\}\\\\}');
        var b = body.findText('\\\\{\\\\{ten\\\\}\\\\}', a);
        var c = body.findText('\\\\{\\\\{ten\\\\}\\\\}', b);
        return [a.getStartOffset(), a.getEndOffsetInclusive(), b.getStartOffset(), c === null];
      }`,
      { documentApp: true },
    );
    const one = TEMPLATE(gas);
    expect(gas.call('fill', one.$id, '\\{\\{ten\\}\\}', 'Trần Thị Bình')).toBe(
      'GIẤY KHEN\nTặng Trần Thị Bình (Trần Thị Bình)\nĐơn vị: {{don_vi}}\nDanh hiệu\t{{danh_hieu}}',
    );
    // Each cell is a text block of its own; "." does not cross into the next one.
    expect(gas.call('fill', one.$id, 'Danh hiệu.*', 'X')).toContain('\nX\t{{danh_hieu}}');
    expect(gas.call('anchored', TEMPLATE(gas).$id)).toMatch(/^BẰNG KHEN!\n/);
    expect(gas.call('offsets', TEMPLATE(gas).$id)).toEqual([5, 11, 14, true]);

    // Replacement text holding "$" or "\": the reference does not say how they are read, so the fake refuses.
    expect(() => gas.call('fill', TEMPLATE(gas).$id, '\\{\\{ten\\}\\}', 'A $1')).toThrow(/not documented/);
    // findText + deleteText/insertText is literal.
    expect(gas.call('literal', TEMPLATE(gas).$id, '\\{\\{ten\\}\\}', 'Nguyễn $1 \\ $& <b>x</b>')).toContain(
      'Tặng Nguyễn $1 \\ $& <b>x</b> (Nguyễn $1 \\ $& <b>x</b>)',
    );
    // RE2 has no lookaround nor backreferences.
    expect(() => gas.call('fill', TEMPLATE(gas).$id, '(?=ten)', 'x')).toThrow('Invalid regular expression pattern');
    expect(() => gas.call('fill', TEMPLATE(gas).$id, '(t)\\1', 'x')).toThrow('Invalid regular expression pattern');
    expect(() => gas.call('fill', TEMPLATE(gas).$id, '{{ten', 'x')).not.toThrow();
  });

  it('aligns paragraphs, sets attributes and table borders', () => {
    const gas = load(
      `function make() {
        var body = DocumentApp.create('QĐ').getBody();
        var p = body.appendParagraph('QUYẾT ĐỊNH').setAlignment(DocumentApp.HorizontalAlignment.CENTER);
        var style = {};
        style[DocumentApp.Attribute.BOLD] = true;
        p.setAttributes(style);
        body.appendTable([['a', 'b']]).setBorderWidth(0);
        return [String(p.getAlignment()), p.getAttributes().BOLD];
      }`,
      { documentApp: true },
    );
    expect(gas.call('make')).toEqual(['CENTER', true]);
    const [doc] = gas.documents.created;
    expect(doc.$body.getTables()[0].$borderWidth).toBe(0);
  });
});

describe('DriveApp (opt-in)', () => {
  const code = `function copy(id, name) {
      var file = DriveApp.getFileById(id).makeCopy(name);
      var doc = DocumentApp.openById(file.getId());
      doc.getBody().replaceText('\\\\{\\\\{ten\\\\}\\\\}', 'Bình');
      doc.saveAndClose();
      return [file.getName(), file.getUrl(), file.getMimeType()];
    }
    function pdf(id) {
      var blob = DriveApp.getFileById(id).getAs('application/pdf');
      var file = DriveApp.createFile(blob);
      return [blob.getName(), blob.getContentType(), file.getName(), file.getUrl(), file.getId()];
    }
    function png(id) { DriveApp.getFileById(id).getAs('image/png'); }
    function missing() { DriveApp.getFileById('nope'); }`;

  it('is absent by default', () => {
    expect(() => load(code, { documentApp: true }).call('missing')).toThrow('DriveApp is not defined');
  });

  it('copies a Doc the user can open into a new Doc, leaving the original alone', () => {
    const gas = load(code, { documentApp: true, driveApp: true });
    const template = TEMPLATE(gas);
    const [name, url, mime] = gas.call('copy', template.$id, 'Giấy khen – QĐ 15/QĐ-UBND') as string[];
    expect(name).toBe('Giấy khen – QĐ 15/QĐ-UBND');
    const [copy] = gas.documents.created;
    expect(url).toBe(`https://docs.google.com/document/d/${copy.$id}/edit?usp=drivesdk`);
    expect(mime).toBe('application/vnd.google-apps.document');
    expect(copy.$closed).toBe(true);
    expect(copy.$body.getText()).toContain('Tặng Bình (Bình)');
    expect(template.$body.getText()).toContain('Tặng {{ten}} ({{ten}})');
    expect(gas.calls.count('File.makeCopy')).toBe(1);
  });

  it('exports a Doc as PDF named after it and stores a blob as a new file', () => {
    const gas = load(code, { documentApp: true, driveApp: true });
    const doc = gas.documents.$add('Giấy khen.2024.12', (body) => body.appendParagraph('Trang 1'));
    expect(gas.call('pdf', doc.$id)).toEqual([
      'Giấy khen.2024.pdf',
      'application/pdf',
      'Giấy khen.2024.pdf',
      'https://drive.google.com/file/d/fake-file-1/view?usp=drivesdk',
      'fake-file-1',
    ]);
    const [file] = gas.drive.created;
    expect(file.getBlob().getDataAsString()).toBe('%PDF-1.4\nTrang 1');
    expect(() => gas.call('png', doc.$id)).toThrow(
      'Converting from application/vnd.google-apps.document to image/png is not supported.',
    );
    expect(() => gas.call('missing')).toThrow('No item with the given ID could be found.');
  });
});
