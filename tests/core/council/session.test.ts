import {
  COUNCIL_DEFAULT_VOTE_RULE,
  isBlankBallot,
  meetingDateText,
  sessionVoteRule,
  statusAfterVote,
  tallyBallot,
  validateMeeting,
} from '../../../src/core/council/session';

const meeting = { date: '2024-12-20', membersTotal: 15, membersPresent: 12 };
const row = { year: 2024, subject: 'individual', name: 'Nguyễn Văn An', award: 'LĐTT' };

describe('sessionVoteRule', () => {
  it('takes the book’s rule, else the council’s general rule', () => {
    expect(sessionVoteRule(2024, 'ldtt').id).toBe('vote.base_titles');
    expect(sessionVoteRule(2022, 'cstd_tinh')).toMatchObject({ id: 'vote.cstd_high', threshold: 0.9 });
    const own = sessionVoteRule(2024, 'gk_huyen');
    expect(own).toMatchObject({
      id: COUNCIL_DEFAULT_VOTE_RULE,
      threshold: 0.7,
      quorum: 2 / 3,
      base: 'present_members',
    });
    expect(own.description).toMatch(
      /^“Giấy khen của Chủ tịch Ủy ban nhân dân huyện” không có quy định biểu quyết riêng/,
    );
  });
});

describe('validateMeeting', () => {
  it('accepts a real meeting and explains what is wrong', () => {
    expect(validateMeeting(meeting, '2024-12-20')).toEqual([]);
    expect(validateMeeting({ date: '2024-12-21', membersTotal: 0, membersPresent: 1.5 }, '2024-12-20')).toEqual([
      'Ngày họp không được sau ngày hôm nay.',
      'Tổng số thành viên Hội đồng phải là số nguyên lớn hơn 0.',
      'Số thành viên có mặt phải là số nguyên không âm.',
    ]);
    expect(validateMeeting({ date: '31/02/2024', membersTotal: 9, membersPresent: 10 }, '2024-12-20')).toEqual([
      'Vui lòng nhập ngày họp hợp lệ.',
      'Số thành viên có mặt (10) không được lớn hơn tổng số thành viên (9).',
    ]);
    expect(meetingDateText('2024-12-20')).toBe('20/12/2024');
  });
});

describe('tallyBallot', () => {
  it('tells a blank ballot, an impossible one and a result apart', () => {
    expect(isBlankBallot({ key: 'k', agree: null, disagree: null })).toBe(true);
    expect(tallyBallot(meeting, row, { key: 'k', agree: null, disagree: null })).toEqual({ kind: 'blank' });
    expect(tallyBallot(meeting, row, { key: 'k', agree: 5, disagree: null })).toEqual({
      kind: 'error',
      message:
        '“Nguyễn Văn An”: số phiếu tán thành và không tán thành phải là số nguyên không âm (để trống cả hai nếu chưa biểu quyết).',
    });
    expect(tallyBallot(meeting, row, { key: 'k', agree: 10, disagree: 5 })).toMatchObject({
      kind: 'error',
      message: '“Nguyễn Văn An”: Số phiếu tán thành và không tán thành (15) vượt số thành viên có mặt (12).',
    });
    const passed = tallyBallot(meeting, row, { key: 'k', agree: 9, disagree: 3 });
    expect(passed).toMatchObject({ kind: 'result', result: { passed: true, agree: 9, base: 12 } });
    if (passed.kind === 'result') expect(statusAfterVote(passed.result)).toBe('passed');
    const rejected = tallyBallot(meeting, row, { key: 'k', agree: 8, disagree: 4 });
    if (rejected.kind === 'result') expect(statusAfterVote(rejected.result)).toBe('rejected');
    const noQuorum = tallyBallot({ ...meeting, membersPresent: 9 }, row, { key: 'k', agree: 9, disagree: 0 });
    if (noQuorum.kind === 'result') expect(statusAfterVote(noQuorum.result)).toBeNull();
    expect(noQuorum.kind).toBe('result');
  });

  it('reads an individual title written for a collective as its collective counterpart', () => {
    const outcome = tallyBallot(
      meeting,
      { ...row, subject: 'collective', name: 'Phòng Y tế' },
      { key: 'k', agree: 9, disagree: 0 },
    );
    expect(outcome).toMatchObject({ kind: 'result', result: { award: 'ttldtt' } });
  });
});
