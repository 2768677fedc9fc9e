/**
 * Built-in example registry: Hồng Ngự district (Đồng Tháp) in 2022, with the
 * commune mergers of 1 July 2025 as history.
 *
 * Sources:
 * - The 2022 units (thị trấn Thường Thới Tiền and 9 communes; the district's
 *   departments) and their clusters/blocks: the council's 2022 plan and unit
 *   list (the project's domain primer, CONTEXT.md).
 * - District-level government ended on 30 June 2025 (two-tier local
 *   government from 1 July 2025): every district department and the district
 *   itself end on 2025-06-30.
 * - Mergers: Nghị quyết 1663/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ
 *   Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Đồng Tháp năm 2025.
 *   Recorded here only where the composition is known with confidence:
 *     Thị trấn Thường Thới Tiền + Xã Thường Phước 1 + Xã Thường Phước 2 → Xã Thường Phước;
 *     Xã Long Khánh A + Xã Long Khánh B → Xã Long Khánh.
 *   The other communes (Long Thuận, Phú Thuận A, Phú Thuận B, Thường Lạc,
 *   Thường Thới Hậu A) also ended on 2025-06-30, but their successors are not
 *   recorded (cần đối chiếu Nghị quyết 1663/NQ-UBTVQH15); add them to the unit
 *   sheet when confirmed.
 */
import { UnitRegistry } from './registry';
import type { UnitInput } from './types';

const DISTRICT_END = '2025-06-30';
const MERGER_START = '2025-07-01';

function commune(
  name: string,
  cluster: string,
  mergedInto: string | null,
  extraAliases: string[] = [],
  kind: 'commune' | 'town' = 'commune',
): UnitInput {
  const bare = name.replace(/^(Xã|Thị trấn) /, '');
  const level = kind === 'town' ? 'thị trấn' : 'xã';
  return {
    name,
    kind,
    cluster,
    aliases: [`UBND ${level} ${bare}`, `Ủy ban nhân dân ${level} ${bare}`, ...extraAliases],
    validTo: DISTRICT_END,
    mergedInto,
  };
}

function department(name: string, cluster: string, extraAliases: string[] = []): UnitInput {
  return {
    name,
    kind: 'department',
    cluster,
    aliases: [name.endsWith(' huyện') ? `${name} Hồng Ngự` : `${name} huyện Hồng Ngự`, ...extraAliases],
    validTo: DISTRICT_END,
  };
}

export const HONG_NGU_UNITS: ReadonlyArray<UnitInput> = [
  commune('Thị trấn Thường Thới Tiền', 'Cụm thi đua số 1', 'Xã Thường Phước', ['TT Thường Thới Tiền'], 'town'),
  commune('Xã Thường Phước 1', 'Cụm thi đua số 1', 'Xã Thường Phước'),
  commune('Xã Thường Phước 2', 'Cụm thi đua số 1', 'Xã Thường Phước'),
  commune('Xã Thường Thới Hậu A', 'Cụm thi đua số 1', null),
  commune('Xã Thường Lạc', 'Cụm thi đua số 1', null),
  commune('Xã Long Khánh A', 'Cụm thi đua số 2', 'Xã Long Khánh'),
  commune('Xã Long Khánh B', 'Cụm thi đua số 2', 'Xã Long Khánh'),
  commune('Xã Long Thuận', 'Cụm thi đua số 2', null),
  commune('Xã Phú Thuận A', 'Cụm thi đua số 2', null),
  commune('Xã Phú Thuận B', 'Cụm thi đua số 2', null),
  department('Phòng Nội vụ', 'Khối Tổng hợp'),
  department('Phòng Tài chính - Kế hoạch', 'Khối Tổng hợp'),
  department('Phòng Tư pháp', 'Khối Tổng hợp'),
  department('Phòng Văn hóa và Thông tin', 'Khối Văn hóa - Xã hội'),
  department('Phòng Giáo dục và Đào tạo', 'Khối Văn hóa - Xã hội'),
  department('Phòng Y tế', 'Khối Văn hóa - Xã hội'),
  department('Phòng Lao động - Thương binh và Xã hội', 'Khối Văn hóa - Xã hội'),
  department('Phòng Nông nghiệp và Phát triển nông thôn', 'Khối Kinh tế'),
  department('Phòng Tài nguyên và Môi trường', 'Khối Kinh tế'),
  department('Phòng Kinh tế và Hạ tầng', 'Khối Kinh tế'),
  department('Thanh tra huyện', 'Khối Tổng hợp'),
  department('Văn phòng HĐND và UBND huyện', 'Khối Tổng hợp'),
  {
    name: 'Xã Thường Phước',
    kind: 'commune',
    aliases: ['UBND xã Thường Phước', 'Ủy ban nhân dân xã Thường Phước'],
    validFrom: MERGER_START,
  },
  {
    name: 'Xã Long Khánh',
    kind: 'commune',
    aliases: ['UBND xã Long Khánh', 'Ủy ban nhân dân xã Long Khánh'],
    validFrom: MERGER_START,
  },
];

/** A fresh registry of the built-in Hồng Ngự units. */
export function hongNguRegistry(): UnitRegistry {
  return new UnitRegistry(HONG_NGU_UNITS);
}
