import { GasObject, SERVICE } from './boundary';
import { GasEnum, makeEnum } from './enums';

export const ChartType = makeEnum('ChartType', [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
]);

/** The `Charts` global (only the enums Sheets charts need). */
export class FakeCharts extends GasObject {
  readonly [SERVICE] = 'Charts';
  readonly ChartType = ChartType;
}

export interface ChartState {
  id: string;
  type?: GasEnum;
  ranges: object[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

let nextChartId = 1;

/** A chart in a sheet (Sheet.getCharts()). Test-side: `chart.$state` holds type, ranges, options and position. */
export class FakeEmbeddedChart extends GasObject {
  readonly [SERVICE] = 'EmbeddedChart';
  constructor(readonly $state: Readonly<ChartState>) {
    super();
  }
  getChartId(): number {
    return Number(this.$state.id);
  }
  getId(): string {
    return this.$state.id;
  }
  getRanges(): object[] {
    return [...this.$state.ranges];
  }
  getOptions(): { get(option: string): unknown } {
    const options = this.$state.options;
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): Record<string, () => number> {
    const p = this.$state.position;
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.$state);
  }
}

/** Sheet.newChart() / EmbeddedChart.modify(); builder calls are counted ("EmbeddedChartBuilder.…"). */
export class FakeEmbeddedChartBuilder extends GasObject {
  readonly [SERVICE] = 'EmbeddedChartBuilder';
  readonly #state: ChartState;

  constructor(state?: Readonly<ChartState>) {
    super();
    this.#state = state
      ? { ...state, ranges: [...state.ranges], options: { ...state.options }, position: { ...state.position } }
      : { id: '', ranges: [], options: {}, position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 } };
  }

  addRange(range: object): this {
    this.#state.ranges.push(range);
    return this;
  }
  removeRange(range: object): this {
    this.#state.ranges = this.#state.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this.#state.ranges = [];
    return this;
  }
  getRanges(): object[] {
    return [...this.#state.ranges];
  }
  setChartType(type: GasEnum): this {
    this.#state.type = type;
    return this;
  }
  getChartType(): GasEnum | null {
    return this.#state.type ?? null;
  }
  setOption(option: string, value: unknown): this {
    this.#state.options[option] = value;
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): this {
    this.#state.position = { anchorRow, anchorColumn, offsetX, offsetY };
    return this;
  }
  setNumHeaders(headers: number): this {
    return this.setOption('numHeaders', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    return this.setOption('transposeRowsAndColumns', transpose);
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart({ ...this.#state, id: this.#state.id || String(nextChartId++) });
  }
}
