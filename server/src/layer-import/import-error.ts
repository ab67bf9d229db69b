// Why an uploaded file cannot be read at all (as opposed to features the validation rejects): the
// job fails with this status and reason; nothing is stored.
export class ImportError extends Error {
  constructor(readonly statusCode: 400 | 413 | 415 | 422, message: string) {
    super(message);
  }
}

export const unreadable = (message: string) => new ImportError(400, message);
