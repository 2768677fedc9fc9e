/**
 * Deliverables asked of every unit of a kind in "TỔ CHỨC THỰC HIỆN": "các
 * phòng, ban, ngành …; Hội đồng thi đua – khen thưởng các xã, thị trấn ban
 * hành Kế hoạch hoạt động năm 2022" asks each department, commune and town
 * for its own plan. The obligations and the unit kinds are data.
 */
import type { UnitKind } from '../contract';
import { quickKey, lowerCanonical } from './fold';
import { MESSAGES } from './messages';
import { findSchedule, type Schedule } from './schedule';
import type { StructNode, StructSection } from './structure';
import type { PlanDeliverable, PlanWarning } from './types';

/** What a unit can be asked to deliver, and the words that ask for it. */
export const OBLIGATIONS: ReadonlyArray<{ action: string; phrases: readonly string[] }> = [
  {
    action: 'ban hành kế hoạch',
    phrases: ['xây dựng và ban hành kế hoạch', 'ban hành kế hoạch', 'xây dựng kế hoạch', 'ban hành văn bản triển khai'],
  },
  {
    action: 'đăng ký thi đua',
    phrases: ['gửi bản đăng ký thi đua', 'gửi đăng ký thi đua', 'đăng ký thi đua', 'đăng ký danh hiệu thi đua'],
  },
  {
    action: 'gửi hồ sơ đề nghị khen thưởng',
    phrases: ['gửi hồ sơ đề nghị khen thưởng', 'gửi hồ sơ đề nghị', 'gửi danh sách đề nghị khen thưởng'],
  },
  {
    action: 'gửi báo cáo',
    phrases: ['gửi báo cáo', 'báo cáo kết quả', 'báo cáo sơ kết', 'báo cáo tổng kết'],
  },
];

/**
 * Kinds of units as plans name them, as groups ("các xã", not "xã": in "đoàn
 * thể xã" the word only says which level). Earlier rows win, and a phrase
 * found is masked: "tổ chức chính trị - xã hội" is read before anything else,
 * "các xã, thị trấn" gives both communes and towns.
 */
export const UNIT_KIND_PHRASES: ReadonlyArray<{
  units: ReadonlyArray<{ kind: UnitKind; label: string }>;
  phrases: readonly string[];
}> = [
  {
    units: [{ kind: 'other', label: 'Tổ chức chính trị - xã hội' }],
    phrases: ['tổ chức chính trị - xã hội', 'đoàn thể', 'mặt trận tổ quốc'],
  },
  {
    units: [{ kind: 'other', label: 'Ấp, khóm' }],
    phrases: ['ban nhân dân các ấp', 'ban nhân dân các khóm', 'các ấp', 'các khóm', 'các ấp, khóm'],
  },
  {
    units: [{ kind: 'department', label: 'Phòng, ban, ngành' }],
    phrases: ['phòng, ban, ngành', 'phòng, ban', 'ban, ngành', 'cơ quan chuyên môn', 'các phòng'],
  },
  {
    units: [{ kind: 'school', label: 'Trường học' }],
    phrases: ['các trường học', 'trường học', 'các trường', 'cơ sở giáo dục'],
  },
  {
    units: [
      { kind: 'commune', label: 'Xã' },
      { kind: 'ward', label: 'Phường' },
      { kind: 'town', label: 'Thị trấn' },
    ],
    phrases: ['các xã, phường, thị trấn', 'xã, phường, thị trấn'],
  },
  {
    units: [
      { kind: 'commune', label: 'Xã' },
      { kind: 'town', label: 'Thị trấn' },
    ],
    phrases: ['các xã, thị trấn', 'xã, thị trấn'],
  },
  {
    units: [
      { kind: 'commune', label: 'Xã' },
      { kind: 'ward', label: 'Phường' },
    ],
    phrases: ['các xã, phường', 'xã, phường'],
  },
  { units: [{ kind: 'commune', label: 'Xã' }], phrases: ['các xã'] },
  { units: [{ kind: 'town', label: 'Thị trấn' }], phrases: ['các thị trấn'] },
  { units: [{ kind: 'ward', label: 'Phường' }], phrases: ['các phường'] },
];

const COUNCIL_WORDS = 'hội đồng thi đua';

function keyRegex(phrase: string): RegExp {
  return new RegExp(`(?<=^| )${quickKey(phrase)}(?= |$)`, 'gu');
}

function phraseRegex(phrase: string): RegExp {
  const words = quickKey(phrase).split(' ');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
}

