/**
 * parsePlan: from the text of a yearly plan to its trackable items.
 *
 * The layout comes from structure.ts, the labels and roles from roles.ts, the
 * time phrases from schedule.ts. This module decides which section holds the
 * tasks (by its heading words, not its number), reads each leaf of that
 * section as an item, lets children inherit the roles written under their
 * parent, and reads the deliverables of "TỔ CHỨC THỰC HIỆN".
 */
import { isAllCaps, matchKey } from '../text';
import { readDeliverables } from './deliverables';
import { MESSAGES } from './messages';
import { findQuantity, proseRoles, splitFields, splitLead, splitUnits, trimValue, type Field } from './roles';
import { defaultSchedule, findSchedule, parseSchedule, type Schedule } from './schedule';
import { parseStructure, type Block, type StructNode, type StructSection } from './structure';
import type { ParsedPlan, ParsePlanOptions, PlanItem, PlanWarning, ScheduleSource } from './types';

/** Heading words of the section that lists the tasks (matched at the start of the heading). */
export const TASK_SECTION_WORDS: readonly string[] = [
  'nội dung và giải pháp',
  'nhiệm vụ và giải pháp',
  'nội dung nhiệm vụ',
  'nội dung hoạt động',
  'nội dung thực hiện',
  'nội dung',
  'nhiệm vụ',
  'các nhiệm vụ',
  'các nội dung',
  'các hoạt động',
  'hoạt động',
  'chương trình công tác',
  'kế hoạch thực hiện',
  'giải pháp',
];

/** Heading words of the section that assigns duties to units. */
export const ORGANISATION_SECTION_WORDS: readonly string[] = [
  'tổ chức thực hiện',
  'trách nhiệm thực hiện',
  'trách nhiệm',
  'phân công thực hiện',
  'phân công nhiệm vụ',
  'phân công',
];

/** Heading words of the section of aims, never tracked. */
export const AIM_SECTION_WORDS: readonly string[] = ['mục đích', 'yêu cầu', 'mục tiêu', 'quan điểm'];

/** First words of a title's second line that read better in lower case after "Kế hoạch". */
const TITLE_COMMON_STARTS: readonly string[] = [
  'hoạt động',
  'tổ chức',
  'triển khai',
  'thực hiện',
  'công tác',
  'phát động',
];

function headingKey(heading: string): string {
  return matchKey(heading).replace(/^các /u, '');
}

const SECTION_KEYS = {
  organisation: ORGANISATION_SECTION_WORDS.map(headingKey),
  aims: AIM_SECTION_WORDS.map(headingKey),
  tasks: TASK_SECTION_WORDS.map(headingKey),
};

function startsWithAny(key: string, keys: readonly string[]): boolean {
  return keys.some((k) => key === k || key.startsWith(`${k} `));
}

function sectionRole(section: StructSection): 'tasks' | 'organisation' | 'aims' | 'other' {
  const key = headingKey(section.heading);
  if (startsWithAny(key, SECTION_KEYS.organisation)) return 'organisation';
  if (startsWithAny(key, SECTION_KEYS.aims)) return 'aims';
  if (startsWithAny(key, SECTION_KEYS.tasks)) return 'tasks';
  return 'other';
}

function planTitle(raw: string): string {
  const m = /^KẾ HOẠCH\s+(.*)$/u.exec(raw);
  if (!m || isAllCaps(m[1])) return raw;
  const rest = m[1];
  const key = matchKey(rest);
  const lower = TITLE_COMMON_STARTS.some((w) => key.startsWith(`${w} `));
  return `Kế hoạch ${lower ? rest.charAt(0).toLocaleLowerCase('vi') + rest.slice(1) : rest}`;
}

function yearOf(title: string): number | null {
  const all = [...title.matchAll(/năm\s+((?:19|20)\d{2})(?!\d)/giu)];
  if (all.length) return Number(all[all.length - 1][1]);
  const bare = [...title.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/gu)];
  return bare.length ? Number(bare[bare.length - 1][1]) : null;
}

