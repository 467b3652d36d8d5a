import { sectorLabels, sectors, streamIdForPartner } from '@ledger/domain';
import { JoinAllianceCommand } from '../../commands/partners/partner.commands';
import { JoinAllianceDto } from '../../commands/partners/partner.dto';
import { asDay, oneOf, slugOf } from '../cell-values';
import type { KindSpec, PlannedRow } from '../import-plan';
import { column, command, nameTaken, RowReader } from './row-reader';

const sectorSynonyms: Record<string, (typeof sectors)[number]> = {
  myndighed: 'authority',
  kommune: 'authority',
  'almen bolig': 'social-housing',
  'almene boligsektor': 'social-housing',
  'almen boligsektor': 'social-housing',
  'privat bolig': 'private-housing',
  'private boligaktører': 'private-housing',
  civilsamfund: 'civil-society',
  civilsamfundsorganisation: 'civil-society',
  ngo: 'civil-society',
  fond: 'foundation',
  vidensinstitution: 'knowledge-institution',
  forskning: 'knowledge-institution',
};

export const partners: KindSpec = {
  kind: 'partners',
  label: 'partners',
  sheetNames: ['partners', 'partnere', 'partner'],
  columns: [
    column(
      'partnerId',
      'partner id',
      ['id', 'partnerid'],
      false,
      'odense-kommune',
      'Optional; made from the name (æ→ae, ø→oe, å→aa) when empty.',
    ),
    column(
      'name',
      'name',
      ['navn', 'partner', 'organisation'],
      true,
      'Odense Kommune',
      'Kept exactly as written.',
    ),
    column('sector', 'sector', ['sektor'], true, 'Myndigheder', 'English id or Danish label.'),
    column(
      'municipality',
      'municipality',
      ['kommune'],
      false,
      'Odense',
      'For a municipality, or a partner working in one.',
    ),
    column(
      'joined',
      'joined',
      ['joined on', 'indtrådt', 'tiltrådt', 'dato', 'date'],
      true,
      '01-03-2018',
      'Day: 15-05-2018, 15.05.2018 or 2018-05-15.',
    ),
  ],
  fieldColumns: {
    partnerId: 'partnerId',
    name: 'name',
    sector: 'sector',
    municipality: 'municipality',
    occurredAt: 'joined',
  },
  ruleColumns: { 'partner-joins-once': 'name' },
  async plan(row, context): Promise<PlannedRow> {
    const r = new RowReader(row, partners);
    const name = r.text('name', true);
    const sector = r.read('sector', (v) => oneOf(v, sectors, sectorLabels, sectorSynonyms), true);
    const municipality = r.text('municipality');
    const joined = r.read('joined', asDay, true);
    const id = r.text('partnerId') ?? (name ? slugOf(name) : undefined);
    if (name && !id)
      r.problem('name', 'id-format', 'gives no id (no letters or digits); give a partner id');
    if (r.problems.length || !name || !id) return { problems: r.problems, commands: [] };
    const conflicts = nameTaken(
      r,
      'a partner',
      'partner-joins-once',
      name,
      id,
      await context.resolver.partner(name),
    );
    const body = {
      partnerId: id,
      name,
      sector,
      municipality: municipality ?? null,
      occurredAt: joined,
    };
    return {
      problems: [],
      conflicts,
      commands: [
        command(
          JoinAllianceCommand,
          'partner',
          streamIdForPartner(id),
          { type: 'JoinAlliance', ...body },
          `partner ${id} joins (${sector}) on ${joined}`,
          { class: JoinAllianceDto, body },
        ),
      ],
      pending: { what: 'partner', id, name },
    };
  },
};
