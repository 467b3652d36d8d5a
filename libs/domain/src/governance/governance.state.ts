import { contains, earliest, type DayInterval } from '../shared/dates';
import type { Body } from '../shared/vocabulary';
import type { GovernanceEvent } from './governance.events';
import { assertNever } from '../shared/exhaustive';

/**
 * One seat on one body, held by one person (the representative, on the Advisory Board, where the
 * organisation is the member). Seats are never removed: former members stay as history, so the
 * board on any past day can be answered from this state.
 */
export interface Seat {
  seatId: string;
  body: Body;
  personId: string;
  organisationId: string | null;
  assemblyId: string | null;
  startsOn: string;
  termEndsOn: string | null;
  leftOn: string | null;
  /** Role changes in day order; each holds from its day until the next (or the seat's end). */
  roles: Array<{ role: string; from: string }>;
}

export interface GovernanceState {
  allianceId: string | null;
  assemblies: Record<string, { assemblyId: string; heldOn: string; membersPresent: string[] }>;
  seats: Seat[];
}

export const initialGovernanceState: GovernanceState = {
  allianceId: null,
  assemblies: {},
  seats: [],
};

export function evolveGovernance(state: GovernanceState, event: GovernanceEvent): GovernanceState {
  const base = { ...state, allianceId: event.data.allianceId };
  switch (event.type) {
    case 'GeneralAssemblyHeld':
      return {
        ...base,
        assemblies: {
          ...state.assemblies,
          [event.data.assemblyId]: {
            assemblyId: event.data.assemblyId,
            heldOn: event.data.heldOn,
            membersPresent: event.data.membersPresent,
          },
        },
      };
    case 'BoardMemberElected':
      return {
        ...base,
        seats: [
          ...state.seats,
          {
            seatId: event.data.seatId,
            body: 'board',
            personId: event.data.personId,
            organisationId: event.data.organisationId,
            assemblyId: event.data.assemblyId,
            startsOn: event.data.term.startsOn,
            termEndsOn: event.data.term.endsOn,
            leftOn: null,
            roles: [{ role: event.data.role, from: event.data.term.startsOn }],
          },
        ],
      };
    case 'BoardMemberRoleChanged':
      return withSeat(base, event.data.seatId, (seat) => ({
        ...seat,
        roles: [...seat.roles, { role: event.data.role, from: event.data.changedOn }].sort((a, b) =>
          a.from.localeCompare(b.from),
        ),
      }));
    case 'BoardMemberSteppedDown':
      return withSeat(base, event.data.seatId, (seat) => ({
        ...seat,
        leftOn: event.data.steppedDownOn,
      }));
    case 'AdvisoryBoardMemberAppointed':
      return {
        ...base,
        seats: [
          ...state.seats,
          {
            seatId: event.data.seatId,
            body: 'advisory-board',
            personId: event.data.representativePersonId,
            organisationId: event.data.organisationId,
            assemblyId: null,
            startsOn: event.data.startsOn,
            termEndsOn: null,
            leftOn: null,
            roles: [{ role: 'member', from: event.data.startsOn }],
          },
        ],
      };
    case 'AdvisoryBoardMemberLeft':
      return withSeat(base, event.data.seatId, (seat) => ({ ...seat, leftOn: event.data.leftOn }));
    case 'SecretariatStaffStarted':
      return {
        ...base,
        seats: [
          ...state.seats,
          {
            seatId: event.data.seatId,
            body: 'secretariat',
            personId: event.data.personId,
            organisationId: null,
            assemblyId: null,
            startsOn: event.data.startsOn,
            termEndsOn: null,
            leftOn: null,
            roles: [{ role: event.data.role, from: event.data.startsOn }],
          },
        ],
      };
    case 'SecretariatStaffLeft':
      return withSeat(base, event.data.seatId, (seat) => ({ ...seat, leftOn: event.data.leftOn }));
    default:
      return assertNever(event);
  }
}

function withSeat(
  state: GovernanceState,
  seatId: string,
  change: (seat: Seat) => Seat,
): GovernanceState {
  return {
    ...state,
    seats: state.seats.map((seat) => (seat.seatId === seatId ? change(seat) : seat)),
  };
}

/** The days a seat is held: from its start until the term ends or the holder leaves. */
export function seatInterval(seat: Seat): DayInterval {
  return { from: seat.startsOn, until: earliest(seat.termEndsOn, seat.leftOn) };
}

/** Each role the seat held, with the days it held it. */
export function rolePeriods(seat: Seat): Array<{ role: string } & DayInterval> {
  const seatEnd = seatInterval(seat).until;
  return seat.roles
    .map((entry, index) => ({
      role: entry.role,
      from: entry.from < seat.startsOn ? seat.startsOn : entry.from,
      until: earliest(seat.roles[index + 1]?.from ?? null, seatEnd),
    }))
    .filter((period) => period.until === null || period.from < period.until);
}

export function roleOn(seat: Seat, day: string): string | null {
  return rolePeriods(seat).find((period) => contains(period, day))?.role ?? null;
}

export interface SeatHolder {
  seatId: string;
  body: Body;
  personId: string;
  organisationId: string | null;
  role: string;
}

/** Who holds which seat on a body on a given day. */
export function seatsHeldOn(state: GovernanceState, body: Body, day: string): SeatHolder[] {
  return state.seats
    .filter((seat) => seat.body === body && contains(seatInterval(seat), day))
    .map((seat) => ({
      seatId: seat.seatId,
      body: seat.body,
      personId: seat.personId,
      organisationId: seat.organisationId,
      role: roleOn(seat, day) ?? 'member',
    }));
}
