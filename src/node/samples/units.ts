/**
 * What the generator needs to know about a sending unit: what sort of unit it
 * is (commune, department, the education department…), how its name is written
 * in title blocks and cells, its collectives and its staff's positions.
 */
import type { Unit } from '../../core/units';
import type { Rng } from './prng';
import { ascii, upper } from './text';
import {
  DEPARTMENT_COLLECTIVES,
  DEPARTMENT_ROLES,
  INSPECTION_ROLES,
  LOCAL_COLLECTIVES,
  LOCAL_ROLES,
  OFFICE_ROLES,
  PLACE_SYLLABLES_1,
  PLACE_SYLLABLES_2,
  ROMAN,
  SCHOOL_ROLES,
  SCHOOL_TYPES,
  type Position,
} from './vocab';

export type UnitProfile = 'local' | 'education' | 'department' | 'inspection' | 'office' | 'school' | 'other';

export interface UnitInfo {
  readonly unit: Unit;
  readonly profile: UnitProfile;
  /** "xã", "thị trấn", "phường" for communes, towns and wards; null otherwise. */
  readonly level: string | null;
  /** Name without its kind word: "Thường Phước 1", "Y tế", "Kinh tế và Hạ tầng". */
  readonly place: string;
  /** Initials of a department name joined the usual way ("KT&HT", "LĐ-TB&XH"), or null when it has none. */
  readonly initials: string | null;
  /** Collectives the unit may list, in a fixed order. */
  readonly collectives: ReadonlyArray<string>;
  /** Hamlets (ấp, khóm) of a commune, for positions such as "Trưởng ấp Long Hòa". */
  readonly hamlets: ReadonlyArray<string>;
  /** Schools under the education department (workplaces of its teachers). */
  readonly schools: ReadonlyArray<string>;
}

const LOCAL_LEVEL: Readonly<Record<string, string>> = { commune: 'xã', town: 'thị trấn', ward: 'phường' };

function profileOf(unit: Unit): UnitProfile {
  if (LOCAL_LEVEL[unit.kind]) return 'local';
  if (unit.kind === 'school') return 'school';
  if (/giáo dục/i.test(unit.name)) return 'education';
  if (/^thanh tra/i.test(unit.name)) return 'inspection';
  if (/^văn phòng/i.test(unit.name)) return 'office';
  if (unit.kind === 'department' || /^phòng /i.test(unit.name)) return 'department';
  return 'other';
}

function placeOf(unit: Unit): string {
  return unit.name.replace(/^(xã|thị trấn|phường|phòng|trường)\s+/i, '');
}

/**
 * Initials the way documents abbreviate department names: each syllable's
 * first letter, parts joined by "&" where the name has "và" and by "-" where it
 * has a dash. Null for names of one part ("Y tế", "Nội vụ").
 */
export function initialsOf(place: string): string | null {
  const dashParts = place.split(/\s+[-–]\s+/);
  let parts = 0;
  const out = dashParts
    .map((dashPart) =>
      dashPart
        .split(/\s+và\s+/)
        .map((p) => {
          parts++;
          return p
            .split(/\s+/)
            .map((w) => upper(w[0] ?? ''))
            .join('');
        })
        .join('&'),
    )
    .join('-');
  return parts >= 2 ? out : null;
}

/** Trailing number as a Roman numeral, trailing letter in quotes: "Thường Phước I", 'Long Khánh "A"'. */
function placeVariants(place: string): string[] {
  const out = [place];
  const num = /^(.*\S)\s+([1-4])$/.exec(place);
  if (num) out.push(`${num[1]} ${ROMAN[num[2]]}`);
  const letter = /^(.*\S)\s+([A-D])$/.exec(place);
  if (letter) out.push(`${letter[1]} "${letter[2]}"`, `${letter[1]} “${letter[2]}”`);
  return out;
}

/** Builds the generator's view of the units, with collectives and hamlets unique across the set. */
export function describeUnits(units: ReadonlyArray<Unit>, rng: Rng): UnitInfo[] {
  const usedPlaces = new Set<string>();
  const hamletName = (prefix: string): string => {
    for (let i = 0; i < 500; i++) {
      const a = rng.pick(PLACE_SYLLABLES_1);
      const b = rng.pick(PLACE_SYLLABLES_2);
      if (a === b) continue;
      const name = `${prefix} ${a} ${b}`;
      if (usedPlaces.has(name)) continue;
      usedPlaces.add(name);
      return name;
    }
    // Enormous registries exhaust the syllables: number the rest.
    const name = `${prefix} ${usedPlaces.size + 1}`;
    usedPlaces.add(name);
    return name;
  };
  const localPlaces = units.filter((u) => LOCAL_LEVEL[u.kind]).map(placeOf);
  if (localPlaces.length === 0) localPlaces.push('An Bình', 'Tân Hòa', 'Phú Mỹ');

  return units.map((unit) => {
    const profile = profileOf(unit);
    const place = placeOf(unit);
    const level = LOCAL_LEVEL[unit.kind] ?? null;
    let collectives: string[] = [];
    let hamlets: string[] = [];
    let schools: string[] = [];
    if (profile === 'local') {
      const prefix = level === 'xã' ? 'Ấp' : 'Khóm';
      hamlets = Array.from({ length: rng.int(3, 6) }, () => hamletName(prefix));
      collectives = [
        ...LOCAL_COLLECTIVES.map((t) => t.replace('{level}', level as string).replace('{place}', place)),
        ...hamlets,
        ...hamlets.slice(0, 2).map((h) => `Chi bộ ${h[0].toLocaleLowerCase('vi')}${h.slice(1)}`),
      ];
    } else if (profile === 'education') {
      for (const p of localPlaces) {
        for (const [type] of SCHOOL_TYPES) {
          if (type === 'Trường Tiểu học') {
            const sep = /[A-D]$/.test(p) ? '' : ' ';
            schools.push(`${type} ${p}${sep}1`, `${type} ${p}${sep}2`);
          } else if (rng.chance(0.6)) {
            schools.push(`${type} ${p}`);
          }
        }
      }
      schools = schools.filter((s) => !usedPlaces.has(s));
      schools.forEach((s) => usedPlaces.add(s));
      collectives = [...DEPARTMENT_COLLECTIVES.map((t) => t.replace('{unit}', unit.name)), ...schools];
    } else if (profile === 'school') {
      collectives = [
        unit.name,
        `Công đoàn cơ sở ${unit.name}`,
        `Chi đoàn ${unit.name}`,
        `Tổ Văn phòng ${unit.name}`,
        `Tổ Chuyên môn 1 ${unit.name}`,
      ];
    } else {
      const templates = profile === 'department' ? DEPARTMENT_COLLECTIVES : DEPARTMENT_COLLECTIVES.slice(0, 4);
      collectives = templates.map((t) => t.replace('{unit}', unit.name));
    }
    const initials = profile === 'department' || profile === 'education' ? initialsOf(place) : null;
    return { unit, profile, level, place, initials, collectives, hamlets, schools };
  });
}

