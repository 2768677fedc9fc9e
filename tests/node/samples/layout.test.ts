import { hongNguRegistry } from '../../../src/core/units';
import { chooseLayout, forceableFor, type LayoutQuirk } from '../../../src/node/samples/layout';
import { World, type ReportPlan } from '../../../src/node/samples/plan';
import { Rng } from '../../../src/node/samples/prng';
import { renderReport } from '../../../src/node/samples/render';
import { describeUnits } from '../../../src/node/samples/units';

const place = { district: 'Hồng Ngự', province: 'Đồng Tháp' };
const infos = describeUnits(
  hongNguRegistry()
    .all()
    .filter((u) => u.validFrom === null),
  new Rng(2),
);

/** Renders one report of a kind with one quirk forced, for several seeds and units. */
function render(kind: 'registration' | 'nomination', quirk: LayoutQuirk, seed: number): Set<string> {
  const world = new World(new Rng(seed), 2022, () => true);
  const spec = chooseLayout(new Rng(seed + 1), kind, new Set([quirk]));
  const date =
    kind === 'registration'
      ? new Date(Date.UTC(2022, 1, 10))
      : new Date(Date.UTC(spec.dateNextYear ? 2023 : 2022, spec.dateNextYear ? 0 : 10, 10));
  const unit = infos[seed % infos.length];
  const plan: ReportPlan = { index: 0, unit, kind, spec, date, rows: [], plants: [] };
  world.plan(plan);
  return renderReport(plan, { year: 2022, place, rng: new Rng(seed + 2), names: world.names }).quirks;
}

// The file name is chosen outside the renderer; award variants are left to chance on purpose.
const DECIDED_ELSEWHERE = new Set<string>(['unicode_filename', 'award_variants']);

for (const kind of ['registration', 'nomination'] as const) {
  test(`every quirk forced onto a ${kind} list shows in the file`, () => {
    const missed: string[] = [];
    for (const quirk of forceableFor(kind)) {
      if (DECIDED_ELSEWHERE.has(quirk)) continue;
      for (let seed = 1; seed <= 12; seed++) {
        if (!render(kind, quirk, seed).has(quirk)) missed.push(`${quirk} (seed ${seed})`);
      }
    }
    expect(missed).toEqual([]);
  });
}

test('forced quirks that cannot share a layout are never both honoured', () => {
  const spec = chooseLayout(new Rng(1), 'registration', new Set<LayoutQuirk>(['matrix_registration']));
  expect(spec.awardMode).toBe('matrix');
  expect(chooseLayout(new Rng(1), 'nomination', new Set<LayoutQuirk>(['split_award_columns'])).awardMode).toBe('split');
  const mixed = chooseLayout(new Rng(1), 'nomination', new Set<LayoutQuirk>(['mixed_encoding', 'vntimeh_caps']));
  expect([mixed.encoding, mixed.titleEncoding, mixed.capsFont]).toEqual(['unicode', 'tcvn3', true]);
});
