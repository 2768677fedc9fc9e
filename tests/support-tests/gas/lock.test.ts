import { FakeSpreadsheet } from '../../support/gas';
import { load } from './bundle-dir';

const CODE = `
function tryIt(ms) { var lock = LockService.getScriptLock(); var ok = lock.tryLock(ms); return [ok, lock.hasLock(), Date.now()]; }
function waitIt(ms) { var lock = LockService.getDocumentLock(); lock.waitLock(ms); return lock.hasLock(); }
function holdAndRelease() { var lock = LockService.getScriptLock(); lock.waitLock(1000); lock.releaseLock(); return lock.hasLock(); }
function keep() { LockService.getScriptLock().waitLock(1000); return 'kept'; }
function reentrant() { LockService.getScriptLock().waitLock(10); return LockService.getScriptLock().tryLock(0); }
`;

describe('LockService', () => {
  const start = new Date('2024-01-01T00:00:00Z').getTime();

  it('takes a free lock at once and releases it', () => {
    const gas = load(CODE, { now: () => new Date(start) });
    expect(gas.call('tryIt', 5000)).toEqual([true, true, start]);
    expect(gas.call('holdAndRelease')).toBe(false);
    expect(gas.call('reentrant')).toBe(true);
  });

  it('fails after waiting the timeout on the fake clock when another process holds the lock', () => {
    const gas = load(CODE, { now: () => new Date(start) });
    gas.lock.holdBy('nightly job');
    expect(gas.call('tryIt', 3000)).toEqual([false, false, start + 3000]);
    gas.lock.holdBy('nightly job', { kind: 'document' });
    expect(() => gas.call('waitIt', 100)).toThrow('Lock timeout: another process was holding the lock for too long.');
    gas.lock.release('document');
    expect(gas.call('waitIt', 100)).toBe(true);
  });

  it('gets the lock after waiting when the other holder lets go within the timeout', () => {
    const gas = load(CODE, { now: () => new Date(start) });
    gas.lock.holdBy('other', { forMs: 2000 });
    expect(gas.call('tryIt', 1000)).toEqual([false, false, start + 1000]);
    expect(gas.call('tryIt', 5000)).toEqual([true, true, start + 2000]);
  });

  it('releases locks still held when the execution ends', () => {
    const gas = load(CODE);
    expect(gas.call('keep')).toBe('kept');
    expect(gas.lock.holder()).toBeUndefined();
  });

  it('is shared by runtimes sharing a spreadsheet: one user waits for the other', () => {
    const ss = new FakeSpreadsheet();
    const code = `function save(v) { var lock = LockService.getScriptLock(); if (!lock.tryLock(500)) return 'busy';
      var sheet = SpreadsheetApp.getActiveSheet(); sheet.appendRow([v, Session.getActiveUser().getEmail()]); lock.releaseLock(); return 'saved'; }`;
    const alice = load(code, { user: 'alice@example.com', spreadsheet: ss });
    const bob = load(code, { user: 'bob@example.com', spreadsheet: ss });
    alice.lock.holdBy('alice@example.com#long-run');
    expect(bob.lock.holder()).toBe('alice@example.com#long-run');
    expect(bob.call('save', 1)).toBe('busy');
    alice.lock.release();
    expect(bob.call('save', 2)).toBe('saved');
    expect(alice.call('save', 3)).toBe('saved');
    expect(ss.getSheets()[0].getDataRange().getValues()).toEqual([
      [2, 'bob@example.com'],
      [3, 'alice@example.com'],
    ]);
  });

  it('keeps user locks apart per user', () => {
    const ss = new FakeSpreadsheet();
    const code = `function mine() { return LockService.getUserLock().tryLock(0); }`;
    const alice = load(code, { user: 'alice@example.com', spreadsheet: ss });
    const bob = load(code, { user: 'bob@example.com', spreadsheet: ss });
    alice.lock.holdBy('elsewhere', { kind: 'user' });
    expect([alice.call('mine'), bob.call('mine')]).toEqual([false, true]);
  });
});
