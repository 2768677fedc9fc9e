/**
 * Errors in the shape Google APIs answer them (AIP-193):
 * `{ "error": { "code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND" } }`.
 */

/** The canonical status name Google sends with each HTTP code. */
export const STATUS_OF_CODE: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The message Google gives for each code when nothing more specific applies. */
export const DEFAULT_MESSAGE: Readonly<Record<number, string>> = {
  400: 'Request contains an invalid argument.',
  401: 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  429: "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service 'sheets.googleapis.com'.",
  500: 'Internal error encountered.',
  501: 'Operation is not implemented, or supported, or enabled.',
  503: 'The service is currently unavailable.',
  504: 'The service is currently unavailable.',
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message = DEFAULT_MESSAGE[code] ?? 'Error',
    readonly status = STATUS_OF_CODE[code] ?? 'UNKNOWN',
  ) {
    super(message);
  }

  toJSON(): { error: { code: number; message: string; status: string } } {
    return { error: { code: this.code, message: this.message, status: this.status } };
  }
}

export function invalid(message: string): ApiError {
  return new ApiError(400, message);
}
