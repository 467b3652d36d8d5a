import { AsOf } from '../queries/as-of';
import { GovernanceService } from '../queries/governance.service';
import { ProgressService } from '../queries/progress.service';
import { toCsv } from './csv';

export type ReportFormat = 'csv' | 'json';

/** Progress as of a date: JSON as GET /progress gives it, or one CSV row per figure. */
export async function progressReport(progress: ProgressService, at: AsOf, format: ReportFormat) {
  const report = await progress.progress(at);
  if (format === 'json') return report;
  const rows: unknown[][] = [
    ['total', 'homes', 'all homes counted', report.homes, report.homes],
    ...(report.goal
      ? [
          [
            'goal',
            'homes',
            `goal ${report.goal.fromYear}-${report.goal.toYear}`,
            report.goal.homes,
            '',
          ],
        ]
      : []),
    ...(report.remaining !== null
      ? [['remaining', 'homes', 'homes still to reach the goal', report.remaining, '']]
      : []),
    ...report.byInitiative.map((b) => ['initiative', b.key, b.label, b.homes, '']),
    ...report.byPartner.map((b) => ['partner', b.key, b.label, b.homes, '']),
    ...report.byMunicipality.map((b) => ['municipality', b.key, b.label, b.homes, '']),
    ...report.byYear.map((y) => ['year', y.year, String(y.year), y.homes, y.cumulative]),
    ...report.byQuarter.map((q: { period: string; homes: number; cumulative: number }) => [
      'quarter',
      q.period,
      q.period,
      q.homes,
      q.cumulative,
    ]),
    ...report.restatements.map((r: { reportId: string; note: string; to: number }) => [
      'restatement',
      r.reportId,
      r.note,
      r.to,
      '',
    ]),
  ];
  return toCsv(
    ['dimension', 'key', 'label', 'homes', 'cumulative', 'asOf', 'knownOn'],
    rows.map((row) => [...row, report.asOf, report.knownOn]),
  );
}

/**
 * The governance timeline as it stood: entries that had happened by asOf and were recorded by
 * knownOn, in the order they happened.
 */
export async function timelineReport(
  governance: GovernanceService,
  at: AsOf,
  format: ReportFormat,
) {
  const { entries } = await governance.timeline({ to: at.worldDay, page: 1, pageSize: 1_000_000 });
  const known = (entries as Array<Record<string, unknown>>).filter(
    (e) =>
      new Date(e.recordedAt as string | Date).getTime() < at.knownBefore.getTime() &&
      new Date(e.occurredAt as string | Date).getTime() < at.worldBefore.getTime(),
  );
  if (format === 'json') return { asOf: at.asOf, knownOn: at.knownOn, entries: known };
  return toCsv(
    [
      'globalPosition',
      'occurredAt',
      'recordedAt',
      'body',
      'kind',
      'personId',
      'organisationId',
      'role',
      'details',
    ],
    known.map((e) => [
      e.globalPosition,
      e.occurredAt,
      e.recordedAt,
      e.body,
      e.kind,
      e.personId,
      e.organisationId,
      e.role,
      e.details,
    ]),
  );
}
