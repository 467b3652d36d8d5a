import { currentSession, endSession } from './session';

/** One thing wrong with one field, as every 400 of the API names it. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

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

export const get = <T>(path: string) => api<T>('GET', path);

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

// ---- the read models, as the query API answers them ----

export interface Breakdown {
  key: string;
  label: string;
  homes: number;
}

export interface Progress {
  asOf: string;
  knownOn: string;
  goal: { homes: number; fromYear: number; toYear: number } | null;
  homes: number;
  reports: number;
  remaining: number | null;
  pace: {
    plannedPerYear: number;
    neededPerYear: number | null;
    achievedPerYear: number;
    yearsElapsed: number;
    yearsLeft: number;
    forecastYear: number | null;
    onTrack: boolean;
  } | null;
  byInitiative: Breakdown[];
  byPartner: Breakdown[];
  byMunicipality: Breakdown[];
  byYear: Array<{ year: number; homes: number; cumulative: number }>;
  byQuarter: Array<{ period: string; year: number; homes: number; cumulative: number }>;
  restatements: Array<{
    reportId: string;
    kind: string;
    from: number;
    to: number;
    restatedOn: string;
    recordedOn: string;
    reason: string;
    note: string;
  }>;
}

export interface Seat {
  seatId: string;
  body: string;
  personId: string | null;
  organisationId: string | null;
  role: string | null;
  since: string;
  until: string | null;
  termEndsOn: string | null;
  /** Joined in by the API when the person register knows the name (issue 9), else absent. */
  name?: string;
}

export interface Composition {
  on: string;
  knownOn: string;
  bodies: Record<string, Seat[]>;
}

export interface TimelineEntry {
  globalPosition: number;
  occurredAt: string;
  recordedAt: string;
  body: string;
  kind: string;
  personId: string | null;
  organisationId: string | null;
  role: string | null;
  details: Record<string, unknown>;
}

export interface Timeline {
  page: number;
  pageSize: number;
  total: number;
  entries: TimelineEntry[];
}

export interface PartnerRow {
  partnerId: string;
  name: string;
  sector: string;
  municipality: string | null;
  status: string;
  joinedAt: string;
  leftAt: string | null;
  declarationId: string | null;
  declarationStatus: string | null;
  declarationSignedAt: string | null;
  openCommitments: number;
}

export interface HistoryEntry {
  kind: string;
  occurredAt: string;
  recordedAt: string;
  [detail: string]: unknown;
}

export interface PartnerDetail extends PartnerRow {
  history: HistoryEntry[];
  currentDeclaration: Declaration | null;
  declarations: Declaration[];
  commitments: Array<{
    commitmentId: string;
    declarationId: string | null;
    description: string;
    targetQuantity: number;
    targetUnit: string;
    dueOn: string;
    status: string;
    history: HistoryEntry[];
  }>;
}

export interface Declaration {
  declarationId: string;
  status: string;
  version: number;
  signedVersion: number | null;
  content: {
    purpose?: string;
    contributionsToGoal?: string[];
    contributionsToAlliance?: string[];
    principles?: string[];
  };
  draftedAt: string;
  signedAt: string | null;
  withdrawnAt: string | null;
  history: HistoryEntry[];
}

export interface Initiative {
  initiativeId: string;
  name: string;
  description: string;
  phase: string;
  targetQuantity: number | null;
  targetUnit: string | null;
  leadPartnerIds: string[];
  participatingPartnerIds: string[];
  municipalities: string[];
  homesCounted: number;
}

export interface InitiativeDetail extends Initiative {
  launchedAt: string;
  phaseHistory: Array<{ phase: string; from?: string; occurredAt: string; recordedAt: string }>;
  targetHistory: Array<{
    from?: { quantity: number; unit: string };
    to?: { quantity: number; unit: string };
    reason?: string;
    occurredAt: string;
  }>;
  partnerHistory: Array<{ kind: string; partnerId: string; role?: string; occurredAt: string }>;
}

export type PublicCount = number | '<5' | 'hidden';
export interface PublicSummary {
  asOf: string;
  goal: { homes: number; fromYear: number; toYear: number } | null;
  homes: PublicCount;
  temporaryStays: PublicCount;
  remaining: number | null;
  forecastYear: number | null;
  onTrack: boolean | null;
  suppressedBelow: number;
  byYear: Array<{ year: number; homes: PublicCount }>;
  byQuarter: Array<{ quarter: string; homes: PublicCount }>;
  byInitiative: Array<{ initiative: string; homes: PublicCount }>;
  byMunicipality: Array<{ municipality: string; homes: PublicCount }>;
  partners: Array<{ name: string; sector: string; municipality: string | null; since: string }>;
}

export interface CommandRecorded {
  id: string;
  streamId: string;
  version: number;
  duplicate: boolean;
  declarationId?: string;
}

// ---- names behind ids, looked up once per page load ----

const personNames = new Map<string, Promise<string | null>>();

/**
 * The name of a person from the person register (GET /persons/:id), or null when the register
 * does not know it (or is not there yet): then the id is shown.
 */
export function personName(personId: string): Promise<string | null> {
  let known = personNames.get(personId);
  if (!known) {
    known = get<{ name?: string; label?: string }>(`/persons/${encodeURIComponent(personId)}`)
      .then((person) => person.name ?? person.label ?? null)
      .catch(() => null);
    personNames.set(personId, known);
  }
  return known;
}

let partnersCache: Promise<PartnerRow[]> | null = null;
export function partners(refresh = false): Promise<PartnerRow[]> {
  if (!partnersCache || refresh) {
    partnersCache = get<PartnerRow[]>('/partners');
    partnersCache.catch(() => (partnersCache = null));
  }
  return partnersCache;
}

export function forgetCaches(): void {
  partnersCache = null;
  personNames.clear();
}
