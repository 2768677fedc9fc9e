/** Every Vietnamese message the plan reader shows, in one place. */
import { labelOf } from '../contract';
import type { Schedule } from './schedule';

function kindLabel(schedule: Schedule): string {
  return labelOf('scheduleKind', schedule.kind).toLocaleLowerCase('vi');
}

export const MESSAGES = {
  unknownTime: (where: string, phrase: string, unparsed: string): string =>
    `${where}: chưa hiểu được thời gian “${phrase}”` +
    (unparsed && unparsed !== phrase ? ` (phần chưa rõ: “${unparsed}”)` : '') +
    '. Văn bản gốc được giữ nguyên; vui lòng kiểm tra và nhập hạn hoàn thành.',
  inferred: (where: string, phrase: string, schedule: Schedule): string =>
    `${where}: kế hoạch không ghi thời gian thực hiện; theo cụm từ “${phrase}”, việc này được hiểu là “${kindLabel(schedule)}”.`,
  defaulted: (where: string, year: number | null): string =>
    year === null
      ? `${where}: kế hoạch không ghi thời gian thực hiện; tạm coi là thực hiện thường xuyên.`
      : `${where}: kế hoạch không ghi thời gian thực hiện; tạm coi là thực hiện thường xuyên trong năm ${year}.`,
  noYear: (): string =>
    'Không xác định được năm của kế hoạch (tiêu đề không ghi “năm …”); vui lòng chọn năm khi nhập kế hoạch.',
  yearMismatch: (titleYear: number, chosen: number): string =>
    `Tiêu đề kế hoạch ghi năm ${titleYear}, khác với năm đã chọn (${chosen}); các thời hạn được tính theo năm ${titleYear}.`,
  noTitle: (): string => 'Không tìm thấy dòng tiêu đề “KẾ HOẠCH …”; dòng đầu tiên của văn bản được dùng làm tiêu đề.',
  noTasksSection: (): string =>
    'Không tìm thấy phần nội dung, nhiệm vụ của kế hoạch (mục “NỘI DUNG”, “NHIỆM VỤ”…); các mục đánh số trong toàn văn bản được dùng làm nội dung công việc.',
  noItems: (heading: string): string =>
    heading
      ? `Không tìm thấy nội dung công việc nào được đánh số trong phần “${heading}”.`
      : 'Không tìm thấy nội dung công việc nào được đánh số trong kế hoạch.',
  duplicateId: (id: string, newId: string): string =>
    `Số thứ tự ${id} xuất hiện hơn một lần trong phần nội dung; mục sau được đánh mã ${newId}, vui lòng kiểm tra lại.`,
  item: (id: string): string => `Mục ${id}`,
  paragraph: (id: string): string => `Phần ${id}`,
};
