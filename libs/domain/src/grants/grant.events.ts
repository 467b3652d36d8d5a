import type { DomainEvent } from '../shared/events';

export type GrantRecipient = 'secretariat' | 'initiative';

/** Days; a grant runs from `startsOn` through `endsOn`, both included. */
export interface GrantPeriod {
  startsOn: string;
  endsOn: string;
}

export interface GrantAwardedData {
  grantId: string;
  /** The funder, e.g. Bikubenfonden; a partner id where the funder is a partner. */
  funderOrganisationId: string;
  recipient: GrantRecipient;
  /** Set when the recipient is an initiative, else null. */
  initiativeId: string | null;
  amountDkkPerYear: number;
  period: GrantPeriod;
}
export interface GrantExtendedData {
  grantId: string;
  previousEndsOn: string;
  endsOn: string;
  previousAmountDkkPerYear: number;
  amountDkkPerYear: number;
}
export interface GrantEndedData {
  grantId: string;
  endedOn: string;
  reason: string | null;
}

export type GrantAwarded = DomainEvent<'GrantAwarded', GrantAwardedData>;
export type GrantExtended = DomainEvent<'GrantExtended', GrantExtendedData>;
export type GrantEnded = DomainEvent<'GrantEnded', GrantEndedData>;
export type GrantEvent = GrantAwarded | GrantExtended | GrantEnded;

export const grantEventTypes = ['GrantAwarded', 'GrantExtended', 'GrantEnded'] as const;
