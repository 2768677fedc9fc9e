import { GasObject, SERVICE } from './boundary';
import { GasError, badArguments } from './errors';
import { isPlainObject } from './boundary';

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
}

/** `runtime.mail`: what was sent and the quota left. */
export class MailBox {
  readonly sent: SentMail[] = [];
  constructor(public remainingQuota: number) {}
}

const ADDRESS = /^[^@\s<>,]+@[^@\s<>,]+$/;

function recipients(...lists: (string | undefined)[]): string[] {
  return lists
    .flatMap((list) => (list ?? '').split(','))
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => /<([^>]+)>\s*$/.exec(r)?.[1] ?? r);
}

/**
 * MailApp. Each message uses one unit of daily quota per recipient (to, cc and bcc); with too little quota left,
 * sendEmail throws "Service invoked too many times for one day: email." and sends nothing.
 */
export class FakeMailApp extends GasObject {
  readonly [SERVICE] = 'MailApp';
  constructor(readonly $box: MailBox) {
    super();
  }

  /** sendEmail(message) | (recipient, subject, body, options?) | (recipient, replyTo, subject, body). */
  sendEmail(...args: unknown[]): void {
    let mail: SentMail;
    if (args.length === 1 && isPlainObject(args[0])) mail = { ...(args[0] as unknown as SentMail) };
    else if (args.length === 4 && args.every((a) => typeof a === 'string')) {
      const [to, replyTo, subject, body] = args as string[];
      mail = { to, replyTo, subject, body };
    } else if (
      args.length >= 3 &&
      args.slice(0, 3).every((a) => typeof a === 'string') &&
      (args[3] === undefined || isPlainObject(args[3]))
    ) {
      const [to, subject, body, options] = args as [string, string, string, Record<string, unknown> | undefined];
      mail = { ...(options as Partial<SentMail>), to, subject, body };
    } else throw badArguments('MailApp.sendEmail', args);
    const all = recipients(mail.to, mail.cc, mail.bcc);
    if (!all.length) throw new GasError('Failed to send email: no recipient');
    const invalid = all.find((r) => !ADDRESS.test(r));
    if (invalid) throw new GasError(`Invalid email: ${invalid}`);
    if (this.$box.remainingQuota < all.length) throw new GasError('Service invoked too many times for one day: email.');
    this.$box.remainingQuota -= all.length;
    this.$box.sent.push({ ...mail, subject: String(mail.subject ?? ''), body: String(mail.body ?? '') });
  }

  getRemainingDailyQuota(): number {
    return this.$box.remainingQuota;
  }
}
