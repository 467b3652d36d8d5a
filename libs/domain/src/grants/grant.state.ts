import type { GrantEvent, GrantPeriod, GrantRecipient } from './grant.events';
import { assertNever } from '../shared/exhaustive';

export interface GrantState {
  status: 'unknown' | 'active' | 'ended';
  grantId: string | null;
  funderOrganisationId: string | null;
  recipient: GrantRecipient | null;
  initiativeId: string | null;
  amountDkkPerYear: number;
  period: GrantPeriod | null;
  endedOn: string | null;
}

export const initialGrantState: GrantState = {
  status: 'unknown',
  grantId: null,
  funderOrganisationId: null,
  recipient: null,
  initiativeId: null,
  amountDkkPerYear: 0,
  period: null,
  endedOn: null,
};

export function evolveGrant(state: GrantState, event: GrantEvent): GrantState {
  switch (event.type) {
    case 'GrantAwarded':
      return {
        ...state,
        status: 'active',
        grantId: event.data.grantId,
        funderOrganisationId: event.data.funderOrganisationId,
        recipient: event.data.recipient,
        initiativeId: event.data.initiativeId,
        amountDkkPerYear: event.data.amountDkkPerYear,
        period: event.data.period,
      };
    case 'GrantExtended':
      return {
        ...state,
        amountDkkPerYear: event.data.amountDkkPerYear,
        period: state.period && { ...state.period, endsOn: event.data.endsOn },
      };
    case 'GrantEnded':
      return { ...state, status: 'ended', endedOn: event.data.endedOn };
    default:
      return assertNever(event);
  }
}
