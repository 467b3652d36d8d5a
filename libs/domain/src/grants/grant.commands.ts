import type { GrantRecipient } from './grant.events';

interface GrantCommandBase {
  grantId: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  occurredAt?: string;
}

export interface AwardGrant extends GrantCommandBase {
  type: 'AwardGrant';
  funderOrganisationId: string;
  recipient: GrantRecipient;
  initiativeId?: string | null;
  amountDkkPerYear: number;
  period: { startsOn: string; endsOn: string };
}
export interface ExtendGrant extends GrantCommandBase {
  type: 'ExtendGrant';
  endsOn: string;
  /** Defaults to the current yearly amount. */
  amountDkkPerYear?: number;
}
/** Ends the grant early, on the day of `occurredAt`. */
export interface EndGrant extends GrantCommandBase {
  type: 'EndGrant';
  reason?: string | null;
}

export type GrantCommand = AwardGrant | ExtendGrant | EndGrant;