/** What a node says about itself: its title, paragraphs and labelled fields. */
interface NodeInfo {
  title: string;
  paragraphs: string[];
  lead: string;
  advisory: string;
  executor: string;
  coordinators: string[];
  target: string;
  time: string[];
}

function appendValue(current: string, value: string): string {
  if (!value) return current;
  return current ? `${current}; ${value}` : value;
}

function readFields(info: NodeInfo, fields: Field[]): void {
  for (const f of fields) {
    switch (f.key) {
      case 'content':
        if (f.value) info.paragraphs.push(f.value);
        break;
      case 'lead': {
        const { lead, coordinators } = splitLead(f.value);
        info.lead = appendValue(info.lead, lead);
        info.coordinators.push(...coordinators);
        break;
      }
      case 'advisory':
        info.advisory = appendValue(info.advisory, trimValue(f.value));
        break;
      case 'executor':
        info.executor = appendValue(info.executor, trimValue(f.value));
        break;
      case 'coordinators':
        info.coordinators.push(...splitUnits(f.value));
        break;
      case 'target':
        info.target = appendValue(info.target, trimValue(f.value));
        break;
      case 'time':
        if (trimValue(f.value)) info.time.push(trimValue(f.value));
        break;
    }
  }
}

function readNode(heading: string, body: Block[]): NodeInfo {
  const info: NodeInfo = {
    title: '',
    paragraphs: [],
    lead: '',
    advisory: '',
    executor: '',
    coordinators: [],
    target: '',
    time: [],
  };
  const head = splitFields(heading);
  info.title = trimValue(head.free);
  readFields(info, head.fields);
  for (const b of body) {
    const split = splitFields(b.text);
    if (split.fields.length === 0) {
      const prose = proseRoles(b.text);
      if (prose && !info.lead) {
        info.lead = prose.lead;
        info.coordinators.push(...prose.coordinators);
        continue;
      }
    }
    if (split.free) info.paragraphs.push(split.free);
    readFields(info, split.fields);
  }
  info.coordinators = [...new Set(info.coordinators)];
  return info;
}

function leavesWithAncestors(
  nodes: StructNode[],
  ancestors: StructNode[] = [],
): Array<{ node: StructNode; ancestors: StructNode[] }> {
  return nodes.flatMap((n) =>
    n.children.length ? leavesWithAncestors(n.children, [...ancestors, n]) : [{ node: n, ancestors }],
  );
}

function stripUnderstood(parsed: ReturnType<typeof parseSchedule>): Schedule {
  const { kind, due, start, text } = parsed;
  return { kind, due, start, text };
}

/**
 * Reads a plan. `text` is the plan as plain text (from a .txt file, a PDF, or
 * a .docx with its numbering rendered); `options.year` is used when the title
 * names no year.
 */