/** A position for a member of the unit's staff. */
export function drawPosition(rng: Rng, info: UnitInfo): Position {
  switch (info.profile) {
    case 'local': {
      const role = rng
        .weighted(LOCAL_ROLES)
        .replace('{level}', info.level as string)
        .replace('{hamlet}', () => {
          const h = rng.pick(info.hamlets);
          return h[0].toLocaleLowerCase('vi') + h.slice(1);
        });
      return { role, workplace: null };
    }
    case 'education':
      if (info.schools.length > 0 && rng.chance(0.65)) {
        return { role: rng.weighted(SCHOOL_ROLES), workplace: rng.pick(info.schools) };
      }
      return { role: rng.weighted(DEPARTMENT_ROLES), workplace: null };
    case 'school':
      return { role: rng.weighted(SCHOOL_ROLES), workplace: null };
    case 'inspection':
      return { role: rng.weighted(INSPECTION_ROLES), workplace: null };
    case 'office':
      return { role: rng.weighted(OFFICE_ROLES), workplace: null };
    default:
      return { role: rng.weighted(DEPARTMENT_ROLES), workplace: null };
  }
}

/** Ways the unit's own name is written in cells ("Đơn vị công tác", "Đơn vị: …", "Chức vụ - Đơn vị"). */
export function unitCellForms(info: UnitInfo): string[] {
  const { unit, level, place, initials } = info;
  const out = new Set<string>([unit.name]);
  for (const alias of unit.aliases) if (!/[;]/.test(alias)) out.add(alias);
  if (level) {
    const Level = level[0].toLocaleUpperCase('vi') + level.slice(1);
    for (const p of placeVariants(place)) {
      out.add(`UBND ${level} ${p}`);
      out.add(`UBND ${Level} ${p}`);
      out.add(`Ủy ban nhân dân ${level} ${p}`);
      out.add(`${Level} ${p}`);
    }
    if (level === 'thị trấn') {
      out.add(`TT ${place}`);
      out.add(`Thị Trấn ${place}`);
    }
  } else if (info.profile === 'department' || info.profile === 'education') {
    out.add(`P. ${place}`);
    if (initials) {
      out.add(`Phòng ${initials}`);
      out.add(`P. ${initials}`);
    }
  }
  return [...out];
}

/** Ways the unit is written on its line of the title block (capitals). */
export function unitTitleForms(info: UnitInfo): string[] {
  const { unit, level, place, initials } = info;
  const out = new Set<string>([upper(unit.name)]);
  if (level) {
    for (const p of placeVariants(place)) {
      out.add(upper(`${level} ${p}`));
      out.add(upper(`UBND ${level} ${p}`));
    }
    if (level === 'thị trấn') out.add(upper(`UBND TT. ${place}`));
  } else if (initials) {
    out.add(upper(`Phòng ${initials}`));
  }
  for (const alias of unit.aliases) if (!/huyện\s+\S/.test(alias)) out.add(upper(alias));
  return [...out];
}

/** Short ASCII codes for file names: "PYT", "KT-HT", "ThuongPhuoc1", "Phu_Thuan_B", "Long Thuan". */
export function fileCodes(info: UnitInfo): string[] {
  const plain = ascii(info.place).replace(/["“”']/g, '');
  const words = plain.split(/\s+/).filter((w) => w !== '-' && w !== '–');
  const out: string[] = [];
  if (words.length <= 3) out.push(plain, words.join('_'), words.join(''));
  if (info.profile === 'department' || info.profile === 'education') {
    const letters = words
      .filter((w) => w !== 'va')
      .map((w) => w[0].toUpperCase())
      .join('');
    out.push('P' + letters);
    if (info.initials) out.push(ascii(info.initials).replace(/&/g, '-'));
    if (words.length <= 2) out.push(words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join(''));
  }
  if (out.length === 0) out.push(plain);
  return [...new Set(out.filter((c) => c.length > 0))];
}
