import { housingTypeLabels, housingTypes, streamIdForHousingReport } from '@ledger/domain';
import { ReportHomesCommand } from '../../commands/housing/housing.commands';
import { ReportHomesDto } from '../../commands/housing/housing.dto';
import { asDay, asQuarter, asWholeNumber, asYesNo, oneOf } from '../cell-values';
import type { KindSpec, PlannedRow } from '../import-plan';
import { column, command, partnerId, RowReader } from './row-reader';

/** The last day of a quarter (`2018-Q4` → 2018-12-31). */
export function quarterEnd(period: string): string {
  const [year, quarter] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}

export const housingCounts: KindSpec = {
  kind: 'housing-counts',
  label: 'housing counts',
  sheetNames: [
    'housing counts',
    'housing-counts',
    'housing',
    'homes',
    'boligtal',
    'boliger',
    'optællinger',
  ],
  columns: [
    column(
      'reportId',
      'report id',
      ['id', 'rapport id'],
      false,
      null,
      'Optional; made from the file and row when empty.',
    ),
    column(
      'period',
      'period',
      ['periode', 'kvartal', 'quarter'],
      true,
      '2018-Q4',
      'The quarter: 2018-Q4 (or 4. kvartal 2018).',
    ),
    column(
      'count',
      'count',
      ['antal', 'homes', 'boliger'],
      true,
      9,
      'New homes: a whole number above 0 (never a person).',
    ),
    column('municipality', 'municipality', ['kommune'], true, 'København', ''),
    column(
      'initiative',
      'initiative',
      ['initiativ', 'initiative id'],
      true,
      'Kollegiemodellen (Bo Sammen)',
      'Initiative id or name; must be recorded.',
    ),
    column(
      'partner',
      'partner',
      ['partner id'],
      true,
      'Bikubenfonden',
      'Partner id or name; must be recorded.',
    ),
    column(
      'source',
      'source',
      ['kilde'],
      true,
      'Bikubenfondens tildelingsliste',
      'Where the number comes from.',
    ),
    column(
      'housingType',
      'housing type',
      ['boligtype', 'type'],
      true,
      'Kollegieværelse',
      'dorm-room (Kollegieværelse), host-family (Værtsfamilie), housing (Bolig), shared-housing (Bofællesskab).',
    ),
    column(
      'permanent',
      'permanent',
      ['varig', 'permanent bolig'],
      true,
      'ja',
      'ja/nej (yes/no): a permanent home, or a stay.',
    ),
    column(
      'date',
      'date',
      ['dato', 'reported on', 'counted on', 'optalt'],
      false,
      '15-12-2018',
      "When the homes were counted; defaults to the quarter's last day (today for the current quarter).",
    ),
  ],
  fieldColumns: {
    reportId: 'reportId',
    count: 'count',
    period: 'period',
    municipality: 'municipality',
    initiativeId: 'initiative',
    partnerId: 'partner',
    source: 'source',
    housingType: 'housingType',
    permanent: 'permanent',
    occurredAt: 'date',
  },
  ruleColumns: { 'housing-report-recorded-once': 'reportId' },
  async plan(row, context): Promise<PlannedRow> {
    const r = new RowReader(row, housingCounts);
    const period = r.read('period', asQuarter, true);
    const count = r.read(
      'count',
      (v) => asWholeNumber(v, 'must be a whole number above 0', 'whole-number-above-zero'),
      true,
    );
    const municipality = r.text('municipality', true);
    const initiativeRef = r.text('initiative', true);
    const partner = await partnerId(r, context, 'partner', r.text('partner', true));
    const source = r.text('source', true);
    const housingType = r.read(
      'housingType',
      (v) =>
        oneOf(v, housingTypes, housingTypeLabels, {
          kollegium: 'dorm-room',
          bofællesskab: 'shared-housing',
          lejlighed: 'housing',
        }),
      true,
    );
    const permanent = r.read('permanent', asYesNo, true);
    const date = r.read('date', asDay);
    let initiativeId: string | undefined;
    if (initiativeRef !== undefined) {
      initiativeId = await context.resolver.initiative(initiativeRef);
      if (!initiativeId) {
        r.problem(
          'initiative',
          'known-initiative',
          `no initiative "${initiativeRef}" is recorded (give its initiative id or its name)`,
        );
      }
    }
    if (r.problems.length || !period || !partner || !initiativeId)
      return { problems: r.problems, commands: [] };
    const today = context.receivedAt.slice(0, 10);
    const occurredAt = date ?? (quarterEnd(period) < today ? quarterEnd(period) : today);
    const reportId = r.text('reportId') ?? context.newId('', 'housing-report');
    const body = {
      reportId,
      count,
      period,
      municipality,
      initiativeId,
      partnerId: partner,
      source,
      housingType,
      permanent,
      occurredAt,
    };
    return {
      problems: [],
      commands: [
        command(
          ReportHomesCommand,
          'housing',
          streamIdForHousingReport(reportId),
          { type: 'ReportHomes', ...body },
          `${count} home(s) in ${municipality}, ${period}, initiative ${initiativeId}, partner ${partner}`,
          { class: ReportHomesDto, body },
        ),
      ],
    };
  },
};
