import type { components, paths } from './generated/openapi';
import { currentSession, endSession } from './session';

/** The API's schemas (request and answer bodies), from its OpenAPI document. */
export type Schemas = components['schemas'];

/** One thing wrong with one field, as every 400 of the API names it. */
export type FieldProblem = Schemas['FieldProblemBody'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called when the API says the token is no longer good (401). */
let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function api<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: { idempotencyKey?: string; anonymous?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const session = options.anonymous ? null : currentSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let payload: unknown = undefined;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = text;
  }
  if (!response.ok) {
    const answer = (payload ?? {}) as {
      message?: unknown;
      fields?: FieldProblem[];
      rule?: string;
    };
    const message = Array.isArray(answer.message)
      ? answer.message.join('; ')
      : typeof answer.message === 'string'
        ? answer.message
        : `${response.status} ${response.statusText}`;
    if (response.status === 401 && session) {
      endSession();
      onUnauthorized();
    }
    throw new ApiError(response.status, message, answer.fields ?? [], answer.rule);
  }
  return payload as T;
}

// ---- the read API, typed from the OpenAPI document (src/generated/openapi.d.ts) ----

/** The paths with a GET that answers JSON. */
type ReadPath = {
  [P in keyof paths]: paths[P] extends {
    get: { responses: { 200: { content: { 'application/json': unknown } } } };
  }
    ? P
    : never;
}[keyof paths];
type ReadOperation<P extends ReadPath> = paths[P]['get'];

/** What GET `P` answers, as the OpenAPI document describes it. */
export type Answer<P extends ReadPath> =
  ReadOperation<P>['responses'][200]['content']['application/json'];

/** The path and query parameters of GET `P`, as the document names them. */
type ReadParameters<P extends ReadPath> = Pick<ReadOperation<P>['parameters'], 'path' | 'query'>;

/**
 * GET a path of the document (`/partners/{partnerId}`) with its parameters: the path, its
 * parameters' names and types and the answer are all checked against the generated types, so a
 * route or field the API no longer has fails `tsc` instead of the page.
 */
export function read<P extends ReadPath>(
  path: P,
  // The parameters may be left out only when the path has none of its own to fill in.
  ...[parameters, options]: undefined extends ReadOperation<P>['parameters']['path']
    ? [ReadParameters<P>?, { anonymous?: boolean }?]
    : [ReadParameters<P>, { anonymous?: boolean }?]
): Promise<Answer<P>> {
  const given = (parameters ?? {}) as {
    path?: Record<string, string>;
    query?: Record<string, string | number | undefined | null>;
  };
  const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    encodeURIComponent(given.path?.[name] ?? ''),
  );
  return api<Answer<P>>('GET', `${filled}${query(given.query ?? {})}`, undefined, options);
}

/** A query string from the values that are set. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A fresh Idempotency-Key (works outside secure contexts too, unlike crypto.randomUUID). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// ---- the answers the pages use, by the names they know them by ----

export type Progress = Answer<'/progress'>;
export type Composition = Answer<'/governance/composition'>;
export type Seat = Schemas['SeatBody'];
export type Timeline = Answer<'/governance/timeline'>;
export type TimelineEntry = Schemas['TimelineEntryBody'];
export type PartnerRow = Schemas['PartnerRowBody'];
export type PartnerDetail = Answer<'/partners/{partnerId}'>;
export type Declaration = Schemas['DeclarationBody'];
export type HistoryEntry = PartnerDetail['history'][number];
export type Initiative = Schemas['InitiativeBody'];
export type InitiativeDetail = Answer<'/initiatives/{initiativeId}'>;
export type PublicSummary = Answer<'/public/summary'>;
export type PublicCount = Schemas['PublicYearBody']['homes'];
export type CommandRecorded = Schemas['CommandRecordedBody'];
export type ImportReport = Schemas['ImportReportBody'];
export type LoginAnswer = Schemas['LoginAnswer'];

// ---- names behind ids, looked up once per page load ----

const personNames = new Map<string, Promise<string | null>>();

/**
 * The name of a person from the person register (GET /persons/:id), or null when the register
 * does not know it (or is not there yet): then the id is shown.
 */
export function personName(personId: string): Promise<string | null> {
  let known = personNames.get(personId);
  if (!known) {
    known = read('/persons/{personId}', { path: { personId } })
      .then((person) => person.name ?? person.label ?? null)
      .catch(() => null);
    personNames.set(personId, known);
  }
  return known;
}

let partnersCache: Promise<PartnerRow[]> | null = null;
export function partners(refresh = false): Promise<PartnerRow[]> {
  if (!partnersCache || refresh) {
    partnersCache = read('/partners');
    partnersCache.catch(() => (partnersCache = null));
  }
  return partnersCache;
}

export function forgetCaches(): void {
  partnersCache = null;
  personNames.clear();
}
