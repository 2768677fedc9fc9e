/**
 * Abbreviations of unit names as they are written in the files units send.
 *
 * Source: usage, not law. Administrative documents abbreviate the names of the
 * district's specialised departments (cơ quan chuyên môn thuộc UBND cấp huyện)
 * by the initials of each syllable, joined by "&" or "-" where the full name has
 * "và" or a dash ("Phòng VH&TT", "P. TC-KH", "Phòng LĐ-TB&XH"), or without any
 * separator ("GDĐT", "KTHT"). The keys below are those initials in lower case
 * with đ written d and every separator removed; the matcher compacts what it
 * reads the same way before looking it up.
 *
 * Initials of the registry's own names (e.g. "TP1" for "Thường Phước 1",
 * "TTH A" for "Thường Thới Hậu A") are not listed here: the matcher derives them
 * from the registry, and uses them only when they point at a single unit.
 */
export interface UnitAbbreviation {
  /** Compacted initials: lower case, đ → d, no separators. */
  readonly keys: ReadonlyArray<string>;
  /** What they stand for, in words. */
  readonly expansion: string;
}

export const UNIT_ABBREVIATIONS: ReadonlyArray<UnitAbbreviation> = [
  { keys: ['ubnd'], expansion: 'Ủy ban nhân dân' },
  { keys: ['hdnd'], expansion: 'Hội đồng nhân dân' },
  { keys: ['vp'], expansion: 'Văn phòng' },
  { keys: ['nv'], expansion: 'Nội vụ' },
  { keys: ['pnv'], expansion: 'Phòng Nội vụ' },
  { keys: ['tckh'], expansion: 'Tài chính - Kế hoạch' },
  { keys: ['ptckh'], expansion: 'Phòng Tài chính - Kế hoạch' },
  { keys: ['ptp'], expansion: 'Phòng Tư pháp' },
  { keys: ['vhtt'], expansion: 'Văn hóa và Thông tin' },
  { keys: ['pvhtt'], expansion: 'Phòng Văn hóa và Thông tin' },
  { keys: ['gddt'], expansion: 'Giáo dục và Đào tạo' },
  { keys: ['pgd', 'pgddt'], expansion: 'Phòng Giáo dục và Đào tạo' },
  { keys: ['yt'], expansion: 'Y tế' },
  { keys: ['pyt'], expansion: 'Phòng Y tế' },
  { keys: ['ldtbxh'], expansion: 'Lao động - Thương binh và Xã hội' },
  { keys: ['pldtbxh'], expansion: 'Phòng Lao động - Thương binh và Xã hội' },
  { keys: ['nnptnt'], expansion: 'Nông nghiệp và Phát triển nông thôn' },
  { keys: ['pnnptnt'], expansion: 'Phòng Nông nghiệp và Phát triển nông thôn' },
  { keys: ['tnmt'], expansion: 'Tài nguyên và Môi trường' },
  { keys: ['ptnmt'], expansion: 'Phòng Tài nguyên và Môi trường' },
  { keys: ['ktht'], expansion: 'Kinh tế và Hạ tầng' },
  { keys: ['pktht'], expansion: 'Phòng Kinh tế và Hạ tầng' },
];

/**
 * Words that say what kind of unit follows, dropped in front of a name
 * ("UBND xã Thường Phước 1", "TT. Thường Thới Tiền", "P. Y tế"). Each is a
 * sequence of matching-key tokens and the kind it hints at, which breaks ties
 * between units whose names are otherwise equal.
 */
export const UNIT_PREFIXES: ReadonlyArray<{ readonly tokens: ReadonlyArray<string>; readonly kind?: string }> = [
  { tokens: ['đơn', 'vị'] },
  { tokens: ['ủy', 'ban', 'nhân', 'dân'] },
  { tokens: ['ubnd'] },
  { tokens: ['thị', 'trấn'], kind: 'town' },
  { tokens: ['tt'], kind: 'town' },
  { tokens: ['xã'], kind: 'commune' },
  { tokens: ['phường'], kind: 'ward' },
  { tokens: ['phòng'], kind: 'department' },
  { tokens: ['p'], kind: 'department' },
];

/** Roman numerals written after a name ("Thường Phước I"). */
export const ROMAN_NUMERALS: Readonly<Record<string, string>> = { i: '1', ii: '2', iii: '3', iv: '4' };
