/**
 * People and collectives of the generated world. Every person's name is unique
 * in a generated set (by the identity key: tone placement, case and spacing
 * ignored), so that every repeat in the files is a planted one.
 */
import { matchKey, titleCaseName } from '../../core/text';
import type { Rng } from './prng';
import { hasOldToneForm } from './text';
import {
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  type Position,
} from './vocab';
import type { UnitInfo } from './units';

export type Gender = 'male' | 'female';

export interface Person {
  readonly subject: 'individual';
  readonly id: number;
  /** NFC, title case, new-style tone placement: the name as the ground truth holds it. */
  readonly name: string;
  /** "Họ và tên đệm" and "Tên", for split name columns. */
  readonly surnamePart: string;
  readonly givenName: string;
  readonly gender: Gender;
  readonly birthYear: number;
  readonly position: Position;
  readonly unit: UnitInfo;
}

export interface Collective {
  readonly subject: 'collective';
  readonly id: number;
  readonly name: string;
  readonly unit: UnitInfo;
}

export type Entity = Person | Collective;

export interface NameOptions {
  gender?: Gender;
  /** A name with a syllable whose old-style tone placement differs ("Hòa", "Thủy"). */
  oldToneForm?: boolean;
}

/** Hands out person names, never the same twice. */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** Marks a name as taken (e.g. signers, so that they never collide with listed people). */
  reserve(name: string): void {
    this.used.add(matchKey(name));
  }

  has(name: string): boolean {
    return this.used.has(matchKey(name));
  }

  fresh(options: NameOptions = {}): { surnamePart: string; givenName: string; name: string; gender: Gender } {
    const rng = this.rng;
    for (let attempt = 0; attempt < 400; attempt++) {
      const gender = options.gender ?? (rng.chance(0.52) ? 'female' : 'male');
      const family = rng.weighted(FAMILY_NAMES);
      let middle = rng.pick(gender === 'female' ? MIDDLE_NAMES_FEMALE : MIDDLE_NAMES_MALE);
      // Long runs of attempts widen the space with a second middle name.
      if (attempt > 100)
        middle += ' ' + rng.pick(gender === 'female' ? ['Ngọc', 'Thanh', 'Kim'] : ['Minh', 'Hoàng', 'Quốc']);
      const givens = gender === 'female' ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE;
      const given = rng.pick(options.oldToneForm && attempt < 300 ? givens.filter(hasOldToneForm) : givens);
      if (middle.split(' ').includes(given)) continue;
      const surnamePart = `${family} ${middle}`;
      const name = titleCaseName(`${surnamePart} ${given}`);
      if (options.oldToneForm && !hasOldToneForm(name)) continue;
      const key = matchKey(name);
      if (this.used.has(key)) continue;
      this.used.add(key);
      return { surnamePart, givenName: given, name, gender };
    }
    throw new Error('NameBook: could not find a fresh name');
  }
}
