/**
 * The bound spreadsheet, asked for once per execution: globals are fresh for
 * every execution in Apps Script, so the memo never outlives one menu click,
 * trigger run or page call.
 */
let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  active ??= SpreadsheetApp.getActiveSpreadsheet();
  return active;
}
