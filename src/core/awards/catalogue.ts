/**
 * The award catalogue: every emulation title (danh hiệu thi đua) and form of
 * commendation (hình thức khen thưởng) a commune or district council deals
 * with, as data. Official names are written exactly as in decisions; short
 * forms are the ways they are written in the files units send.
 *
 * Awards of other authorities ("Giấy khen của Giám đốc Sở", Bằng khen of a
 * ministry…) are deliberately absent: a council cannot confer or forward them,
 * and the matcher reports them as not in the catalogue.
 *
 * Reward multiples are those in force now (Nghị định 98/2023/NĐ-CP, Điều 54,
 * kept by Nghị định 152/2025/NĐ-CP); the rulebooks hold the figures of each
 * period. Where a figure or an article has not been checked it is null or
 * absent and `verify` says what to check.
 */
import { DOCUMENTS, VERIFY } from './sources';
import type { Award, AwardId, LegalRef, RewardMultiple } from './types';

const REWARD_2023: LegalRef = {
  document: DOCUMENTS.DECREE_98_2023,
  article: 'Điều 54',
  verify: `Nghị định 152/2025/NĐ-CP được cho là giữ nguyên các mức này; ${VERIFY} (điều khoản của Nghị định 152/2025/NĐ-CP).`,
};

function reward(individual: number | null, collective: number | null, source: LegalRef = REWARD_2023): RewardMultiple {
  return { individual, collective, source };
}

const FORM_REWARD_UNCHECKED = (hint: string): RewardMultiple =>
  reward(null, null, {
    document: DOCUMENTS.DECREE_98_2023,
    verify: `Mức thưởng của hình thức khen thưởng: ${VERIFY} (${hint}).`,
  });

