import { rulebookFor } from '../../../src/core/awards';
import {
  MINUTES_HEADER,
  minutesTable,
  tallySession,
  tallyVotes,
  voteRuleFor,
  type VoteRule,
} from '../../../src/core/council';

describe('tallyVotes: titles voted by the members present (2/3 quorum, 70%)', () => {
  it.each([2022, 2024])('exactly 70%% passes (%i)', (year) => {
    const r = tallyVotes({
      award: 'ldtt',
      year,
      membersTotal: 12,
      membersPresent: 10,
      ballots: { agree: 7, disagree: 3 },
    });
    expect(r).toMatchObject({
      passed: true,
      quorumMet: true,
      approval: 0.7,
      threshold: 0.7,
      basis: 'present',
      base: 10,
      needed: 7,
      rule: 'vote.base_titles',
    });
    expect(r.message).toMatch(/7\/10 thành viên có mặt tán thành, đạt 70,00%; cần từ 70% số thành viên có mặt/);
    expect(r.message).toMatch(/Kết quả: đạt\./);
  });

  it('69.9% fails and 70.0% passes (699 and 700 of 1000)', () => {
    const vote = (agree: number) =>
      tallyVotes({
        award: 'Chiến sĩ thi đua cơ sở',
        year: 2022,
        membersTotal: 1000,
        membersPresent: 1000,
        ballots: { agree, disagree: 1000 - agree },
      });
    expect(vote(699)).toMatchObject({ passed: false, quorumMet: true, needed: 700 });
    expect(vote(699).message).toMatch(/69,90%.*Kết quả: không đạt/);
    expect(vote(700).passed).toBe(true);
  });

  it('6 of 9 present is not 70%; abstentions count in the base', () => {
    const r = tallyVotes({
      award: 'TTLĐXS',
      year: 2022,
      membersTotal: 9,
      membersPresent: 9,
      ballots: { agree: 6, disagree: 0 },
    });
    expect(r.passed).toBe(false);
    expect(r.approval).toBeCloseTo(6 / 9);
  });

  it('a quorum of exactly 2/3 is met; one member fewer is not, and nothing passes', () => {
    const at = (present: number) =>
      tallyVotes({
        award: 'ldtt',
        year: 2022,
        membersTotal: 15,
        membersPresent: present,
        ballots: { agree: present, disagree: 0 },
      });
    expect(at(10)).toMatchObject({ quorumMet: true, passed: true });
    const short = at(9);
    expect(short).toMatchObject({ quorumMet: false, passed: false, approval: 1 });
    expect(short.message).toMatch(/Chỉ có 9\/15 thành viên dự họp, chưa đủ 2\/3 \(cần ít nhất 10\)/);
  });
});

