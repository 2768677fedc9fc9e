/**
 * A tiny progress bar for a terminal: one line on stderr, redrawn in place,
 * at most ten times a second. On anything that is not a TTY (a pipe, a log
 * file, CI) it draws nothing at all.
 */

export interface ProgressBar {
  /** Shows `done` of `total` with a label (e.g. the phase and the file). */
  update(done: number, total: number, label?: string): void;
  /** Clears the line (call before printing anything else). */
  stop(): void;
}

export interface ProgressBarOptions {
  /** Width of the bar itself, in characters. */
  width?: number;
  /** Minimum time between two redraws, in milliseconds. */
  intervalMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface TtyLike {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

const NO_BAR: ProgressBar = { update: () => undefined, stop: () => undefined };

/** Shortens text to `max` characters with an ellipsis in the middle (keeps a file's ending). */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return chars.slice(0, head).join('') + '…' + (tail ? chars.slice(-tail).join('') : '');
}

/** The text of one frame: "[#####-----]  5/16  31% label". */
export function renderBar(done: number, total: number, width: number, label = ''): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.round(ratio * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const pct = String(Math.round(ratio * 100)).padStart(3) + '%';
  return `[${bar}] ${String(done).padStart(String(total).length)}/${total} ${pct}${label ? ' ' + label : ''}`;
}

export function createProgressBar(stream: TtyLike = process.stderr, options: ProgressBarOptions = {}): ProgressBar {
  if (!stream.isTTY) return NO_BAR;
  const width = options.width ?? 24;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, label) {
      const t = now();
      if (t - last < interval && done < total) return;
      last = t;
      // Keep the bar whole; shorten the label to what is left of the line.
      const columns = Math.max(20, (stream.columns || 80) - 1);
      const head = renderBar(done, total, width);
      const room = columns - [...head].length - 1;
      const line = label && room > 0 ? `${head} ${ellipsize(label, room)}` : head;
      stream.write('\r\x1b[2K' + line);
      shown = true;
    },
    stop() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