export const AWARDS: ReadonlyArray<Award> = [
  // ── Danh hiệu thi đua, cá nhân ───────────────────────────────────────────
  {
    id: 'ldtt',
    name: 'Lao động tiên tiến',
    shortForms: ['LĐTT', 'LDTT', 'Danh hiệu Lao động tiên tiến', 'Danh hiệu LĐTT'],
    subject: 'individual',
    kind: 'title',
    issuerLevel: 'district',
    awardedBy: ['commune', 'district'],
    reward: reward(0.3, null),
    counterpart: 'ttldtt',
    source: { document: DOCUMENTS.LAW_2003, article: 'Điều 24' },
    verify: `Thẩm quyền của Chủ tịch UBND cấp xã đối với danh hiệu này theo từng thời kỳ: ${VERIFY}.`,
  },
  {
    id: 'cstdcs',
    name: 'Chiến sĩ thi đua cơ sở',
    shortForms: [
      'CSTĐCS',
      'CSTĐ cơ sở',
      'CSTĐ CS',
      'CSTDCS',
      'Chiến sỹ thi đua cơ sở',
      'Chiến sĩ thi đua cấp cơ sở',
      'Danh hiệu Chiến sĩ thi đua cơ sở',
    ],
    subject: 'individual',
    kind: 'title',
    issuerLevel: 'district',
    awardedBy: ['district', 'commune'],
    reward: reward(1.0, null),
    source: { document: DOCUMENTS.LAW_2003, article: 'Điều 23' },
    verify: `Thẩm quyền của Chủ tịch UBND cấp xã (từ năm 2024 và sau 01/7/2025): ${VERIFY}.`,
  },
  {
    id: 'cstd_tinh',
    name: 'Chiến sĩ thi đua cấp tỉnh',
    shortForms: [
      'CSTĐ tỉnh',
      'CSTĐ cấp tỉnh',
      'Chiến sỹ thi đua cấp tỉnh',
      'Chiến sĩ thi đua tỉnh',
      'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
      'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
    ],
    subject: 'individual',
    kind: 'title',
    issuerLevel: 'province',
    awardedBy: ['province'],
    reward: reward(3.0, null),
    source: { document: DOCUMENTS.LAW_2003, article: 'Điều 22' },
  },
  {
    id: 'cstd_toanquoc',
    name: 'Chiến sĩ thi đua toàn quốc',
    shortForms: ['CSTĐ toàn quốc', 'CSTĐTQ', 'Chiến sỹ thi đua toàn quốc'],
    subject: 'individual',
    kind: 'title',
    issuerLevel: 'national',
    awardedBy: ['national'],
    reward: reward(4.5, null),
    source: { document: DOCUMENTS.LAW_2022, article: 'Điều 21' },
  },
  // ── Danh hiệu thi đua, tập thể ───────────────────────────────────────────
  {
    id: 'ttldtt',
    name: 'Tập thể lao động tiên tiến',
    shortForms: ['TTLĐTT', 'TTLDTT', 'Tập thể LĐTT', 'TT LĐTT', 'Danh hiệu Tập thể lao động tiên tiến'],
    subject: 'collective',
    kind: 'title',
    issuerLevel: 'district',
    awardedBy: ['district', 'commune'],
    reward: reward(null, 0.8),
    counterpart: 'ldtt',
    source: { document: DOCUMENTS.LAW_2003, article: 'Điều 28' },
    verify: `Thẩm quyền của Chủ tịch UBND cấp xã: ${VERIFY}.`,
  },
  {
    id: 'ttldxs',
    name: 'Tập thể lao động xuất sắc',
    shortForms: ['TTLĐXS', 'TTLDXS', 'Tập thể LĐXS', 'TT LĐXS', 'LĐXS', 'Lao động xuất sắc'],
    subject: 'collective',
    kind: 'title',
    issuerLevel: 'province',
    awardedBy: ['province'],
    reward: reward(null, 1.5),
    source: { document: DOCUMENTS.LAW_2003, article: 'Điều 27' },
    verify: `Theo Luật năm 2022, Chủ tịch UBND cấp huyện/cấp xã có được tặng danh hiệu này hay không: ${VERIFY}.`,
  },
  {
    id: 'co_tinh',
    name: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
    shortForms: ['Cờ thi đua UBND tỉnh', 'Cờ thi đua cấp tỉnh', 'Cờ thi đua tỉnh', 'Cờ tỉnh'],
    subject: 'collective',
    kind: 'title',
    issuerLevel: 'province',
    awardedBy: ['province'],
    reward: reward(null, 8.0, {
      document: DOCUMENTS.DECREE_98_2023,
      article: 'Điều 54',
      verify: `Mức 8,0 lần lấy theo tài liệu nghiệp vụ; ${VERIFY}.`,
    }),
    source: { document: DOCUMENTS.LAW_2003, verify: `Số điều về Cờ thi đua cấp tỉnh: ${VERIFY}.` },
  },
  {
    id: 'co_chinhphu',
    name: 'Cờ thi đua của Chính phủ',
    shortForms: ['Cờ thi đua Chính phủ', 'Cờ Chính phủ', 'Cờ thi đua CP'],
    subject: 'collective',
    kind: 'title',
    issuerLevel: 'national',
    awardedBy: ['national'],
    reward: reward(null, 12.0),
    source: { document: DOCUMENTS.LAW_2003, verify: `Số điều về Cờ thi đua của Chính phủ: ${VERIFY}.` },
  },
  {
    id: 'gd_vanhoa',
    name: 'Gia đình văn hóa',
    shortForms: ['GĐVH', 'Danh hiệu Gia đình văn hóa'],
    subject: 'collective',
    recipient: 'household',
    kind: 'title',
    issuerLevel: 'commune',
    awardedBy: ['commune'],
    reward: reward(null, null, { document: DOCUMENTS.DECREE_98_2023, verify: `Mức thưởng: ${VERIFY}.` }),
    source: { document: DOCUMENTS.LAW_2022, verify: `Số điều và thẩm quyền: ${VERIFY}.` },
  },
  {
    id: 'thon_vanhoa',
    name: 'Thôn, tổ dân phố văn hóa',
    shortForms: [
      'Ấp văn hóa',
      'Khóm văn hóa',
      'Khu phố văn hóa',
      'Thôn văn hóa',
      'Tổ dân phố văn hóa',
      'Ấp, khóm văn hóa',
    ],
    subject: 'collective',
    recipient: 'residential_area',
    kind: 'title',
    issuerLevel: 'district',
    awardedBy: ['district', 'commune'],
    reward: reward(null, 1.5),
    source: { document: DOCUMENTS.LAW_2022, verify: `Số điều và thẩm quyền (cấp huyện hay cấp xã): ${VERIFY}.` },
  },
  // ── Hình thức khen thưởng ────────────────────────────────────────────────
  {
    id: 'gk_xa',
    name: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã',
    shortForms: [
      'GK UBND xã',
      'Giấy khen UBND xã',
      'Giấy khen của Chủ tịch UBND xã',
      'Giấy khen của Chủ tịch UBND thị trấn',
      'Giấy khen của Chủ tịch UBND phường',
      'Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
      'Giấy khen cấp xã',
    ],
    subject: 'both',
    kind: 'form',
    issuerLevel: 'commune',
    awardedBy: ['commune'],
    reward: FORM_REWARD_UNCHECKED('theo trí nhớ: cá nhân 0,3, tập thể 0,6 lần lương cơ sở'),
    source: { document: DOCUMENTS.LAW_2022, verify: `Số điều về Giấy khen: ${VERIFY}.` },
  },
  {
    id: 'gk_huyen',
    name: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện',
    shortForms: [
      'GK UBND huyện',
      'Giấy khen UBND huyện',
      'Giấy khen của Chủ tịch UBND huyện',
      'GK CT UBND huyện',
      'GK huyện',
      'Giấy khen huyện',
      'Giấy khen cấp huyện',
    ],
    subject: 'both',
    kind: 'form',
    issuerLevel: 'district',
    awardedBy: ['district'],
    reward: FORM_REWARD_UNCHECKED('theo trí nhớ: cá nhân 0,3, tập thể 0,6 lần lương cơ sở'),
    // District-level government ended on 30/6/2025.
    validToYear: 2025,
    source: { document: DOCUMENTS.LAW_2022, verify: `Số điều về Giấy khen: ${VERIFY}.` },
  },
  {
    id: 'bk_tinh',
    name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    shortForms: [
      'BK UBND tỉnh',
      'Bằng khen UBND tỉnh',
      'Bằng khen của UBND tỉnh',
      'Bằng khen của Chủ tịch UBND tỉnh',
      'BK CT UBND tỉnh',
      'Bằng khen tỉnh',
      'Bằng khen cấp tỉnh',
      'BK tỉnh',
    ],
    subject: 'both',
    kind: 'form',
    issuerLevel: 'province',
    awardedBy: ['province'],
    reward: FORM_REWARD_UNCHECKED('theo trí nhớ: cá nhân 1,0, tập thể 2,0 lần lương cơ sở'),
    source: { document: DOCUMENTS.LAW_2022, article: 'Điều 74' },
  },
  {
    id: 'bk_ttg',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    shortForms: [
      'BK TTg',
      'BKTTg',
      'BK TTCP',
      'Bằng khen Thủ tướng',
      'Bằng khen của Thủ tướng',
      'Bằng khen Thủ tướng Chính phủ',
    ],
    subject: 'both',
    kind: 'form',
    issuerLevel: 'national',
    awardedBy: ['national'],
    reward: FORM_REWARD_UNCHECKED('theo trí nhớ: cá nhân 1,5, tập thể 3,0 lần lương cơ sở'),
    source: { document: DOCUMENTS.LAW_2022, verify: `Số điều về Bằng khen của Thủ tướng Chính phủ: ${VERIFY}.` },
  },
  ...(['nhat', 'nhi', 'ba'] as const).map((rank): Award => {
    const word = { nhat: 'Nhất', nhi: 'Nhì', ba: 'Ba' }[rank];
    const roman = { nhat: 'I', nhi: 'II', ba: 'III' }[rank];
    const digit = { nhat: '1', nhi: '2', ba: '3' }[rank];
    return {
      id: `hcld_${rank}` as AwardId,
      name: `Huân chương Lao động hạng ${word}`,
      shortForms: [`HCLĐ hạng ${word}`, `Huân chương Lao động hạng ${roman}`, `HCLĐ hạng ${digit}`],
      subject: 'both',
      kind: 'form',
      issuerLevel: 'national',
      awardedBy: ['national'],
      reward: FORM_REWARD_UNCHECKED('mức thưởng Huân chương theo từng hạng'),
      source: { document: DOCUMENTS.LAW_2022, verify: `Số điều về Huân chương Lao động: ${VERIFY}.` },
    };
  }),
  {
    id: 'knc',
    name: 'Kỷ niệm chương',
    shortForms: ['KNC', 'Kỉ niệm chương'],
    subject: 'individual',
    kind: 'form',
    issuerLevel: 'national',
    awardedBy: ['national'],
    reward: null,
    matchesPrefix: true,
    source: {
      document: DOCUMENTS.LAW_2022,
      verify: `Kỷ niệm chương do bộ, ban, ngành, đoàn thể trung ương tặng theo quy chế riêng; số điều: ${VERIFY}.`,
    },
  },
];

const BY_ID = new Map<AwardId, Award>(AWARDS.map((a) => [a.id, a]));

/** The award with this id. Throws for an unknown id (a programming error). */
export function awardById(id: AwardId): Award {
  const award = BY_ID.get(id);
  if (!award) throw new RangeError(`Unknown award id: ${id}`);
  return award;
}

/** The award whose official name is exactly this text, if any. */
export function awardByName(name: string): Award | undefined {
  return AWARDS.find((a) => a.name === name);
}