describe('tallyVotes: CSTĐ cấp tỉnh and toàn quốc need 90% of ALL members', () => {
  it.each([2022, 2024])('counts absent members’ written opinions (%i)', (year) => {
    const vote = (agree: number, absentWritten: number) =>
      tallyVotes({
        award: 'cstd_tinh',
        year,
        membersTotal: 20,
        membersPresent: 15,
        ballots: { agree, disagree: 15 - agree, absentWritten },
      });
    const ok = vote(15, 3);
    expect(ok).toMatchObject({ passed: true, basis: 'all-members', approval: 0.9, agree: 18, base: 20, needed: 18 });
    expect(ok.message).toMatch(/18\/20 thành viên Hội đồng tán thành \(15 phiếu tại cuộc họp và 3 ý kiến bằng văn bản/);
    expect(vote(15, 2)).toMatchObject({ passed: false, approval: 0.85 });
    // All present agree, but 15 of 20 is only 75% of all members.
    expect(vote(15, 0).passed).toBe(false);
  });

  it('cites Decree 91/2017, Art. 45.8 in the old book', () => {
    const r = tallyVotes({
      award: 'cstd_toanquoc',
      year: 2022,
      membersTotal: 10,
      membersPresent: 10,
      ballots: { agree: 9, disagree: 1 },
    });
    expect(r.passed).toBe(true);
    expect(r.article).toMatch(/^Điều 45, khoản 8 Nghị định số 91\/2017\/NĐ-CP/);
    expect(r.quorum).toBeNull();
  });

  it('reads the thresholds from the book', () => {
    const rule = voteRuleFor(2022, 'cstd_tinh') as VoteRule;
    expect(rule.threshold).toBe(0.9);
    expect(rule.base).toBe('all_members');
    expect(rulebookFor(2024).rules.filter((r) => r.kind === 'vote')).toHaveLength(2);
  });
});

describe('tallyVotes: awards without a vote rule, and bad input', () => {
  it('a form with no vote rule in the book needs the council’s own rule', () => {
    expect(() =>
      tallyVotes({
        award: 'bk_tinh',
        year: 2022,
        membersTotal: 9,
        membersPresent: 9,
        ballots: { agree: 9, disagree: 0 },
      }),
    ).toThrow(/chưa có quy định biểu quyết.*Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh/);
    const own: VoteRule = { ...(voteRuleFor(2022, 'ldtt') as VoteRule), id: 'council.own', threshold: 0.5 };
    const r = tallyVotes({
      award: 'bk_tinh',
      year: 2022,
      membersTotal: 9,
      membersPresent: 9,
      ballots: { agree: 5, disagree: 4 },
      rule: own,
    });
    expect(r).toMatchObject({ passed: true, rule: 'council.own' });
  });

  it.each([
    [{ membersTotal: 10, membersPresent: 11, ballots: { agree: 1, disagree: 0 } }, /không được lớn hơn/],
    [{ membersTotal: 10, membersPresent: 8, ballots: { agree: 6, disagree: 3 } }, /vượt số thành viên có mặt/],
    [
      { membersTotal: 10, membersPresent: 8, ballots: { agree: 6, disagree: 0, absentWritten: 3 } },
      /vượt số thành viên vắng mặt/,
    ],
    [{ membersTotal: 10, membersPresent: 8, ballots: { agree: 6.5, disagree: 0 } }, /số nguyên/],
    [{ membersTotal: 0, membersPresent: 0, ballots: { agree: 0, disagree: 0 } }, /lớn hơn 0/],
  ])('rejects inconsistent counts %#', (counts, message) => {
    expect(() => tallyVotes({ award: 'ldtt', year: 2022, ...counts })).toThrow(message);
  });

  it('rejects an award it cannot name', () => {
    expect(() =>
      tallyVotes({
        award: 'Giấy khen của Giám đốc Sở',
        year: 2022,
        membersTotal: 9,
        membersPresent: 9,
        ballots: { agree: 9, disagree: 0 },
      }),
    ).toThrow(/Không xác định được danh hiệu/);
  });
});

describe('minutes of the session', () => {
  const session = { year: 2022, membersTotal: 12, membersPresent: 10 };
  const nominations = [
    { year: 2022, name: 'Nguyễn Văn An', unit: 'Phòng Y tế', award: 'LĐTT' },
    { year: 2022, name: 'Trần Thị Bình', unit: 'Phòng Nội vụ', award: 'CSTĐ cơ sở' },
    { year: 2022, name: 'Lê Văn Cường', unit: 'Phòng Tư pháp', award: 'Chiến sĩ thi đua cấp tỉnh' },
  ];

  it('tallies each nomination and makes the table of the minutes', () => {
    const results = tallySession(session, nominations, [
      { agree: 7, disagree: 3 },
      { agree: 6, disagree: 4 },
      { agree: 10, disagree: 0, absentWritten: 1 },
    ]);
    expect(results.map((r) => r.passed)).toEqual([true, false, true]);
    const table = minutesTable(session, nominations, results);
    expect(table[0]).toEqual([...MINUTES_HEADER]);
    expect(table[0]).toEqual([
      'STT',
      'Họ tên',
      'Đơn vị',
      'Danh hiệu',
      'Tán thành',
      'Không tán thành',
      'Tỷ lệ',
      'Kết quả',
    ]);
    expect(table.slice(1)).toEqual([
      [1, 'Nguyễn Văn An', 'Phòng Y tế', 'Lao động tiên tiến', 7, 3, '70,00%', 'Đạt'],
      [2, 'Trần Thị Bình', 'Phòng Nội vụ', 'Chiến sĩ thi đua cơ sở', 6, 4, '60,00%', 'Không đạt'],
      // 10 present + 1 written opinion of 12 members: 91,67% of all members ≥ 90%.
      [3, 'Lê Văn Cường', 'Phòng Tư pháp', 'Chiến sĩ thi đua cấp tỉnh', 11, 0, '91,67%', 'Đạt'],
    ]);
  });

  it('marks a session without quorum and nominations not yet voted', () => {
    const small = { year: 2022, membersTotal: 12, membersPresent: 7 };
    const [r] = tallySession(small, nominations.slice(0, 1), [{ agree: 7, disagree: 0 }]);
    const table = minutesTable(small, nominations.slice(0, 2), [r]);
    expect(table[1][7]).toBe('Không đủ số thành viên dự họp');
    expect(table[2].slice(4)).toEqual(['', '', '', 'Chưa biểu quyết']);
    expect(() => minutesTable(session, nominations.slice(0, 1), [r])).toThrow(/khác với phiên họp/);
    expect(() => tallySession(session, nominations, [])).toThrow(/3 đề nghị nhưng 0 kết quả/);
  });
});
