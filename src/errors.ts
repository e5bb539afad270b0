// One catalogue of the errors a user can act on. Each has a code and a message that says what
// to do; anything else is a bug, logged in full and shown as a plain error page or line.

export const ERRORS = {
  BUNDLE_INVALID: "The bundle does not match the bundle schema",
  BUNDLE_REFERENCE: "The bundle refers to something it does not define",
  NOT_FOUND: "Not found",
  BAD_INPUT: "The input is not valid",
  DATABASE_UNAVAILABLE: "The database cannot be reached",
  FILE_UNREADABLE: "The file cannot be read",
  DOCUMENT_UNRECOGNISED: "The document's layout is not one Witan recognises",
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class WitanError extends Error {
  readonly code: ErrorCode;
  readonly details: string[];

  constructor(code: ErrorCode, message: string = ERRORS[code], details: string[] = []) {
    super(message);
    this.name = "WitanError";
    this.code = code;
    this.details = details;
  }
}
