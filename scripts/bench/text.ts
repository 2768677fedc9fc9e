/**
 * Benchmark section "text": legacy decoding plus NFC normalisation of cells,
 * against the floor of plain String.prototype.normalize('NFC') on the same
 * cells in the same run.
 *
 * ~200 000 generated cells: 30 % TCVN3 (.VnTime), 25 % VNI (VNI-Times), 30 %
 * Unicode NFC and 15 % NFD, each 2–6 words drawn from names, titles and units
 * as they appear in nomination files. Generation is seeded, so every run
 * measures the same cells. It also reports how many cells come out right,
 * with fonts and by content alone.
 */
import { mulberry32 } from '../../src/core/random';
import { encodeTcvn3, encodeVni, toUnicode } from '../../src/core/text';
import { medianMs } from './timing';
import type { BenchSection } from './types';

const CELLS = 200_000;

const WORDS = (
  'Nguyễn Trần Lê Phạm Huỳnh Hoàng Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Hữu Đức Minh Ngọc Thanh Thu Hương ' +
  'Hằng Phước Thường Thới Tiền Hậu Long Khánh Thuận Lạc Hồng Ngự Đồng Tháp xã thị trấn phòng ban ngành ' +
  'Ủy Uỷ ban nhân dân huyện tỉnh Chủ tịch Phó Trưởng công chức chuyên viên giáo viên trường Tiểu học ' +
  'Trung học cơ sở lao động tiên tiến chiến sĩ thi đua tập thể xuất sắc hoàn thành nhiệm vụ giấy khen ' +
  'bằng khen năm tháng ngày đề nghị danh sách khen thưởng Hội Nông Cựu chiến binh Đoàn Thanh niên ' +
  'Văn hóa hoá Xã hội Tài chính Kế toán Y tế Giáo dục Đào tạo Nội vụ Tư pháp thủy thuỷ lợi'
).split(' ');

interface Cell {
  text: string;
  font: string;
  /** The expected Unicode; TCVN3 cells are compared case-insensitively (it has no accented capitals). */
  expected: string;
  caseless: boolean;
}

function generate(count: number): Cell[] {
  const next = mulberry32(2022);
  const cells: Cell[] = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(next() * 5);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
    const unicode = words.join(' ') + (next() < 0.2 ? ` ${Math.floor(next() * 3000)}` : '');
    const kind = next();
    if (kind < 0.3) cells.push({ text: encodeTcvn3(unicode), font: '.VnTime', expected: unicode, caseless: true });
    else if (kind < 0.55)
      cells.push({ text: encodeVni(unicode), font: 'VNI-Times', expected: unicode, caseless: false });
    else if (kind < 0.85) cells.push({ text: unicode, font: 'Times New Roman', expected: unicode, caseless: false });
    else cells.push({ text: unicode.normalize('NFD'), font: 'Arial', expected: unicode, caseless: false });
  }
  return cells;
}

function accuracy(cells: Cell[], withFont: boolean): number {
  let right = 0;
  for (const cell of cells) {
    const out = toUnicode(cell.text, withFont ? { font: cell.font } : {});
    if (cell.caseless ? out.toLowerCase() === cell.expected.toLowerCase() : out === cell.expected) right++;
  }
  return (100 * right) / cells.length;
}

export async function benchText(): Promise<BenchSection> {
  const cells = generate(CELLS);
  let sink = 0; // keeps the work observable so it is not optimised away
  const floorMs = medianMs(
    () => {
      for (const cell of cells) sink += cell.text.normalize('NFC').length;
    },
    7,
    1,
  );
  const fontMs = medianMs(
    () => {
      for (const cell of cells) sink += toUnicode(cell.text, { font: cell.font }).length;
    },
    5,
    1,
  );
  const contentMs = medianMs(
    () => {
      for (const cell of cells) sink += toUnicode(cell.text).length;
    },
    5,
    1,
  );
  if (sink < 0) throw new Error('unreachable');

  const perSecond = (ms: number) => (CELLS * 1000) / ms;
  const note = 'tỷ lệ = thời gian của normalize("NFC") / thời gian của toUnicode (1 là ngang sàn, càng nhỏ càng chậm)';
  return {
    title: `Chữ tiếng Việt: giải mã TCVN3/VNI và chuẩn hóa NFC (${CELLS.toLocaleString('vi-VN')} ô)`,
    rows: [
      { name: 'Sàn: String.prototype.normalize("NFC")', value: perSecond(floorMs), unit: 'ô/giây' },
      {
        name: 'toUnicode theo phông của ô',
        value: perSecond(fontMs),
        unit: 'ô/giây',
        ratio: floorMs / fontMs,
        note,
      },
      {
        name: 'toUnicode chỉ theo nội dung (không có phông)',
        value: perSecond(contentMs),
        unit: 'ô/giây',
        ratio: floorMs / contentMs,
        note,
      },
      { name: 'Ô giải mã đúng, theo phông', value: accuracy(cells, true), unit: '%' },
      { name: 'Ô giải mã đúng, chỉ theo nội dung', value: accuracy(cells, false), unit: '%' },
    ],
  };
}

// Run alone: `node bin/run-ts.js scripts/bench/text.ts` (run-ts puts the script's path in argv[1]).
if (process.argv[1] === __filename) {
  void benchText().then((section) => {
    console.log(section.title);
    for (const row of section.rows) {
      const ratio = row.ratio === undefined ? '' : ` (tỷ lệ ${row.ratio.toFixed(3)})`;
      console.log(`  ${row.name}: ${Math.round(row.value * 100) / 100} ${row.unit}${ratio}`);
    }
  });
}