/** The tables as regular expressions, built once. */
const OBLIGATION_RES = OBLIGATIONS.map((ob) => ({ action: ob.action, res: ob.phrases.map(phraseRegex) }));
const UNIT_KIND_RES = UNIT_KIND_PHRASES.map((row) => ({
  units: row.units,
  res: [...row.phrases].sort((a, b) => b.length - a.length).map(keyRegex),
}));

/**
 * The kinds of units a clause names, in order of appearance. A unit is the
 * council's ("Hội đồng thi đua – khen thưởng các xã") when those words come
 * before it with no other unit in between.
 */
function unitKinds(clause: string): Array<{ kind: UnitKind; label: string; council: boolean }> {
  let key = quickKey(clause);
  const councils = [...key.matchAll(new RegExp(COUNCIL_WORDS, 'gu'))].map((m) => m.index);
  const found: Array<{ kind: UnitKind; label: string; at: number; order: number }> = [];
  for (const row of UNIT_KIND_RES) {
    for (const re of row.res) {
      key = key.replace(re, (m, at: number) => {
        row.units.forEach((u, n) => found.push({ ...u, at, order: n }));
        return ' '.repeat(m.length);
      });
    }
  }
  const starts = [...new Set(found.map((f) => f.at))];
  return found
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .filter((f, i, all) => all.findIndex((g) => g.kind === f.kind && g.label === f.label) === i)
    .map((f) => ({
      kind: f.kind,
      label: f.label,
      council: councils.some((c) => c < f.at && !starts.some((s) => s > c && s < f.at)),
    }));
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.trim() !== '');
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function nodesOf(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...nodesOf(n.children)]);
}

/** Reads the deliverables of the "TỔ CHỨC THỰC HIỆN" section. */
export function readDeliverables(
  section: StructSection,
  year: number | null,
  warnings: PlanWarning[],
): PlanDeliverable[] {
  const prefix = section.marker?.kind === 'roman' ? `${section.marker.parts[0]}.` : '';
  const paragraphs: Array<{ source: string; text: string; line: number }> = [];
  if (section.body.length) {
    paragraphs.push({
      source: prefix.replace(/\.$/, ''),
      text: section.body.map((b) => b.text).join(' '),
      line: section.line,
    });
  }
  for (const node of nodesOf(section.nodes)) {
    paragraphs.push({
      source: prefix + node.path.join('.'),
      text: [node.heading, ...node.body.map((b) => b.text)].join(' '),
      line: node.line,
    });
  }
  const out: PlanDeliverable[] = [];
  for (const p of paragraphs) {
    for (const sentence of sentences(p.text)) {
      const text = lowerCanonical(sentence);
      for (const ob of OBLIGATION_RES) {
        const hit = ob.res
          .map((re) => re.exec(text))
          .filter((m): m is RegExpExecArray => m !== null)
          .sort((a, b) => a.index - b.index)[0];
        if (!hit) continue;
        const subject = sentence.slice(0, hit.index);
        const object = sentence.slice(hit.index).split(/[;.](?:\s|$)/u)[0];
        let schedule: Schedule | null = null;
        const found = findSchedule(object, year, 'deadline');
        const title = capitalise(
          (found ? object.replace(found.phrase, '') : object)
            .trim()
            .replace(/[\s,;:.]+$/u, '')
            .replace(/\s+/g, ' '),
        );
        if (found) {
          const { understood, unparsed, ...rest } = found.schedule;
          schedule = rest;
          if (!understood) {
            warnings.push({
              code: 'unknown-time',
              message: MESSAGES.unknownTime(MESSAGES.paragraph(p.source), found.phrase, unparsed),
              phrase: found.phrase,
              line: p.line,
            });
          }
        }
        const units = new Map<string, { kind: UnitKind; label: string; council: boolean }>();
        for (const clause of subject.split(';')) {
          for (const unit of unitKinds(clause)) {
            const seen = units.get(`${unit.kind}|${unit.label}`);
            units.set(`${unit.kind}|${unit.label}`, {
              kind: unit.kind,
              label: unit.label,
              council: unit.council || (seen?.council ?? false),
            });
          }
        }
        for (const unit of units.values()) {
          const unitKind = unit.kind;
          let id = `${p.source}:${unitKind}`;
          for (let n = 2; out.some((d) => d.id === id); n++) id = `${p.source}:${unitKind}#${n}`;
          out.push({
            id,
            source: p.source,
            unitKind,
            unitLabel: unit.label,
            council: unit.council,
            action: ob.action,
            title,
            schedule,
            text: sentence.trim(),
          });
        }
        break;
      }
    }
  }
  return out;
}
