import { contains, overlaps } from '../shared/dates';
import { DomainRuleViolation } from '../shared/errors';
import type { DomainRuleName } from '../shared/rules';
import type { Body } from '../shared/vocabulary';
import {
  evolveGovernance,
  rolePeriods,
  seatInterval,
  type GovernanceState,
  type Seat,
} from './governance.state';
import type { GovernanceEvent } from './governance.events';

/** Roles only one person may hold on a body on any day. */
const singleHolderRoles: Record<string, DomainRuleName> = {
  chair: 'one-chair-at-a-time',
  'vice-chair': 'one-vice-chair-at-a-time',
  director: 'one-director-at-a-time',
};

/**
 * Applies the candidate event and checks the seat it touched against every other seat on the
 * body, over all days. Checking the outcome rather than "the board today" keeps the rules true
 * for back-dated facts too: a May election typed in June must not create two chairs in May.
 */
export function requireSeatRulesAfter(
  state: GovernanceState,
  event: GovernanceEvent,
  seatId: string,
): void {
  const after = evolveGovernance(state, event);
  const seat = after.seats.find((candidate) => candidate.seatId === seatId);
  if (!seat) return;
  const others = after.seats.filter((o) => o.seatId !== seatId && o.body === seat.body);
  for (const other of others) {
    if (sameHolder(seat, other) && overlaps(seatInterval(seat), seatInterval(other))) {
      throw new DomainRuleViolation(
        'one-seat-per-body-at-a-time',
        `${describeHolder(seat)} already holds a seat on the ${seat.body} from ${other.startsOn}`,
      );
    }
  }
  for (const period of rolePeriods(seat)) {
    const rule = singleHolderRoles[period.role];
    if (!rule) continue;
    for (const other of others) {
      const clash = rolePeriods(other).find((o) => o.role === period.role && overlaps(o, period));
      if (clash) {
        throw new DomainRuleViolation(
          rule,
          `person ${other.personId} is ${period.role} of the ${seat.body} from ${clash.from}`,
        );
      }
    }
  }
}

function sameHolder(a: Seat, b: Seat): boolean {
  // On the Advisory Board the organisation is the member and a person its representative:
  // neither may sit twice.
  if (a.body === 'advisory-board') {
    return a.organisationId === b.organisationId || a.personId === b.personId;
  }
  return a.personId === b.personId;
}

function describeHolder(seat: Seat): string {
  return seat.body === 'advisory-board'
    ? `organisation ${seat.organisationId} (or its representative)`
    : `person ${seat.personId}`;
}

/** The seat held on `day` by the person (or, on the Advisory Board, organisation). */
export function requireCurrentSeat(
  state: GovernanceState,
  body: Body,
  matches: (seat: Seat) => boolean,
  day: string,
  rule: DomainRuleName,
  who: string,
): Seat {
  const seat = state.seats.find(
    (candidate) =>
      candidate.body === body && matches(candidate) && contains(seatInterval(candidate), day),
  );
  if (!seat) {
    throw new DomainRuleViolation(rule, `${who} holds no seat on the ${body} on ${day}`);
  }
  return seat;
}
