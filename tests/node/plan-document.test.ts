import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as docx from 'docx';
import { parsePlan, type ParsedPlan } from '../../src/core/plan';
import { readMarker } from '../../src/core/plan/structure';
import { UserError } from '../../src/node/errors';
import { formatNumber, readPlanText } from '../../src/node/plan-document';

const FIXTURES = path.resolve(__dirname, '../fixtures/plans');
const PLAN = 'hoi-dong-huyen-2025.txt';
const planText = readFileSync(path.join(FIXTURES, PLAN), 'utf8');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tdkt-plan-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

/** Items and deliverables without source line numbers (a .docx has other line breaks than the .txt). */
function essentials(plan: ParsedPlan): unknown {
  return {
    title: plan.title,
    year: plan.year,
    items: plan.items.map(({ line: _line, ...rest }) => rest),
    deliverables: plan.deliverables,
    warnings: plan.warnings.map(({ line: _line, ...rest }) => rest),
  };
}

const lines = planText.split('\n').filter((l) => l.trim() !== '');

/** The plan as a Word document whose numbers are typed in the text. */
function typedDocument(): docx.Document {
  return new docx.Document({ sections: [{ children: lines.map((text) => new docx.Paragraph({ text })) }] });
}

/**
 * The same plan with Word's automatic numbering: sections "I.", "II." (upper
 * Roman), items "%1.", "%1.%2.", "%3)" restarting in each section, and the
 * "- " role lines as a Word bullet list. The numbers are not in the text.
 */
function autoNumberedDocument(): docx.Document {
  let section = 0;
  const children = lines.map((line) => {
    const m = readMarker(line);
    if (/^- /.test(line)) {
      return new docx.Paragraph({ text: line.slice(2), numbering: { reference: 'roles', level: 0 } });
    }
    if (!m) return new docx.Paragraph({ text: line });
    if (m.marker.kind === 'roman') {
      section++;
      return new docx.Paragraph({ text: m.rest, numbering: { reference: 'sections', level: 0 } });
    }
    const level = m.marker.kind === 'letter' ? 2 : m.marker.parts.length - 1;
    return new docx.Paragraph({ text: m.rest, numbering: { reference: 'items', level, instance: section } });
  });
  const left = docx.AlignmentType.LEFT;
  return new docx.Document({
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [{ level: 0, format: docx.LevelFormat.UPPER_ROMAN, text: '%1.', alignment: left }],
        },
        {
          reference: 'items',
          levels: [
            { level: 0, format: docx.LevelFormat.DECIMAL, text: '%1.', alignment: left },
            { level: 1, format: docx.LevelFormat.DECIMAL, text: '%1.%2.', alignment: left },
            { level: 2, format: docx.LevelFormat.LOWER_LETTER, text: '%3)', alignment: left },
          ],
        },
        { reference: 'roles', levels: [{ level: 0, format: docx.LevelFormat.BULLET, text: '–', alignment: left }] },
      ],
    },
    sections: [{ children }],
  });
}

describe('readPlanText: text files', () => {
  it('reads UTF-8, with or without a BOM', async () => {
    expect(await readPlanText(await write('plain.txt', planText))).toBe(planText);
    const withBom = await readPlanText(
      await write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(planText)])),
    );
    expect(withBom).toBe(planText);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText, 'utf16le')]);
    expect(await readPlanText(await write('le.txt', le))).toBe(planText);
    const be = Buffer.from(Buffer.from(planText, 'utf16le')).swap16();
    expect(await readPlanText(await write('be.TXT', Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toBe(planText);
  });

  it('refuses a text file that is not Unicode, naming it', async () => {
    // "KÕ ho¹ch" in TCVN3 (.VnTime): single bytes above 0x7F, not UTF-8.
    const file = await write('cu-tcvn3.txt', Buffer.from([0x4b, 0xd5, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68, 0x0a]));
    await expect(readPlanText(file)).rejects.toThrow(UserError);
    await expect(readPlanText(file)).rejects.toThrow(/“cu-tcvn3\.txt”.*UTF-8/u);
  });
});