export function parsePlan(text: string, options: ParsePlanOptions = {}): ParsedPlan {
  const warnings: PlanWarning[] = [];
  const structure = parseStructure(text);

  let title = planTitle(structure.title);
  if (!title) {
    title = structure.firstLine;
    warnings.push({ code: 'no-title', message: MESSAGES.noTitle() });
  }
  const titleYear = yearOf(title);
  const year = titleYear ?? options.year ?? null;
  if (titleYear !== null && options.year !== undefined && options.year !== titleYear) {
    warnings.push({ code: 'year-mismatch', message: MESSAGES.yearMismatch(titleYear, options.year) });
  }
  if (year === null) warnings.push({ code: 'no-year', message: MESSAGES.noYear() });

  const roles = structure.sections.map(sectionRole);
  let tasks = structure.sections.find((_s, i) => roles[i] === 'tasks');
  if (!tasks) {
    // No heading names the tasks: take the section with the most numbered leaves that is neither aims nor duties.
    const candidates = structure.sections.filter((_s, i) => roles[i] === 'other');
    tasks = [...candidates].sort(
      (a, b) => leavesWithAncestors(b.nodes).length - leavesWithAncestors(a.nodes).length,
    )[0];
    warnings.push({ code: 'no-tasks-section', message: MESSAGES.noTasksSection() });
  }

  const items: PlanItem[] = [];
  if (tasks) {
    const sectionInfo = readNode('', tasks.body);
    const infoCache = new Map<StructNode, NodeInfo>();
    const infoOf = (n: StructNode): NodeInfo => {
      let info = infoCache.get(n);
      if (!info) infoCache.set(n, (info = readNode(n.heading, n.body)));
      return info;
    };
    for (const { node, ancestors } of leavesWithAncestors(tasks.nodes)) {
      const own = infoOf(node);
      // Nearest first: the leaf, its parents, then the section's own lines.
      const chain = [own, ...ancestors.map(infoOf).reverse(), sectionInfo];
      const inherit = <K extends 'lead' | 'advisory' | 'executor'>(key: K): string =>
        chain.find((i) => i[key] !== '')?.[key] ?? '';
      let id = node.path.map((p) => p.toLocaleLowerCase('vi')).join('.');
      if (items.some((i) => i.id === id)) {
        let n = 2;
        while (items.some((i) => i.id === `${id}#${n}`)) n++;
        warnings.push({
          code: 'duplicate-id',
          message: MESSAGES.duplicateId(id, `${id}#${n}`),
          itemId: id,
          line: node.line,
        });
        id = `${id}#${n}`;
      }
      const where = MESSAGES.item(id);
      const content = own.paragraphs.join('\n');

      let schedule: Schedule;
      let scheduleSource: ScheduleSource;
      const timeFrom = chain.findIndex((i) => i.time.length > 0);
      if (timeFrom >= 0) {
        const phrase = chain[timeFrom].time.join('; ');
        const parsed = parseSchedule(phrase, year);
        schedule = stripUnderstood(parsed);
        scheduleSource = timeFrom === 0 ? 'stated' : 'inherited';
        if (!parsed.understood) {
          warnings.push({
            code: 'unknown-time',
            message: MESSAGES.unknownTime(where, parsed.text, parsed.unparsed),
            itemId: id,
            phrase: parsed.text,
            line: node.line,
          });
        }
      } else {
        const found = findSchedule(own.title, year, 'category') ?? findSchedule(content, year, 'category');
        if (found) {
          schedule = { ...stripUnderstood(found.schedule), text: found.phrase };
          scheduleSource = 'inferred';
          warnings.push({
            code: 'schedule-inferred',
            message: MESSAGES.inferred(where, found.phrase, schedule),
            itemId: id,
            phrase: found.phrase,
            line: node.line,
          });
        } else {
          schedule = defaultSchedule(year);
          scheduleSource = 'default';
          warnings.push({
            code: 'schedule-defaulted',
            message: MESSAGES.defaulted(where, year),
            itemId: id,
            line: node.line,
          });
        }
      }

      const coordinators = chain.find((i) => i.coordinators.length > 0)?.coordinators ?? [];
      items.push({
        id,
        title: own.title,
        path: ancestors.map((a) => infoOf(a).title),
        content,
        lead: inherit('lead'),
        advisory: inherit('advisory'),
        executor: inherit('executor'),
        coordinators: [...coordinators],
        target: own.target || findQuantity(`${own.title}\n${content}`) || '',
        schedule,
        scheduleSource,
        line: node.line,
      });
    }
    if (items.length === 0) warnings.push({ code: 'no-items', message: MESSAGES.noItems(tasks.heading) });
  } else {
    warnings.push({ code: 'no-items', message: MESSAGES.noItems('') });
  }

  const deliverables = structure.sections
    .filter((_s, i) => roles[i] === 'organisation')
    .flatMap((s) => readDeliverables(s, year, warnings));

  return { title, year, items, deliverables, warnings };
}
