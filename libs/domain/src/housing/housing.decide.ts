import { resolveOccurredAt } from '../shared/dates';
import { DomainRuleViolation, InvalidCommand, NotFoundInDomain } from '../shared/errors';
import {
  requireId,
  requireOneOf,
  requireText,
  requireWholeNumberAboveZero,
} from '../shared/values';
import { housingTypes } from '../shared/vocabulary';
import type {
  CorrectHousingCount,
  HousingReportCommand,
  ReportHomes,
  RetractHousingCount,
} from './housing.commands';
import type {
  HomesReported,
  HousingCountCorrected,
  HousingCountRetracted,
  HousingReportEvent,
} from './housing.events';
import type { HousingReportState } from './housing.state';
import { requireQuarter } from './quarter';
import { assertNever } from '../shared/exhaustive';

/**
 * One stream per report. No rule spans reports (the sources give no de-duplication rule, and
 * totals are sums a projection makes), so a shared stream would only make partners reporting
 * at the same time collide on its version for nothing.
 */
export function streamIdForHousingReport(reportId: string): string {
  return `housing-report-${reportId}`;
}

export function decideReportHomes(
  state: HousingReportState,
  command: ReportHomes,
  now?: string,
): HomesReported[] {
  const reportId = requireId('reportId', command.reportId);
  const data = {
    reportId,
    count: requireWholeNumberAboveZero('count', command.count),
    period: requireQuarter('period', command.period),
    municipality: requireText('municipality', command.municipality),
    initiativeId: requireId('initiativeId', command.initiativeId),
    partnerId: requireId('partnerId', command.partnerId),
    source: requireText('source', command.source),
    housingType: requireOneOf('housingType', command.housingType, housingTypes),
    permanent: requireBoolean('permanent', command.permanent),
  };
  if (state.status !== 'unknown') {
    throw new DomainRuleViolation(
      'housing-report-recorded-once',
      `housing report ${reportId} is already recorded`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [{ type: 'HomesReported', occurredAt, data }];
}

export function decideCorrectHousingCount(
  state: HousingReportState,
  command: CorrectHousingCount,
  now?: string,
): HousingCountCorrected[] {
  const reportId = requireOpenReport(state, command.reportId);
  const count = requireWholeNumberAboveZero('count', command.count);
  const reason = requireText('reason', command.reason);
  if (count === state.count) {
    throw new DomainRuleViolation(
      'revision-must-change-something',
      `the count is already ${count}`,
    );
  }
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [
    {
      type: 'HousingCountCorrected',
      occurredAt,
      data: { reportId, previousCount: state.count, count, reason },
    },
  ];
}

export function decideRetractHousingCount(
  state: HousingReportState,
  command: RetractHousingCount,
  now?: string,
): HousingCountRetracted[] {
  const reportId = requireOpenReport(state, command.reportId);
  const reason = requireText('reason', command.reason);
  const { occurredAt } = resolveOccurredAt(command.occurredAt, now);
  return [{ type: 'HousingCountRetracted', occurredAt, data: { reportId, reason } }];
}

export function decideHousingReport(
  state: HousingReportState,
  command: HousingReportCommand,
  now?: string,
): HousingReportEvent[] {
  switch (command.type) {
    case 'ReportHomes':
      return decideReportHomes(state, command, now);
    case 'CorrectHousingCount':
      return decideCorrectHousingCount(state, command, now);
    case 'RetractHousingCount':
      return decideRetractHousingCount(state, command, now);
    default:
      return assertNever(command);
  }
}

function requireOpenReport(state: HousingReportState, reportIdValue: string): string {
  const reportId = requireId('reportId', reportIdValue);
  if (state.status === 'unknown') throw new NotFoundInDomain('housing report', reportId);
  if (state.status === 'retracted') {
    throw new DomainRuleViolation(
      'retracted-report-is-closed',
      `housing report ${reportId} was retracted`,
    );
  }
  return reportId;
}

function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidCommand(field, 'required', `${field} must be true or false`);
  }
  return value;
}