describe('readPlanText: refusals', () => {
  it.each([
    ['ke-hoach.xlsx', /“ke-hoach\.xlsx”.*\.txt.*\.docx/u],
    ['ke-hoach', /“ke-hoach”/u],
    ['ke-hoach.pdf', /PDF “ke-hoach\.pdf”/u],
    ['ke-hoach.doc', /“ke-hoach\.doc”.*\.docx/u],
  ])('%s', async (name, message) => {
    const file = await write(name, 'x');
    const error = await readPlanText(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
  });

  it('a missing file', async () => {
    await expect(readPlanText(path.join(dir, 'khong-co.txt'))).rejects.toThrow(/Không tìm thấy tệp “khong-co\.txt”/u);
  });

  it('a .docx that is not a Word file', async () => {
    await expect(readPlanText(await write('hong.docx', 'không phải zip'))).rejects.toThrow(
      /“hong\.docx” không phải tệp Word/u,
    );
  });
});

describe('readPlanText: Word documents', () => {
  const expected = parsePlan(planText);

  it('reads a .docx whose numbers are typed, giving the same items as the .txt', async () => {
    const file = await write('typed.docx', await docx.Packer.toBuffer(typedDocument()));
    const text = await readPlanText(file);
    expect(text).toContain('4.1. Tập huấn nghiệp vụ thi đua, khen thưởng');
    expect(essentials(parsePlan(text))).toEqual(essentials(expected));
  });

  it('rebuilds Word automatic numbering, giving the same items as the .txt', async () => {
    const file = await write('auto.docx', await docx.Packer.toBuffer(autoNumberedDocument()));
    const text = await readPlanText(file);
    const textLines = text.split('\n').filter((l) => l.trim() !== '');
    // The numbers were not in the paragraphs: they come from numbering.xml.
    expect(textLines).toContain('II. NỘI DUNG');
    expect(textLines).toContain('1. Tổ chức các phiên họp của Hội đồng');
    expect(textLines).toContain('4.1. Tập huấn nghiệp vụ thi đua, khen thưởng');
    expect(textLines).toContain('a) Tập huấn cho cán bộ phụ trách thi đua của các phòng, ban, ngành');
    expect(textLines).toContain('- Thời gian thực hiện: Quý III - Quý IV/2025.');
    expect(textLines).toContain('III. TỔ CHỨC THỰC HIỆN');
    expect(essentials(parsePlan(text))).toEqual(essentials(expected));
    expect(parsePlan(text).items).toHaveLength(10);
  });

  it('numbers each section afresh when the list restarts, and continues it across other paragraphs', async () => {
    const text = await readPlanText(await write('auto2.docx', await docx.Packer.toBuffer(autoNumberedDocument())));
    const numbered = text
      .split('\n')
      .map((l) => readMarker(l.trim())?.marker.raw)
      .filter((m): m is string => m !== undefined);
    expect(numbered).toEqual([
      'I.', '1.', '2.',
      'II.', '1.', '1.1.', '1.2.', '2.', '3.', '4.', '4.1.', 'a)', 'b)', '4.2.', '5.', '5.1.', '5.2.', '6.',
      'III.', '1.', '2.', '3.',
    ]); // prettier-ignore
  });
});

describe('formatNumber', () => {
  it.each([
    [4, 'upperRoman', 'IV'],
    [9, 'lowerRoman', 'ix'],
    [3, 'lowerLetter', 'c'],
    [27, 'lowerLetter', 'aa'],
    [2, 'upperLetter', 'B'],
    [7, 'decimalZero', '07'],
    [12, 'decimal', '12'],
  ])('%i as %s', (n, format, out) => {
    expect(formatNumber(n, format)).toBe(out);
  });
});
