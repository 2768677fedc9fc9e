import { GasObject, SERVICE } from './boundary';
import { makeEnum } from './enums';

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET']);

/** Sheet.protect() / Range.protect(). Only records settings: the fake does not stop anyone from editing. */
export class FakeProtection extends GasObject {
  readonly [SERVICE] = 'Protection';
  $description = '';
  $warningOnly = false;
  $editors: string[];
  $removed = false;
  $unprotected: object[] = [];

  constructor(
    readonly $type: keyof typeof ProtectionType,
    readonly $target: object,
    owner: string,
    readonly $onRemove: (p: FakeProtection) => void,
  ) {
    super();
    this.$editors = [owner];
  }

  getDescription(): string {
    return this.$description;
  }
  setDescription(description: string): this {
    this.$description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.$warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.$warningOnly = !!warningOnly;
    return this;
  }
  getProtectionType(): (typeof ProtectionType)[keyof typeof ProtectionType] {
    return ProtectionType[this.$type];
  }
  getRange(): object {
    return this.$type === 'RANGE' ? this.$target : (this.$target as { getDataRange(): object }).getDataRange();
  }
  getEditors(): { getEmail(): string }[] {
    return this.$editors.map((email) => ({ getEmail: () => email }));
  }
  addEditor(email: string): this {
    if (!this.$editors.includes(email)) this.$editors.push(email);
    return this;
  }
  addEditors(emails: string[]): this {
    emails.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(email: string): this {
    this.$editors = this.$editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(emails: string[]): this {
    emails.forEach((e) => this.removeEditor(e));
    return this;
  }
  canEdit(): boolean {
    return true;
  }
  setUnprotectedRanges(ranges: object[]): this {
    this.$unprotected = [...ranges];
    return this;
  }
  getUnprotectedRanges(): object[] {
    return [...this.$unprotected];
  }
  remove(): void {
    this.$removed = true;
    this.$onRemove(this);
  }
}
