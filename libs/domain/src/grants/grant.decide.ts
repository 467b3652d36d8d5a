import { requireIsoDate, resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import {
  optionalText,
  requireId,
  requireOneOf,
  requireWholeNumberAboveZero,
} from '../shared/values';
import type { AwardGrant, EndGrant, ExtendGrant, GrantCommand } from './grant.commands';
import type {
  GrantAwarded,
  GrantEnded,
  GrantEvent,
  GrantExtended,
  GrantPeriod,
} from './grant.events';
import type { GrantState } from './grant.state';
import { assertNever } from '../shared/exhaustive';

/**
 * One stream per grant, apart from the alliance's stream: a grant's rules concern only itself
 * (overlapping grants from one funder are normal), and the secretariat's bookkeeping should not
 * contend with goal revisions for the alliance stream's version.
 */
export function streamIdForGrant(grantId: string): string {
  return `grant-${grantId}`;
}

export function decideAwardGrant(
  state: GrantState,
  command: AwardGrant,
  now?: string,
): GrantAwarded[] {
  const grantId = requireId('grantId', command.grantId);
  const recipient = requireOneOf('recipient', command.recipient, [
    'secretariat',
    'initiative',
  ] as const);
  let initiativeId: string | null = null;
  if (recipient === 'initiative') initiativeId = requireId('initiativeId', command.initiativeId);
  else if (command.initiativeId != null) {
    throw new InvalidCommand(
      'initiativeId',
      'known-value',
      'a grant to the secretariat names no initiative',
    );
  }
  const data = {
    grantId,
    funderOrganisationId: requireId('funderOrganisationId', command.funderOrganisationId),
    recipient,
    initiativeId,
    amountDkkPerYear: requireWholeNumberAboveZero('amountDkkPerYear', command.amountDkkPerYear),
    period: requirePeriod(command.period),
  };
  if (state.status !== 'unknown') {
    throw new DomainRuleViolation('grant-awarded-once', `grant ${grantId} is already recorded`);
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [{ type: 'GrantAwarded', occurredAt, data }];
}

export function decideExtendGrant(
  state: GrantState,
  command: ExtendGrant,
  now?: string,
): GrantExtended[] {
  const { grantId, period } = requireActiveGrant(state, command.grantId);
  const endsOn = requireIsoDate('endsOn', command.endsOn);
  const amountDkkPerYear =
    command.amountDkkPerYear === undefined
      ? state.amountDkkPerYear
      : requireWholeNumberAboveZero('amountDkkPerYear', command.amountDkkPerYear);
  if (endsOn <= period.endsOn) {
    throw new DomainRuleViolation(
      'extension-lengthens-grant',
      `grant ${grantId} already runs until ${period.endsOn}`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'GrantExtended',
      occurredAt,
      data: {
        grantId,
        previousEndsOn: period.endsOn,
        endsOn,
        previousAmountDkkPerYear: state.amountDkkPerYear,
        amountDkkPerYear,
      },
    },
  ];
}

export function decideEndGrant(state: GrantState, command: EndGrant, now?: string): GrantEnded[] {
  const { grantId, period } = requireActiveGrant(state, command.grantId);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  if (day < period.startsOn || day > period.endsOn) {
    throw new DomainRuleViolation(
      'grant-ends-within-its-period',
      `grant ${grantId} runs from ${period.startsOn} to ${period.endsOn}`,
    );
  }
  return [
    {
      type: 'GrantEnded',
      occurredAt,
      data: { grantId, endedOn: day, reason: optionalText('reason', command.reason) },
    },
  ];
}

export function decideGrant(state: GrantState, command: GrantCommand, now?: string): GrantEvent[] {
  switch (command.type) {
    case 'AwardGrant':
      return decideAwardGrant(state, command, now);
    case 'ExtendGrant':
      return decideExtendGrant(state, command, now);
    case 'EndGrant':
      return decideEndGrant(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireActiveGrant(
  state: GrantState,
  grantIdValue: string,
): { grantId: string; period: GrantPeriod } {
  const grantId = requireId('grantId', grantIdValue);
  if (state.status === 'unknown' || state.period === null)
    throw new NotFoundInDomain('grant', grantId);
  if (state.status === 'ended') {
    throw new DomainRuleViolation('ended-grant-is-closed', `grant ${grantId} has ended`);
  }
  return { grantId, period: state.period };
}

function requirePeriod(period: { startsOn: string; endsOn: string } | undefined): GrantPeriod {
  if (period === undefined || period === null) throw new InvalidCommand('period', 'required');
  const startsOn = requireIsoDate('period.startsOn', period.startsOn);
  const endsOn = requireIsoDate('period.endsOn', period.endsOn);
  if (endsOn < startsOn) {
    throw new InvalidCommand(
      'period.endsOn',
      'period-ends-after-it-starts',
      'a grant cannot end before it starts',
    );
  }
  return { startsOn, endsOn };
}
