/**
 * The legal documents the catalogue and the rulebooks cite. Only numbers and
 * dates known with confidence are written here; anything else is marked
 * "cần đối chiếu văn bản" where it is used.
 */
export const DOCUMENTS = {
  /** Law of 2003 with its amendments (2005, 2009, 2013): in force until 31/12/2023. */
  LAW_2003: 'Luật Thi đua, Khen thưởng số 15/2003/QH11 (sửa đổi, bổ sung năm 2005, 2009 và 2013)',
  /** Amending law of 2013. */
  LAW_2013: 'Luật số 39/2013/QH13 sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng',
  /** Decree detailing the 2003 law, from 2017. */
  DECREE_91_2017: 'Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ',
  /** Law of 2022, in force from 01/01/2024. */
  LAW_2022: 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022',
  /** Decree detailing the 2022 law, from 01/01/2024. */
  DECREE_98_2023: 'Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ',
  /** Decree of 2025 on the 2022 law (two-tier local government). */
  DECREE_152_2025: 'Nghị định số 152/2025/NĐ-CP của Chính phủ',
  /** Practice, not a legal text: councils' own working rules. */
  COUNCIL_RULES: 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (do từng cấp, từng ngành ban hành)',
} as const;

/** The phrase used wherever a fact still has to be checked against the legal text. */
export const VERIFY = 'cần đối chiếu văn bản';
