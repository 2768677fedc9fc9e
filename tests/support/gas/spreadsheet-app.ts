import { GasObject, SERVICE } from './boundary';
import { BooleanCriteria, FakeConditionalFormatRuleBuilder } from './conditional-format';
import { makeEnum } from './enums';
import { GasError } from './errors';
import { ProtectionType } from './protection';
import { BorderStyle, CopyPasteType, FakeRange, WrapStrategy } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { FakeTextStyleBuilder } from './text-style';
import { FakeUi } from './ui';
import { DataValidationCriteria, FakeDataValidationBuilder } from './validation';

export const Dimension = makeEnum('Dimension', ['COLUMNS', 'ROWS']);
export const Direction = makeEnum('Direction', ['UP', 'DOWN', 'PREVIOUS', 'NEXT']);

export interface SpreadsheetAppEnv {
  spreadsheet: FakeSpreadsheet;
  /** The Ui, or throws when the execution has no UI (time-driven triggers). */
  ui(): FakeUi;
}

/** SpreadsheetApp for a script bound to one spreadsheet. */
export class FakeSpreadsheetApp extends GasObject {
  readonly [SERVICE] = 'SpreadsheetApp';
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly CopyPasteType = CopyPasteType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly Dimension = Dimension;
  readonly Direction = Direction;

  constructor(readonly $env: SpreadsheetAppEnv) {
    super();
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.$env.spreadsheet;
  }
  getActive(): FakeSpreadsheet {
    return this.$env.spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return this.$env.spreadsheet.getActiveSheet();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return this.$env.spreadsheet.setActiveSheet(sheet);
  }
  getActiveRange(): FakeRange | null {
    return this.$env.spreadsheet.getActiveRange();
  }
  setActiveRange(range: FakeRange): FakeRange {
    return this.$env.spreadsheet.setActiveRange(range);
  }
  getCurrentCell(): FakeRange | null {
    return this.$env.spreadsheet.getActiveCell();
  }
  /** Only the bound spreadsheet can be opened. */
  openById(id: string): FakeSpreadsheet {
    if (id !== this.$env.spreadsheet.getId()) {
      throw new GasError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    }
    return this.$env.spreadsheet;
  }
  openByUrl(url: string): FakeSpreadsheet {
    if (!String(url).includes(this.$env.spreadsheet.getId())) {
      throw new GasError('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    }
    return this.$env.spreadsheet;
  }
  getUi(): FakeUi {
    return this.$env.ui();
  }
  /** Writes are applied at once in the fake, so flush has nothing to do (it is still counted). */
  flush(): void {}
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder();
  }
  newTextStyle(): FakeTextStyleBuilder {
    return new FakeTextStyleBuilder();
  }
}
