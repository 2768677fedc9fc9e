/**
 * Certificates (Giấy khen) by mail merge: the fields each certificate fills
 * in a Google Doc template, and the text Google Docs' replaceText needs.
 *
 * The template holds placeholders {{ten}}, {{don_vi}}, {{danh_hieu}},
 * {{so_quyet_dinh}}, {{ngay_quyet_dinh}}. Docs' replaceText(searchPattern,
 * replacement) takes a regular expression (RE2) as a string, so the
 * placeholder's braces are escaped. The reference does not say how "$" and
 * "\" in the replacement are read, so the merge (src/gas/certificates.ts)
 * never passes a value holding them to replaceText: such a value, e.g.
 * "Phòng Tài chính – Kế hoạch $2", is inserted literally with findText and
 * Text.insertText. Values are never put into a pattern.
 */
import type { Row } from './contract';
import { formatViDate } from './dates';
import { cleanText } from './text';
import { parseDate } from './units';

export const CERTIFICATE_PLACEHOLDERS = ['ten', 'don_vi', 'danh_hieu', 'so_quyet_dinh', 'ngay_quyet_dinh'] as const;
export type CertificatePlaceholder = (typeof CERTIFICATE_PLACEHOLDERS)[number];
export type CertificateFields = Record<CertificatePlaceholder, string>;

/** The setting that holds the template's address («Cài đặt»). */
export const CERTIFICATE_TEMPLATE_SETTING = 'certificateTemplateUrl';

function text(value: unknown): string {
  return value === null || value === undefined ? '' : cleanText(String(value));
}

/** A field's value: "{{" is broken up so no value can bring in a placeholder of its own. */
function fieldValue(value: unknown): string {
  return text(value).replace(/\{\{/g, '{ {');
}

/** A placeholder as written in the template: "{{ten}}". */
export function placeholderText(name: CertificatePlaceholder): string {
  return `{{${name}}}`;
}

/** Escapes every regular-expression metacharacter (RE2 and JavaScript agree on these). */
export function escapeRegex(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The search pattern of a placeholder for replaceText. */
export function placeholderPattern(name: CertificatePlaceholder): string {
  return escapeRegex(placeholderText(name));
}

/**
 * A value made literal for a Java-style replacement string ("\" and "$"
 * escaped). Not used by the merge, since Docs' replaceText is not documented to
 * read its replacement that way; kept for Java-style replacers.
 */
export function literalReplacement(value: string): string {
  return value.replace(/[\\$]/g, '\\$&');
}

/** The fields of one award history row («Lịch sử khen thưởng»). */
export function certificateFields(row: Row): CertificateFields {
  const date = parseDate(text(row.decisionDate));
  return {
    ten: fieldValue(row.name),
    don_vi: fieldValue(row.unit),
    danh_hieu: fieldValue(row.award),
    so_quyet_dinh: fieldValue(row.decisionNumber),
    ngay_quyet_dinh: date ? formatViDate(date) : fieldValue(row.decisionDate),
  };
}

/** The Google Doc id in an address ("https://docs.google.com/document/d/<id>/edit"), or a bare id; else null. */
export function documentIdFromUrl(url: string): string | null {
  const value = text(url);
  const inUrl = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/.exec(value);
  if (inUrl) return inUrl[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(value) ? value : null;
}

/** The address that downloads a Google Doc as PDF (for the signed-in user). */
export function pdfExportUrl(documentId: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(documentId)}/export?format=pdf`;
}

/** Applies the fields to a text as replaceText would (for previews and tests). */
export function mergeText(template: string, fields: CertificateFields): string {
  let out = template;
  for (const name of CERTIFICATE_PLACEHOLDERS) out = out.split(placeholderText(name)).join(fields[name]);
  return out;
}
