import {
  AWARDS,
  RULEBOOKS,
  VERIFY,
  awardById,
  rulebookFor,
  rulesFor,
  rulesOfKind,
  type AwardId,
  type Condition,
  type Rule,
  type Rulebook,
} from '../../../src/core/awards';

const BOOKS: Array<[string, Rulebook]> = RULEBOOKS.map((b) => [b.id, b]);

function rule(book: Rulebook, id: string): Rule {
  const found = book.rules.find((r) => r.id === id);
  if (!found) throw new Error(`rule ${id} missing from ${book.id}`);
  return found;
}

describe('rulebookFor', () => {
  it.each([
    [2017, 'tdkt-2003'],
    [2021, 'tdkt-2003'],
    [2022, 'tdkt-2003'],
    [2023, 'tdkt-2003'],
    [2024, 'tdkt-2022'],
    [2025, 'tdkt-2022'],
    [2030, 'tdkt-2022'],
  ])('achievements of %i → %s', (year, id) => {
    expect(rulebookFor(year).id).toBe(id);
  });

  it('cites the right documents', () => {
    expect(rulebookFor(2022).documents.join(' ')).toMatch(/91\/2017\/NĐ-CP/);
    expect(rulebookFor(2022).documents.join(' ')).toMatch(/2003/);
    expect(rulebookFor(2024).documents.join(' ')).toMatch(/06\/2022\/QH15/);
    expect(rulebookFor(2024).documents.join(' ')).toMatch(/98\/2023\/NĐ-CP/);
    expect(rulebookFor(2024).documents.join(' ')).toMatch(/152\/2025\/NĐ-CP/);
  });

  it('rejects a year that is not a year', () => {
    expect(() => rulebookFor(2022.5)).toThrow(RangeError);
    expect(() => rulebookFor(NaN)).toThrow(RangeError);
    expect(() => rulebookFor(-1)).toThrow(RangeError);
  });

  it('leaves no gap and no overlap between books', () => {
    for (let year = 1990; year <= 2040; year++) {
      const books = RULEBOOKS.filter(
        (b) => (b.fromYear === null || b.fromYear <= year) && (b.toYear === null || year <= b.toYear),
      );
      expect(books).toHaveLength(1);
    }
  });
});

