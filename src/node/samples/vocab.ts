/**
 * The words the generated reports are made of: people's names, positions,
 * collectives, achievement summaries, notes and the fixed phrases of
 * Vietnamese administrative documents. Invented for the generator; no real
 * person is meant.
 */

/** Family names with rough frequencies (southern Vietnam). */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 30],
  ['Trần', 10],
  ['Lê', 9],
  ['Phạm', 6],
  ['Huỳnh', 6],
  ['Võ', 6],
  ['Phan', 4],
  ['Hồ', 4],
  ['Đặng', 3],
  ['Bùi', 3],
  ['Đỗ', 3],
  ['Ngô', 3],
  ['Trương', 3],
  ['Lâm', 3],
  ['Hoàng', 2],
  ['Dương', 2],
  ['Lý', 2],
  ['Vũ', 1],
  ['Đinh', 1],
  ['Mai', 1],
  ['Cao', 1],
  ['Châu', 1],
  ['Đoàn', 1],
  ['Lưu', 1],
  ['Thái', 1],
  ['Tô', 1],
  ['Tạ', 1],
  ['Quách', 1],
];

export const MIDDLE_NAMES_MALE: ReadonlyArray<string> = [
  'Văn',
  'Văn',
  'Văn',
  'Hữu',
  'Minh',
  'Quốc',
  'Thành',
  'Tấn',
  'Công',
  'Hoàng',
  'Đức',
  'Chí',
  'Thanh',
  'Ngọc',
  'Trung',
  'Phước',
  'Hoài',
  'Duy',
  'Trọng',
  'Văn Út',
  'Thanh Hoài',
  'Minh Tấn',
];

export const MIDDLE_NAMES_FEMALE: ReadonlyArray<string> = [
  'Thị',
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Mỹ',
  'Kim',
  'Bích',
  'Diễm',
  'Thanh',
  'Hồng',
  'Thùy',
  'Phương',
  'Thị Ngọc',
  'Thị Thu',
  'Thị Mỹ',
  'Thị Bích',
  'Thị Kim',
  'Thị Hồng',
  'Thị Thanh',
  'Thị Diễm',
  'Thị Thùy',
  'Thị Kiều',
  'Thị Tuyết',
];

export const GIVEN_NAMES_MALE: ReadonlyArray<string> = [
  'An',
  'Bảo',
  'Bình',
  'Cường',
  'Dũng',
  'Duy',
  'Đạt',
  'Định',
  'Đông',
  'Em',
  'Hải',
  'Hậu',
  'Hiếu',
  'Hòa',
  'Hùng',
  'Hưng',
  'Huy',
  'Khang',
  'Khánh',
  'Khải',
  'Khoa',
  'Kiệt',
  'Lâm',
  'Lộc',
  'Lợi',
  'Long',
  'Luân',
  'Lực',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Nguyên',
  'Nhân',
  'Nhựt',
  'Phát',
  'Phong',
  'Phúc',
  'Quang',
  'Quý',
  'Sang',
  'Sơn',
  'Tài',
  'Tâm',
  'Tân',
  'Thái',
  'Thắng',
  'Thiện',
  'Thịnh',
  'Thuận',
  'Thụy',
  'Tín',
  'Toàn',
  'Trí',
  'Triều',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Vũ',
];

export const GIVEN_NAMES_FEMALE: ReadonlyArray<string> = [
  'Anh',
  'Ánh',
  'Bích',
  'Châu',
  'Diễm',
  'Diệu',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Hòa',
  'Hồng',
  'Huyền',
  'Hương',
  'Kiều',
  'Lài',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Lụa',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nguyệt',
  'Nhi',
  'Nhung',
  'Như',
  'Oanh',
  'Phượng',
  'Phương',
  'Quyên',
  'Thảo',
  'Thơ',
  'Thu',
  'Thủy',
  'Thùy',
  'Thúy',
  'Tiên',
  'Trang',
  'Trâm',
  'Trinh',
  'Tuyết',
  'Uyên',
  'Út',
  'Vân',
  'Xuân',
  'Yến',
  'Ý',
];

/** Syllables hamlet (ấp, khóm) names are made of. */
export const PLACE_SYLLABLES_1: ReadonlyArray<string> = [
  'An',
  'Long',
  'Phú',
  'Bình',
  'Tân',
  'Mỹ',
  'Thạnh',
  'Thới',
  'Phước',
  'Hưng',
  'Vĩnh',
  'Hòa',
];
export const PLACE_SYLLABLES_2: ReadonlyArray<string> = [
  'Hòa',
  'Bình',
  'Thạnh',
  'Lợi',
  'Hưng',
  'Thuận',
  'Phú',
  'An',
  'Mỹ',
  'Tân',
  'Thới',
  'Định',
  'Lộc',
  'Khánh',
];

/** A position: the role and, for staff of a school or hamlet, where they work. */
export interface Position {
  /** "Giáo viên", "Công chức Tư pháp - Hộ tịch", "Trưởng ấp". */
  readonly role: string;
  /** "Trường Tiểu học Long Khánh A1", "ấp Long Hòa"; null when the role says it all. */
  readonly workplace: string | null;
}

