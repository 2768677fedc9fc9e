import { load } from './bundle-dir';

const MENU = `function onOpen() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu('Thi đua')
    .addItem('Thiết lập', 'setup')
    .addSeparator()
    .addSubMenu(ui.createMenu('Báo cáo').addItem('Tháng', 'monthly'))
    .addToUi();
}
function setup() { return 'setup ran'; }
function monthly() { return 'monthly ran'; }`;

describe('Ui', () => {
  it('records menus with items, separators and submenus; adding the same menu again replaces it', () => {
    const gas = load(MENU);
    gas.call('onOpen');
    gas.call('onOpen');
    expect(gas.ui.menus).toEqual([
      {
        title: 'Thi đua',
        items: [
          { caption: 'Thiết lập', functionName: 'setup' },
          { separator: true },
          { submenu: { title: 'Báo cáo', items: [{ caption: 'Tháng', functionName: 'monthly' }] } },
        ],
      },
    ]);
    expect(gas.clickMenu('Thi đua', 'Thiết lập')).toBe('setup ran');
    expect(gas.clickMenu('Thi đua', 'Báo cáo', 'Tháng')).toBe('monthly ran');
    expect(() => gas.clickMenu('Thi đua', 'Báo cáo')).toThrow('is not a menu item');
  });

  it('records add-on menus', () => {
    const gas = load(
      `function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Mở', 'open').addToUi(); }`,
      { addonName: 'TĐKT' },
    );
    gas.call('onOpen');
    expect(gas.ui.menus).toEqual([{ title: 'TĐKT', addon: true, items: [{ caption: 'Mở', functionName: 'open' }] }]);
  });

  it('answers alerts with OK (or the first button) by default, else with queued answers', () => {
    const gas = load(`function ask() {
      var ui = SpreadsheetApp.getUi();
      return [
        ui.alert('Xong') === ui.Button.OK,
        String(ui.alert('Xóa?', 'Xóa dữ liệu cũ?', ui.ButtonSet.YES_NO)),
        String(ui.alert('Tiếp tục?', ui.ButtonSet.OK_CANCEL)),
      ];
    }`);
    expect(gas.call('ask')).toEqual([true, 'YES', 'OK']);
    gas.ui.respondWith('OK', 'NO', { button: 'CLOSE' });
    expect(gas.call('ask')).toEqual([true, 'NO', 'CLOSE']);
    expect(gas.ui.alerts.slice(3)).toEqual([
      { title: '', prompt: 'Xong', buttons: 'OK', response: 'OK' },
      { title: 'Xóa?', prompt: 'Xóa dữ liệu cũ?', buttons: 'YES_NO', response: 'NO' },
      { title: '', prompt: 'Tiếp tục?', buttons: 'OK_CANCEL', response: 'CLOSE' },
    ]);
    gas.ui.respondWith('YES');
    expect(() => gas.call('ask')).toThrow('Queued answer YES is not a button of ButtonSet.OK');
  });

  it('answers prompts with queued text and button', () => {
    const gas = load(`function ask() {
      var ui = SpreadsheetApp.getUi();
      var r = ui.prompt('Năm', 'Nhập năm:', ui.ButtonSet.OK_CANCEL);
      return [r.getResponseText(), r.getSelectedButton() == ui.Button.OK];
    }`);
    expect(gas.call('ask')).toEqual(['', true]);
    gas.ui.respondWith({ text: '2024' }, { button: 'CANCEL', text: 'x' });
    expect(gas.call('ask')).toEqual(['2024', true]);
    expect(gas.call('ask')).toEqual(['x', false]);
    expect(gas.ui.prompts[1]).toEqual({
      title: 'Năm',
      prompt: 'Nhập năm:',
      buttons: 'OK_CANCEL',
      response: 'OK',
      text: '2024',
    });
  });

  it('records sidebars and dialogs as HtmlOutput, and only accepts HtmlOutput', () => {
    const gas = load({
      'Code.js': `function show() {
        var ui = SpreadsheetApp.getUi();
        ui.showSidebar(HtmlService.createHtmlOutputFromFile('Side').setTitle('Tiến độ'));
        ui.showModalDialog(HtmlService.createHtmlOutput('<b>x</b>').setWidth(400), 'Hộp thoại');
        ui.showModelessDialog(HtmlService.createHtmlOutput(''), 'Bên');
      }
      function wrong() { SpreadsheetApp.getUi().showSidebar(HtmlService.createTemplateFromFile('Side')); }`,
      'Side.html': '<p>side</p>',
    });
    gas.call('show');
    expect(gas.ui.sidebars.map((s) => [s.getTitle(), s.getContent()])).toEqual([['Tiến độ', '<p>side</p>']]);
    expect(gas.ui.dialogs.map((d) => [d.title, d.modal, d.output.getContent(), d.output.getWidth()])).toEqual([
      ['Hộp thoại', true, '<b>x</b>', 400],
      ['Bên', false, '', null],
    ]);
    expect(() => gas.call('wrong')).toThrow(
      "The parameters (Object) don't match the method signature for Ui.showSidebar.",
    );
  });
});