describe.each(BOOKS)('rulebook %s: well-formed data', (_id, book) => {
  const knownAwards = new Set(AWARDS.map((a) => a.id));

  it('has unique rule ids, known awards and Vietnamese descriptions', () => {
    const ids = book.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of book.rules) {
      expect(r.awards.length).toBeGreaterThan(0);
      for (const a of r.awards) expect(knownAwards.has(a)).toBe(true);
      expect(r.description).toMatch(/[ăâđêôơưàáảãạ]/i);
    }
  });

  it('cites a source for every rule; what is not checked says so', () => {
    for (const r of book.rules) {
      expect(r.source.document.length).toBeGreaterThan(0);
      if (!r.source.article) expect(r.source.verify).toContain(VERIFY);
      if (r.source.verify) expect(r.source.verify).toContain(VERIFY);
    }
  });

  it('uses only known awards and sane numbers inside conditions', () => {
    const check = (c: Condition) => {
      if ('requires' in c) expect(knownAwards.has(c.requires)).toBe(true);
      if ('award' in c && c.award) expect(knownAwards.has(c.award)).toBe(true);
      if ('minShare' in c) expect(c.minShare).toBeGreaterThan(0);
      if ('minShare' in c) expect(c.minShare).toBeLessThanOrEqual(1);
      if ('count' in c) expect(c.count).toBeGreaterThanOrEqual(1);
      if ('years' in c) expect(c.years).toBeGreaterThanOrEqual(1);
    };
    for (const r of book.rules) {
      if (r.kind === 'alternatives') {
        expect(r.options.length).toBeGreaterThan(1);
        for (const option of r.options) {
          expect(option.length).toBeGreaterThan(0);
          option.forEach(check);
        }
      } else if (r.kind !== 'quota' && r.kind !== 'vote' && r.kind !== 'reward') {
        check(r as Condition);
      }
    }
  });

  it('CSTĐCS requires LĐTT the same year and an initiative recognised at the base', () => {
    const pre = rule(book, 'cstdcs.prerequisite');
    expect(pre).toMatchObject({ kind: 'prerequisite', requires: 'ldtt', awards: ['cstdcs'] });
    expect(rule(book, 'cstdcs.initiative')).toMatchObject({ kind: 'initiative', scope: 'base', count: 1 });
  });

  it('CSTĐCS is capped at 15% of the unit’s LĐTT', () => {
    expect(rule(book, 'cstdcs.quota')).toMatchObject({ kind: 'quota', maxShare: 0.15, of: 'ldtt', scope: 'unit' });
  });

  it('CSTĐ tỉnh needs 3 consecutive CSTĐCS and a provincial initiative; toàn quốc 2 consecutive CSTĐ tỉnh', () => {
    expect(rule(book, 'cstd_tinh.consecutive')).toMatchObject({
      kind: 'consecutive',
      requires: 'cstdcs',
      count: 3,
      basis: 'years',
    });
    expect(rule(book, 'cstd_tinh.initiative')).toMatchObject({ kind: 'initiative', scope: 'province' });
    expect(rule(book, 'cstd_toanquoc.consecutive')).toMatchObject({
      kind: 'consecutive',
      requires: 'cstd_tinh',
      count: 2,
      basis: 'awards',
    });
    expect(rule(book, 'cstd_toanquoc.initiative')).toMatchObject({ kind: 'initiative', scope: 'national' });
  });

  it('Bằng khen of the province chair: alternatives incl. 2 years excellent + 2 initiatives', () => {
    const r = rule(book, 'bk_tinh.criteria');
    if (r.kind !== 'alternatives') throw new Error('expected alternatives');
    const hasExcellentOption = r.options.some(
      (o) =>
        o.some((c) => c.kind === 'task_rating' && c.min === 'excellent' && c.years === 2) &&
        o.some((c) => c.kind === 'initiative' && c.count === 2),
    );
    expect(hasExcellentOption).toBe(true);
    // Criteria only the council can judge keep a failed check from meaning "not eligible".
    expect(r.options.some((o) => o.every((c) => c.kind === 'judgement'))).toBe(true);
  });

  it('TTLĐXS: excellent, 100% completed, ≥70% LĐTT, ≥1 CSTĐCS, no discipline', () => {
    expect(rule(book, 'ttldxs.task_rating')).toMatchObject({ kind: 'task_rating', min: 'excellent' });
    expect(rule(book, 'ttldxs.members_completed')).toMatchObject({
      kind: 'member_share',
      measure: 'task_completed',
      minShare: 1,
    });
    expect(rule(book, 'ttldxs.members_ldtt')).toMatchObject({
      kind: 'member_share',
      measure: 'award',
      award: 'ldtt',
      minShare: 0.7,
    });
    expect(rule(book, 'ttldxs.members_cstdcs')).toMatchObject({ kind: 'member_count', award: 'cstdcs', min: 1 });
    expect(rule(book, 'ttldxs.no_discipline')).toMatchObject({ kind: 'no_discipline', who: 'members' });
  });

  it('registration is required for every title, and initiatives are used once', () => {
    const reg = rule(book, 'registration');
    expect(reg.kind).toBe('registration');
    for (const a of AWARDS.filter((x) => x.kind === 'title' && !x.recipient)) expect(reg.awards).toContain(a.id);
    for (const a of AWARDS.filter((x) => x.kind === 'form')) expect(reg.awards).not.toContain(a.id);
    expect(rule(book, 'initiative_unique').awards).toEqual(
      expect.arrayContaining(['cstdcs', 'cstd_tinh', 'cstd_toanquoc', 'bk_tinh']),
    );
  });

  it('registration: CSTĐCS is registered by name with the council; the split is practice and says so', () => {
    const reg = rule(book, 'registration');
    if (reg.kind !== 'registration') throw new Error('expected registration');
    expect(reg.byName).toEqual(['cstdcs']);
    for (const a of reg.byName) expect(reg.awards).toContain(a);
    expect(reg.byNameSource.article).toBeUndefined();
    expect(reg.byNameSource.verify).toContain(VERIFY);
  });

  it('votes: 90% of all members by secret ballot for CSTĐ tỉnh and toàn quốc; 2/3 quorum and 70% for base titles', () => {
    const high = rule(book, 'vote.cstd_high');
    expect(high).toMatchObject({
      kind: 'vote',
      ballot: 'secret',
      threshold: 0.9,
      base: 'all_members',
      absentInWriting: true,
    });
    expect(high.awards).toEqual(['cstd_tinh', 'cstd_toanquoc']);
    const base = rule(book, 'vote.base_titles');
    expect(base).toMatchObject({ kind: 'vote', threshold: 0.7 });
    if (base.kind === 'vote') expect(base.quorum).toBeCloseTo(2 / 3);
    expect(base.awards).toEqual(expect.arrayContaining(['ldtt', 'cstdcs', 'ttldxs']));
    expect(base.source.verify).toContain(VERIFY);
  });

  it('reward multiples agree with the primer and the catalogue', () => {
    const expected: Record<string, number> = {
      cstd_toanquoc: 4.5,
      cstd_tinh: 3.0,
      cstdcs: 1.0,
      ldtt: 0.3,
      ttldxs: 1.5,
      ttldtt: 0.8,
      co_tinh: 8,
      co_chinhphu: 12,
    };
    const rewards = book.rules.filter((r) => r.kind === 'reward');
    expect(rewards).toHaveLength(Object.keys(expected).length);
    for (const r of rewards) {
      if (r.kind !== 'reward') continue;
      const id = r.awards[0];
      const value = r.individual ?? r.collective;
      expect(value).toBe(expected[id]);
      const award = awardById(id);
      expect(award.subject === 'individual' ? r.individual : r.collective).toBe(value);
      expect([award.reward?.individual, award.reward?.collective]).toEqual([r.individual, r.collective]);
    }
  });
});

