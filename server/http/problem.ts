// The catalogue of problems the API answers with (RFC 9457 problem+json). Codes are stable:
// clients and tests rely on `code`, never on the wording of `title` or `detail`.
/** A failing path; `code` (when given) names the rule in a stable word for clients to translate. */
export type ProblemPath = { path: string; message: string; code?: string; id?: string };

export const PROBLEMS = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  unauthenticated: { status: 401, title: 'Log in first' },
  invalid_credentials: { status: 401, title: 'Email or password is wrong' },
  forbidden: { status: 403, title: 'You may not do this' },
  bad_origin: { status: 403, title: 'Cross-origin request refused' },
  totp_required: { status: 403, title: 'Your organisation requires two-factor sign-in: set it up first' },
  not_found: { status: 404, title: 'Not found' },
  misdirected: { status: 421, title: 'This server does not answer for that host name' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  invalid_transition: { status: 409, title: 'That transition is not possible from the current state' },
  already_exists: { status: 409, title: 'It exists already' },
  needs_confirmation: { status: 409, title: 'Something needs your review before it is published' },
  token_invalid: { status: 410, title: 'This link is not valid any more' },
  two_factor_link_needed: { status: 403, title: 'Your organisation requires two-factor sign-in: open the set-up link your administrator gave you, then enter the code' },
  link_missing: { status: 400, title: "No link token: open the link again (its cookie lasts minutes)" },
  payload_too_large: { status: 413, title: 'The request is too large' },
  unsupported_media_type: { status: 415, title: 'Send application/json' },
  unprocessable: { status: 422, title: 'The request breaks a rule of the domain' },
  incomplete: { status: 422, title: 'The record is not complete yet' },
  search_too_costly: { status: 422, title: 'This search would cost too much; narrow it' },
  account_locked: { status: 429, title: 'Too many failed attempts; try again later' },
  rate_limited: { status: 429, title: 'Too many requests; slow down' },
  internal: { status: 500, title: 'Something went wrong on our side' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors: ProblemPath[] = [],
  ) {
    super(detail ?? PROBLEMS[code].title);
    this.status = PROBLEMS[code].status;
  }

  toJSON() {
    return {
      type: `https://oogst.app/problems/${this.code.replace(/_/g, '-')}`,
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.detail ?? PROBLEMS[this.code].title,
      code: this.code,
      errors: this.errors,
    };
  }
}

export const notFound = (what = 'record') => new Problem('not_found', `No such ${what}, or not visible to you`);
export const forbidden = (detail?: string) => new Problem('forbidden', detail);
export const unprocessable = (path: string, message: string) =>
  new Problem('unprocessable', message, [{ path, message }]);
