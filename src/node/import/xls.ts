/**
 * Legacy and foreign spreadsheet formats (.xls, .xlsb, .ods, Excel "HTML" and
 * XML Spreadsheet 2003) converted to .xlsx with LibreOffice, so that one
 * reader (exceljs) handles every report. The npm `xlsx` package is not used.
 *
 * Each call copies the source into a private temporary directory (the source
 * is never touched, and an odd file name cannot confuse LibreOffice), runs
 * `soffice --headless --convert-to xlsx` with its own user profile (so calls
 * can run in parallel and never meet a user's running LibreOffice), kills the
 * whole process group on timeout, and removes the directory afterwards.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { WorkbookFormat } from './guard';
import { ReportError, describePlace } from './read/errors';

export interface ConvertOptions {
  /**
   * The soffice executable. A string: use it. `null`: behave as if LibreOffice
   * were not installed. Undefined: search PATH and the usual install places.
   */
  sofficePath?: string | null;
  /** Kill LibreOffice after this long (ms). Default 120 000 (a fresh profile takes a few seconds). */
  timeoutMs?: number;
  /** Environment used to find soffice and to run it (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Name shown in messages (default: the file's base name). */
  displayName?: string;
  /** SHA-256 of the source, carried into errors. */
  sha256?: string | null;
}

export const DEFAULT_CONVERT_TIMEOUT_MS = 120_000;

const EXECUTABLES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** Install places outside PATH, tried after it. */
const WELL_KNOWN =
  process.platform === 'win32'
    ? [
        'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
        'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
      ]
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : ['/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds soffice on `env.PATH`, then (unless `wellKnown` is empty) in the usual
 * install places. Null when LibreOffice is not installed.
 */
export function findSoffice(
  env: NodeJS.ProcessEnv = process.env,
  wellKnown: ReadonlyArray<string> = WELL_KNOWN,
): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const exe of EXECUTABLES) {
      const candidate = path.join(dir, exe);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return wellKnown.find(isExecutable) ?? null;
}

const FORMAT_NAMES: Record<WorkbookFormat, string> = {
  xls: 'tệp Excel cũ (.xls)',
  xlsb: 'tệp Excel dạng nhị phân (.xlsb)',
  ods: 'tệp bảng tính OpenDocument (.ods)',
  html: 'tệp Excel dạng trang web (HTML)',
  xml2003: 'tệp Excel dạng XML 2003',
  xlsx: 'tệp Excel (.xlsx)',
};

const INPUT_EXTENSIONS: Record<WorkbookFormat, string> = {
  xls: '.xls',
  xlsb: '.xlsb',
  ods: '.ods',
  html: '.html',
  xml2003: '.xml',
  xlsx: '.xlsx',
};

/** Import filters LibreOffice needs to open these as spreadsheets (it would open a web page with Writer). */
const INPUT_FILTERS: Partial<Record<WorkbookFormat, string>> = {
  html: 'HTML (StarCalc)',
  xml2003: 'MS Excel 2003 XML',
};

/** The Vietnamese message for a machine without LibreOffice. */
export function notInstalledMessage(displayName: string, format: WorkbookFormat = 'xls'): string {
  return (
    `${describePlace({ file: displayName })} là ${FORMAT_NAMES[format]}; cần LibreOffice để chuyển sang .xlsx ` +
    'nhưng máy này chưa cài LibreOffice. Cách khắc phục: cài LibreOffice ' +
    '(Ubuntu/Debian: «sudo apt-get install libreoffice-calc-nogui»; Windows, macOS: tải tại https://www.libreoffice.org/download/) ' +
    'rồi nhập lại; hoặc mở tệp bằng Excel, chọn Lưu thành (Save As) dạng .xlsx rồi nhập tệp mới.'
  );
}

/**
 * Converts a spreadsheet to .xlsx and returns the bytes of the result. Throws a
 * ReportError ('legacy_unavailable' without LibreOffice, 'conversion_failed'
 * when it fails or times out).
 */
export async function convertToXlsx(
  source: string,
  format: WorkbookFormat,
  options: ConvertOptions = {},
): Promise<Buffer> {
  const displayName = options.displayName ?? path.basename(source);
  const place = { file: displayName, sha256: options.sha256 ?? null };
  const env = options.env ?? process.env;
  const soffice = options.sofficePath === undefined ? findSoffice(env) : options.sofficePath;
  if (!soffice) throw new ReportError('legacy_unavailable', notInstalledMessage(displayName, format), place);

  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'tdkt-lo-'));
  try {
    const input = path.join(work, 'input' + INPUT_EXTENSIONS[format]);
    await fsp.copyFile(source, input);
    const outDir = path.join(work, 'out');
    const profile = path.join(work, 'profile');
    await fsp.mkdir(outDir);
    const timeoutMs = options.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS;
    const run = await runSoffice(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--invisible',
        '--nologo',
        '--nodefault',
        '--nofirststartwizard',
        '--nolockcheck',
        '--norestore',
        ...(INPUT_FILTERS[format] ? [`--infilter=${INPUT_FILTERS[format]}`] : []),
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        input,
      ],
      { ...env, HOME: work },
      timeoutMs,
    );
    const output = path.join(outDir, 'input.xlsx');
    if (run.timedOut) {
      throw new ReportError(
        'conversion_failed',
        `${describePlace(place)}: LibreOffice chuyển đổi ${FORMAT_NAMES[format]} quá thời gian xử lý ` +
          `(${Math.round(timeoutMs / 1000)} giây) nên đã bị dừng. Xin mở tệp bằng Excel, lưu lại dạng .xlsx rồi nhập lại.`,
        place,
      );
    }
    if (!fs.existsSync(output)) {
      const detail = (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ').slice(0, 300);
      throw new ReportError(
        'conversion_failed',
        `${describePlace(place)}: LibreOffice không chuyển được ${FORMAT_NAMES[format]} sang .xlsx` +
          (run.error ? ` (${run.error})` : detail ? ` (${detail})` : run.code ? ` (mã lỗi ${run.code})` : '') +
          '. Tệp có thể bị hỏng hoặc được đặt mật khẩu; xin mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.',
        place,
      );
    }
    return await fsp.readFile(output);
  } finally {
    await fsp.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  error?: string;
}

function runSoffice(exe: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(exe, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that soffice.bin (a child of the soffice script) dies with it.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const kill = (): void => {
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    const done = (result: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e) => done({ code: null, stdout, stderr, timedOut, error: e.message }));
    child.on('close', (code) => {
      // Leftover helpers of the group (if any) must not outlive the call.
      if (process.platform !== 'win32' && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // group already empty
        }
      }
      done({ code, stdout, stderr, timedOut });
    });
  });
}