describe('rule lookups', () => {
  it('rulesFor lists the kinds that apply to CSTĐCS in 2022', () => {
    const kinds = rulesFor(2022, 'cstdcs').map((r) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'prerequisite',
        'initiative',
        'quota',
        'registration',
        'initiative_unique',
        'vote',
        'reward',
      ]),
    );
    expect(rulesFor(2022, 'cstdcs').every((r) => r.awards.includes('cstdcs'))).toBe(true);
  });

  it('the old book cites Nghị định 91/2017, Điều 45, khoản 8 for the 90% vote', () => {
    const [vote] = rulesOfKind(2022, 'vote').filter((r) => r.awards.includes('cstd_tinh'));
    expect(vote.threshold).toBe(0.9);
    expect(vote.source.document).toMatch(/91\/2017/);
    expect(vote.source.article).toBe('Điều 45, khoản 8');
  });

  it('the new book adds 2 consecutive CSTĐCS as an option for the Bằng khen of the province chair', () => {
    const option = (year: number) => {
      const r = rulesFor(year, 'bk_tinh').find((x) => x.kind === 'alternatives');
      if (!r || r.kind !== 'alternatives') throw new Error('missing');
      return r.options.some((o) => o.some((c) => c.kind === 'consecutive' && c.requires === 'cstdcs' && c.count === 2));
    };
    expect(option(2024)).toBe(true);
    expect(option(2022)).toBe(false);
    expect(rulesFor(2024, 'bk_tinh').find((r) => r.kind === 'alternatives')!.source.article).toBe('Điều 74, khoản 1');
  });

  it('a small evaluator can apply the consecutive rule to a history', () => {
    // The shape is meant to be read by a checker: count the run of `requires` ending at the year.
    const history: Record<number, AwardId[]> = { 2020: ['cstdcs'], 2021: ['cstdcs'], 2022: ['cstdcs'] };
    const [r] = rulesOfKind(2022, 'consecutive').filter((x) => x.awards.includes('cstd_tinh'));
    const run = (year: number): number => (history[year]?.includes(r.requires) ? 1 + run(year - 1) : 0);
    expect(run(2022) >= r.count).toBe(true);
    delete history[2021];
    expect(run(2022) >= r.count).toBe(false);
  });
});