/** Roles in a commune, town or ward; {level} is "xã", "thị trấn" or "phường". */
export const LOCAL_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['Chủ tịch UBND {level}', 1],
  ['Phó Chủ tịch UBND {level}', 2],
  ['Công chức Văn phòng - Thống kê', 3],
  ['Công chức Tài chính - Kế toán', 3],
  ['Công chức Tư pháp - Hộ tịch', 3],
  ['Công chức Địa chính - Xây dựng', 3],
  ['Công chức Văn hóa - Xã hội', 3],
  ['Chỉ huy trưởng Ban CHQS {level}', 1],
  ['Phó Chỉ huy trưởng Ban CHQS {level}', 2],
  ['Trưởng Công an {level}', 1],
  ['Phó Trưởng Công an {level}', 2],
  ['Bí thư Đoàn {level}', 1],
  ['Chủ tịch Hội Nông dân {level}', 1],
  ['Chủ tịch Hội Liên hiệp Phụ nữ {level}', 1],
  ['Chủ tịch Hội Cựu chiến binh {level}', 1],
  ['Chủ tịch Ủy ban MTTQ Việt Nam {level}', 1],
  ['Văn thư - Lưu trữ', 2],
  ['Cán bộ Thú y {level}', 1],
  ['Cán bộ Khuyến nông {level}', 1],
  ['Trưởng Trạm Y tế {level}', 1],
  ['Trưởng {hamlet}', 3],
];

/** Roles in a district department. */
export const DEPARTMENT_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['Trưởng phòng', 2],
  ['Phó Trưởng phòng', 3],
  ['Chuyên viên', 8],
  ['Chuyên viên phụ trách tổng hợp', 2],
  ['Kế toán', 2],
  ['Văn thư - Thủ quỹ', 2],
  ['Nhân viên hợp đồng', 1],
];

export const INSPECTION_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['Chánh Thanh tra', 1],
  ['Phó Chánh Thanh tra', 2],
  ['Thanh tra viên', 6],
  ['Kế toán', 1],
  ['Văn thư - Thủ quỹ', 1],
];

export const OFFICE_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['Chánh Văn phòng', 1],
  ['Phó Chánh Văn phòng', 2],
  ['Chuyên viên', 6],
  ['Kế toán', 1],
  ['Văn thư', 2],
  ['Nhân viên lái xe', 2],
  ['Nhân viên Bộ phận Một cửa', 2],
];

/** Roles of school staff; the school is the workplace. */
export const SCHOOL_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['Hiệu trưởng', 1],
  ['Phó Hiệu trưởng', 2],
  ['Giáo viên', 10],
  ['Tổng phụ trách Đội', 1],
  ['Nhân viên Thư viện', 1],
  ['Kế toán', 1],
];

/** Collectives of a commune; {level} "xã" / "thị trấn" / "phường", {place} the bare name. */
export const LOCAL_COLLECTIVES: ReadonlyArray<string> = [
  'Hội Nông dân {level} {place}',
  'Hội Liên hiệp Phụ nữ {level} {place}',
  'Hội Cựu chiến binh {level} {place}',
  'Đoàn Thanh niên {level} {place}',
  'Ủy ban MTTQ Việt Nam {level} {place}',
  'Ban Chỉ huy Quân sự {level} {place}',
  'Công an {level} {place}',
  'Trạm Y tế {level} {place}',
  'Bộ phận Văn phòng - Thống kê {level} {place}',
  'Bộ phận Tiếp nhận và Trả kết quả {level} {place}',
  'UBND {level} {place}',
  'Công đoàn cơ sở {level} {place}',
];

/** Collectives of a department; {unit} is its canonical name. */
export const DEPARTMENT_COLLECTIVES: ReadonlyArray<string> = [
  '{unit}',
  'Công đoàn cơ sở {unit}',
  'Chi bộ {unit}',
  'Chi đoàn {unit}',
  'Tổ Văn phòng {unit}',
];

/** School types, for the education department's collectives and staff. */
export const SCHOOL_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['Trường Mẫu giáo', 1],
  ['Trường Mầm non', 1],
  ['Trường Tiểu học', 2],
  ['Trường THCS', 1],
];

export const ACHIEVEMENTS: ReadonlyArray<string> = [
  'Hoàn thành xuất sắc nhiệm vụ năm {year}',
  'Hoàn thành tốt nhiệm vụ được giao',
  'Hoàn thành tốt nhiệm vụ; tích cực tham gia phong trào thi đua',
  'Có thành tích xuất sắc trong phong trào thi đua năm {year}',
  'Có thành tích trong xây dựng nông thôn mới nâng cao',
  'Có thành tích trong công tác chuyển đổi số',
  'Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận',
  'Đạt danh hiệu LĐTT 2 năm liền ({prev}, {year})',
  'Có thành tích trong cải cách hành chính',
  'Có thành tích trong công tác phòng, chống thiên tai',
];

export const REGISTRATION_CONTENTS: ReadonlyArray<string> = [
  'Phấn đấu đạt danh hiệu',
  'Đăng ký đầu năm',
  'Phấn đấu hoàn thành xuất sắc nhiệm vụ',
  'Phấn đấu hoàn thành tốt nhiệm vụ được giao',
  'Có sáng kiến trong công tác chuyên môn',
];

export const NOTES: ReadonlyArray<string> = [
  'Đảng viên',
  'Bổ sung',
  'Mới chuyển công tác về',
  'Đã đăng ký đầu năm',
  'Đăng ký lần đầu',
  'Đã được tặng Giấy khen năm {old}',
];

/** Names on the "Nơi nhận" list at the foot of a letter. */
export const RECIPIENTS: ReadonlyArray<string> = [
  '- Phòng Nội vụ (TT HĐTĐKT huyện);',
  '- Thường trực HĐTĐKT huyện;',
  '- Lưu: VT.',
];

/** People who made the workbook, as Excel records them. */
export const AUTHORS: ReadonlyArray<string> = [
  'User',
  'Admin',
  'KeToan',
  'PC-VanPhong',
  'Windows User',
  'Microsoft Office User',
  'may1',
  'VanThu',
  'ThiDua',
  'HP',
];

/** Roman numerals written for a trailing number of a unit name ("Thường Phước I"). */
export const ROMAN: Readonly<Record<string, string>> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };
