import { resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand } from '../shared/errors';
import {
  optionalText,
  requireId,
  requireText,
  requireWholeNumberAboveZero,
} from '../shared/values';
import type { RecordReferenceCount, ReferenceCountCommand } from './reference-count.commands';
import type { ReferenceCountEvent, ReferenceCountRecorded } from './reference-count.events';
import type { ReferenceCountsState } from './reference-count.state';
import { assertNever } from '../shared/exhaustive';

/**
 * One stream for all of the alliance's reference counts, apart from its housing reports: the
 * figures measure something else (homeless young people, not homes created) and must never be
 * summed with them. National counts come every few years, so one small stream is cheap, and it
 * lets the domain refuse the same count (source, day, area, ages) recorded twice.
 */
export function streamIdForReferenceCounts(allianceId: string): string {
  return `reference-counts-${allianceId}`;
}

export function decideRecordReferenceCount(
  state: ReferenceCountsState,
  command: RecordReferenceCount,
  now?: string,
): ReferenceCountRecorded[] {
  const allianceId = requireId('allianceId', command.allianceId);
  const countId = requireId('countId', command.countId);
  const source = requireText('source', command.source);
  const { occurredAt, day } = resolveOccurredAt(command.occurredAt, now);
  const area = command.area === undefined ? 'Danmark' : requireText('area', command.area);
  const ageFrom =
    command.ageFrom === undefined ? 18 : requireWholeNumberAboveZero('ageFrom', command.ageFrom);
  const ageTo =
    command.ageTo === undefined ? 29 : requireWholeNumberAboveZero('ageTo', command.ageTo);
  if (ageTo < ageFrom) {
    throw new InvalidCommand('ageTo', 'age-range-in-order', 'the highest age is below the lowest');
  }
  const homelessYoungPeople =
    command.homelessYoungPeople == null
      ? null
      : requireWholeNumberAboveZero('homelessYoungPeople', command.homelessYoungPeople);
  const changePercent =
    command.changePercent == null ? null : requireFinite('changePercent', command.changePercent);
  if (homelessYoungPeople === null && changePercent === null) {
    throw new InvalidCommand(
      'homelessYoungPeople',
      'reference-count-needs-a-figure',
      'give the number of homeless young people, the change in per cent, or both',
    );
  }
  const duplicate = state.counts.find(
    (c) =>
      c.countId === countId ||
      (c.source === source &&
        c.countedOn === day &&
        c.area === area &&
        c.ageFrom === ageFrom &&
        c.ageTo === ageTo),
  );
  if (duplicate) {
    throw new DomainRuleViolation(
      'reference-count-recorded-once',
      `this count is already recorded as ${duplicate.countId}`,
    );
  }
  return [
    {
      type: 'ReferenceCountRecorded',
      occurredAt,
      data: {
        allianceId,
        countId,
        source,
        countedOn: day,
        area,
        ageFrom,
        ageTo,
        homelessYoungPeople,
        changePercent,
        comparedWith: optionalText('comparedWith', command.comparedWith),
      },
    },
  ];
}

export function decideReferenceCounts(
  state: ReferenceCountsState,
  command: ReferenceCountCommand,
  now?: string,
): ReferenceCountEvent[] {
  switch (command.type) {
    case 'RecordReferenceCount':
      return decideRecordReferenceCount(state, command, now);
    default:
      return assertNever(command.type); // .type: a union of one member does not narrow to never
  }
}

function requireFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidCommand(field, 'finite-number', `${field} must be a number`);
  }
  return value;
}
