/**
 * Sending Sheets API requests: counting them (Google allows 60 read and 60
 * write requests per minute per user), retrying 429 and 503 with truncated
 * exponential backoff and jitter, and turning every other failure into a
 * UserError with a Vietnamese message.
 */
import { UserError } from '../errors';

export interface RetryOptions {
  /** Retries after the first attempt. The default 6 waits about 1+2+4+8+16+32 s: a quota minute passes. */
  maxRetries?: number;
  /** The first wait, doubled at each retry. */
  baseDelayMs?: number;
  /** No single wait is longer than this (before jitter). */
  maxDelayMs?: number;
  /** How to wait; tests record the waits instead. */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for the jitter. */
  random?: () => number;
}

export type Operation = 'read' | 'write';

const RETRYABLE = new Set([429, 503]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The wait before retry number `attempt + 1`: min(base·2^attempt, max) plus up to one base of jitter. */
export function backoffDelay(attempt: number, options: Required<RetryOptions>): number {
  const exponential = Math.min(options.baseDelayMs * 2 ** attempt, options.maxDelayMs);
  return Math.round(exponential + options.random() * options.baseDelayMs);
}

interface ApiFailure {
  status?: number;
  message: string;
}

/** The HTTP status and Google's message of a googleapis (gaxios) error. */
export function apiFailure(err: unknown): ApiFailure {
  const e = (err ?? {}) as { response?: { status?: number; data?: unknown }; status?: unknown; message?: unknown };
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  let data = e.response?.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      // not JSON: keep the text
    }
  }
  const googleMessage = (data as { error?: { message?: unknown } } | undefined)?.error?.message;
  const message =
    typeof googleMessage === 'string'
      ? googleMessage
      : typeof data === 'string' && data
        ? data
        : typeof e.message === 'string'
          ? e.message
          : String(err);
  return { status, message: message.trim().replace(/\.$/, '') };
}

export class SheetsRequester {
  private sent = 0;
  private readonly retry: Required<RetryOptions>;

  constructor(
    readonly spreadsheetId: string,
    retry: RetryOptions = {},
  ) {
    this.retry = {
      maxRetries: retry.maxRetries ?? 6,
      baseDelayMs: retry.baseDelayMs ?? 1000,
      maxDelayMs: retry.maxDelayMs ?? 32_000,
      sleep: retry.sleep ?? defaultSleep,
      random: retry.random ?? Math.random,
    };
  }

  /** HTTP requests sent so far, retries included: what Google's per-minute quota counts. */
  get requestCount(): number {
    return this.sent;
  }

  /**
   * Sends one API call, retrying it on 429 and 503. `step` names what it does,
   * in Vietnamese, for the error message ("ghi dữ liệu").
   */
  async send<T>(operation: Operation, step: string, call: () => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      this.sent++;
      try {
        return (await call()).data;
      } catch (err) {
        const failure = apiFailure(err);
        if (failure.status !== undefined && RETRYABLE.has(failure.status) && attempt < this.retry.maxRetries) {
          await this.retry.sleep(backoffDelay(attempt, this.retry));
          continue;
        }
        throw this.userError(operation, step, failure, attempt);
      }
    }
  }

  private userError(operation: Operation, step: string, failure: ApiFailure, retries: number): UserError {
    const id = this.spreadsheetId;
    const who = 'tài khoản mà tdkt dùng (tài khoản dịch vụ trong biến môi trường GOOGLE_APPLICATION_CREDENTIALS)';
    switch (failure.status) {
      case undefined:
        if (/credential|ENOENT|private key|invalid_grant|client_email/i.test(failure.message)) {
          return new UserError(
            `Không lấy được thông tin đăng nhập Google: ${failure.message}. Hãy đặt biến môi trường GOOGLE_APPLICATION_CREDENTIALS trỏ tới tệp khóa JSON của tài khoản dịch vụ.`,
          );
        }
        return new UserError(
          `Không kết nối được tới Google Sheets khi ${step}: ${failure.message}. Vui lòng kiểm tra kết nối mạng rồi thử lại.`,
        );
      case 401:
        return new UserError(
          `Thông tin đăng nhập Google không hợp lệ hoặc đã hết hạn (HTTP 401) khi ${step}. Hãy kiểm tra tệp khóa trong biến môi trường GOOGLE_APPLICATION_CREDENTIALS.`,
        );
      case 403:
        return new UserError(
          operation === 'read'
            ? `Không có quyền truy cập bảng tính Google «${id}». Hãy chia sẻ bảng tính này cho ${who} rồi thử lại.`
            : `Không có quyền chỉnh sửa bảng tính Google «${id}». Hãy chia sẻ bảng tính này với quyền Người chỉnh sửa cho ${who} rồi thử lại.`,
        );
      case 404:
        return new UserError(
          `Không tìm thấy bảng tính Google có mã «${id}». Hãy kiểm tra lại mã bảng tính (phần nằm giữa /d/ và /edit trong đường dẫn) và chắc chắn rằng bảng tính chưa bị xóa.`,
        );
      case 429:
        return new UserError(
          `Google Sheets đang giới hạn số yêu cầu (60 yêu cầu mỗi phút cho mỗi người dùng) và vẫn từ chối sau ${retries} lần thử lại khi ${step}. Vui lòng đợi vài phút rồi thử lại.`,
        );
      case 503:
        return new UserError(
          `Dịch vụ Google Sheets tạm thời không phản hồi (HTTP 503) sau ${retries} lần thử lại khi ${step}. Vui lòng thử lại sau ít phút.`,
        );
      case 400:
        return new UserError(`Google Sheets từ chối yêu cầu khi ${step} bảng tính «${id}»: ${failure.message}.`);
      default:
        return new UserError(
          `Lỗi khi ${step} bảng tính Google «${id}» (HTTP ${failure.status}): ${failure.message}. Vui lòng thử lại sau.`,
        );
    }
  }
}
