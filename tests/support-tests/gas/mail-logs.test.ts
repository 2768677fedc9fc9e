import { load } from './bundle-dir';

describe('MailApp', () => {
  it('records messages and uses one unit of quota per recipient', () => {
    const gas = load(`function send() {
      MailApp.sendEmail('a@example.com', 'Nhắc việc', 'Nội dung');
      MailApp.sendEmail('b@example.com, c@example.com', 'Báo cáo', 'x', { htmlBody: '<b>x</b>', name: 'TĐKT', cc: 'd@example.com' });
      MailApp.sendEmail({ to: 'e@example.com', subject: 'S', body: 'B', replyTo: 'r@example.com' });
      return MailApp.getRemainingDailyQuota();
    }`);
    expect(gas.call('send')).toBe(95);
    expect(gas.mail.sent).toEqual([
      { to: 'a@example.com', subject: 'Nhắc việc', body: 'Nội dung' },
      {
        to: 'b@example.com, c@example.com',
        subject: 'Báo cáo',
        body: 'x',
        htmlBody: '<b>x</b>',
        name: 'TĐKT',
        cc: 'd@example.com',
      },
      { to: 'e@example.com', subject: 'S', body: 'B', replyTo: 'r@example.com' },
    ]);
  });

  it('throws the real error when the daily quota is used up, sending nothing', () => {
    const gas = load(
      `function send(to) { MailApp.sendEmail(to, 's', 'b'); return MailApp.getRemainingDailyQuota(); }`,
      { mailQuota: 2 },
    );
    expect(gas.call('send', 'a@example.com')).toBe(1);
    expect(() => gas.call('send', 'b@example.com, c@example.com')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(gas.call('send', 'b@example.com')).toBe(0);
    expect(() => gas.call('send', 'c@example.com')).toThrow('Service invoked too many times for one day: email.');
    expect(gas.mail.sent.map((m) => m.to)).toEqual(['a@example.com', 'b@example.com']);
    expect(() => gas.call('send', 'not-an-address')).toThrow('Invalid email: not-an-address');
  });
});

describe('Logger and console', () => {
  it('captures both, in order', () => {
    const gas = load(`function log() {
      Logger.log('đơn vị: %s, số: %d', 'Y tế', 3);
      Logger.log({ a: [1, 2] });
      console.log('x', 1, { b: 2 });
      console.error(new Error('boom').message);
      return Logger.getLog();
    }`);
    expect(gas.call('log')).toBe('đơn vị: Y tế, số: 3\n{"a":[1,2]}');
    expect(gas.logs).toEqual([
      { source: 'Logger', level: 'log', message: 'đơn vị: Y tế, số: 3' },
      { source: 'Logger', level: 'log', message: '{"a":[1,2]}' },
      { source: 'console', level: 'log', message: 'x 1 { b: 2 }' },
      { source: 'console', level: 'error', message: 'boom' },
    ]);
  });
});
