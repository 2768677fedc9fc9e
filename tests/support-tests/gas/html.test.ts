import { load } from './bundle-dir';

function render(template: string, setup = ''): string {
  const gas = load({
    'Code.js': `function page() { var t = HtmlService.createTemplateFromFile('Page'); ${setup}; return t.evaluate().getContent(); }`,
    'Page.html': template,
  });
  return gas.call('page') as string;
}

describe('HtmlService templates', () => {
  it('escapes printing scriptlets and leaves force-printing scriptlets raw', () => {
    expect(render(`<p><?= '<b>"Tom" & Jerry\\'s</b>' ?></p><?!= '<i>raw</i>' ?>`)).toBe(
      '<p>&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#39;s&lt;/b&gt;</p><i>raw</i>',
    );
  });

  it('runs statement scriptlets, including loops spanning several scriptlets', () => {
    expect(
      render(
        `<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><? if (!items.length) { ?>none<? } ?>`,
        't.items = ["a", "<b>"]',
      ),
    ).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  });

  it("sees the template's properties and the bundle's global functions", () => {
    const gas = load({
      'Code.js': `function page() { var t = HtmlService.createTemplateFromFile('Page'); t.title = 'Kế hoạch'; return t.evaluate().getContent(); }
        function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
        function shout(s) { return s.toUpperCase(); }`,
      'Page.html': `<?!= include('Part') ?>|<?= title ?>|<?= shout(title) ?>`,
      'Part.html': '<style>p{}</style>',
    });
    expect(gas.call('page')).toBe('<style>p{}</style>|Kế hoạch|KẾ HOẠCH');
  });

  it('prints values inside <script> as JavaScript literals', () => {
    expect(
      render(
        `<div title="<?= data.name ?>"></div><script>var data = <?= data ?>;</script><p><?= data.name ?></p>`,
        't.data = { name: "</script>", n: [1, 2] }',
      ),
    ).toBe(
      '<div title="&lt;/script&gt;"></div><script>var data = {"name":"\\u003c/script\\u003e","n":[1,2]};</script><p>&lt;/script&gt;</p>',
    );
  });

  it('prints nothing for null and undefined', () => {
    expect(render('[<?= missing ?>][<?= null ?>][<?!= undefined ?>]', 't.missing = undefined')).toBe('[][][]');
  });

  it('exposes the raw source and generated code; a missing file has the real error', () => {
    const gas = load({
      'Code.js': `function info() { var t = HtmlService.createTemplate('<?= 1 + 1 ?>'); return [t.getRawContent(), typeof t.getCode(), t.evaluate().getContent()]; }
        function missing() { return HtmlService.createHtmlOutputFromFile('Nope'); }`,
    });
    expect(gas.call('info')).toEqual(['<?= 1 + 1 ?>', 'string', '2']);
    expect(() => gas.call('missing')).toThrow('No HTML file named Nope was found.');
  });
});

describe('HtmlOutput', () => {
  it('keeps content, title and size', () => {
    const gas = load(`function make() {
      var out = HtmlService.createHtmlOutput('<p>a</p>').append('<p>b</p>').appendUntrusted('<c>').setTitle('T').setWidth(300).setHeight(200)
        .setSandboxMode(HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL).addMetaTag('viewport', 'width=device-width');
      return [out.getContent(), out.getTitle(), out.getWidth(), out.getHeight()];
    }`);
    expect(gas.call('make')).toEqual(['<p>a</p><p>b</p>&lt;c&gt;', 'T', 300, 200]);
  });
});
