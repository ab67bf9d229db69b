// An error a caller caused: carries the HTTP status and the ack code, so routes and socket handlers
// answer it the same way (4xx with a reason) instead of crashing or saying 500.
export type DomainErrorCode = 'bad_request' | 'forbidden' | 'not_found' | 'conflict' | 'unauthorized' | 'too_large';

const STATUS: Record<DomainErrorCode, number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413,
};

export class DomainError extends Error {
  readonly statusCode: number;
  constructor(readonly code: DomainErrorCode, message: string) {
    super(message);
    this.statusCode = STATUS[code];
  }
}
