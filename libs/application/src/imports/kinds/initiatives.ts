import {
  initiativePhaseLabels,
  initiativePhases,
  initiativeTargetUnitLabels,
  initiativeTargetUnits,
  streamIdForInitiative,
} from '@ledger/domain';
import { LaunchInitiativeCommand } from '../../commands/initiatives/initiative.commands';
import { LaunchInitiativeDto } from '../../commands/initiatives/initiative.dto';
import { asDay, asList, asWholeNumber, oneOf, slugOf } from '../cell-values';
import type { KindSpec, PlannedRow } from '../import-plan';
import { column, command, nameTaken, partnerId, RowReader } from './row-reader';

export const initiatives: KindSpec = {
  kind: 'initiatives',
  label: 'initiatives',
  sheetNames: ['initiatives', 'initiativer', 'initiative', 'initiativ'],
  columns: [
    column(
      'initiativeId',
      'initiative id',
      ['id', 'initiativeid'],
      false,
      'kollegiemodellen',
      'Optional; made from the name when empty.',
    ),
    column(
      'name',
      'name',
      ['navn', 'initiative', 'initiativ'],
      true,
      'Kollegiemodellen (Bo Sammen)',
      '',
    ),
    column(
      'description',
      'description',
      ['beskrivelse'],
      true,
      'Kollegier reserverer værelser til hjemløse unge.',
      '',
    ),
    column(
      'leadPartners',
      'lead partners',
      ['lead partner', 'ledende partnere', 'ledende partner', 'tovholder'],
      true,
      'Bikubenfonden',
      'Partner ids or names; several separated by ; or on their own lines.',
    ),
    column(
      'participatingPartners',
      'participating partners',
      ['deltagende partnere', 'partnere', 'participants'],
      false,
      'Københavns Kommune; Odense Kommune',
      '',
    ),
    column('municipalities', 'municipalities', ['kommuner'], false, 'København; Odense', ''),
    column('target', 'target', ['mål', 'target quantity'], true, 100, 'A whole number above 0.'),
    column(
      'targetUnit',
      'target unit',
      ['enhed', 'unit', 'målenhed'],
      false,
      'Hjem',
      'homes (Hjem, the default) or young-people-reached (Unge nået).',
    ),
    column(
      'phase',
      'phase',
      ['fase'],
      false,
      'Pilot',
      'idea (Idé, the default), pilot, scaling, operating, concluded.',
    ),
    column(
      'launched',
      'launched',
      ['lanceret', 'startet', 'started', 'dato', 'date'],
      true,
      '01-01-2018',
      '',
    ),
  ],
  fieldColumns: {
    initiativeId: 'initiativeId',
    name: 'name',
    description: 'description',
    leadPartnerIds: 'leadPartners',
    participatingPartnerIds: 'participatingPartners',
    municipalities: 'municipalities',
    target: 'target',
    'target.quantity': 'target',
    'target.unit': 'targetUnit',
    phase: 'phase',
    occurredAt: 'launched',
  },
  ruleColumns: {
    'initiative-launched-once': 'name',
    'initiative-needs-lead-partner': 'leadPartners',
  },
  async plan(row, context): Promise<PlannedRow> {
    const r = new RowReader(row, initiatives);
    const name = r.text('name', true);
    const description = r.text('description', true);
    const leadRefs = r.read('leadPartners', asList, true);
    const participatingRefs = r.read('participatingPartners', asList) ?? [];
    const municipalities = r.read('municipalities', asList) ?? [];
    const quantity = r.read(
      'target',
      (v) => asWholeNumber(v, 'must be a whole number above 0', 'whole-number-above-zero'),
      true,
    );
    const unit =
      r.read('targetUnit', (v) =>
        oneOf(v, initiativeTargetUnits, initiativeTargetUnitLabels, {
          boliger: 'homes',
          unge: 'young-people-reached',
        }),
      ) ?? 'homes';
    const phase = r.read('phase', (v) => oneOf(v, initiativePhases, initiativePhaseLabels));
    const launched = r.read('launched', asDay, true);
    const id = r.text('initiativeId') ?? (name ? slugOf(name) : undefined);
    const leadPartnerIds: string[] = [];
    for (const ref of leadRefs ?? []) {
      const found = await partnerId(r, context, 'leadPartners', ref);
      if (found) leadPartnerIds.push(found);
    }
    const participatingPartnerIds: string[] = [];
    for (const ref of participatingRefs) {
      const found = await partnerId(r, context, 'participatingPartners', ref);
      if (found) participatingPartnerIds.push(found);
    }
    if (name && !id)
      r.problem('name', 'id-format', 'gives no id (no letters or digits); give an initiative id');
    if (r.problems.length || !id || !name) return { problems: r.problems, commands: [] };
    const conflicts = nameTaken(
      r,
      'an initiative',
      'initiative-launched-once',
      name,
      id,
      await context.resolver.initiative(name),
    );
    const body = {
      initiativeId: id,
      name,
      description,
      leadPartnerIds,
      participatingPartnerIds,
      municipalities,
      target: { quantity, unit },
      ...(phase ? { phase } : {}),
      occurredAt: launched,
    };
    return {
      problems: [],
      conflicts,
      commands: [
        command(
          LaunchInitiativeCommand,
          'initiative',
          streamIdForInitiative(id),
          { type: 'LaunchInitiative', ...body },
          `initiative ${id} launched on ${launched} (target ${quantity} ${unit})`,
          { class: LaunchInitiativeDto, body },
        ),
      ],
      pending: { what: 'initiative', id, name },
    };
  },
};
