import {
  partnershipCommitmentLabels,
  partnershipCommitments,
  streamIdForPartner,
  type PartnershipCommitment,
} from '@ledger/domain';
import { WhenDto } from '../../commands/common.dto';
import {
  DraftPartnershipDeclarationCommand,
  SignPartnershipDeclarationCommand,
} from '../../commands/partners/partner.commands';
import { DraftPartnershipDeclarationDto } from '../../commands/partners/partner.dto';
import { asDay, asList, folded, oneOf, type CellValue } from '../cell-values';
import type { KindSpec, PlannedRow } from '../import-plan';
import { column, command, partnerId, RowReader } from './row-reader';

const declarationStatuses = ['draft', 'signed'] as const;

function principlesOf(value: CellValue): PartnershipCommitment[] | undefined {
  const entries = asList(value);
  if (!entries) return undefined;
  if (
    entries.length === 1 &&
    ['all', 'alle', 'alle fem', 'all five'].includes(folded(entries[0]))
  ) {
    return [...partnershipCommitments];
  }
  return entries.map((entry) => oneOf(entry, partnershipCommitments, partnershipCommitmentLabels)!);
}

export const declarations: KindSpec = {
  kind: 'declarations',
  label: 'partnership declarations',
  sheetNames: [
    'declarations',
    'partnership declarations',
    'erklæringer',
    'partnerskabserklæringer',
    'declaration',
  ],
  columns: [
    column(
      'partner',
      'partner',
      ['partner id', 'organisation'],
      true,
      'Odense Kommune',
      'Partner id or name; the partner must be recorded.',
    ),
    column(
      'declarationId',
      'declaration id',
      ['erklæring id', 'id'],
      false,
      null,
      'Optional; made from the file and row when empty.',
    ),
    column(
      'status',
      'status',
      [],
      true,
      'Underskrevet',
      'draft (Udkast) or signed (Underskrevet).',
    ),
    column(
      'draftedOn',
      'drafted on',
      ['udarbejdet', 'udkast dato', 'drafted'],
      false,
      '01-01-2019',
      'Defaults to the signing day.',
    ),
    column(
      'signedOn',
      'signed on',
      ['underskrevet den', 'underskrevet', 'signed', 'dato for underskrift'],
      false,
      '15-05-2019',
      'Required when signed; empty for a draft.',
    ),
    column('purpose', 'purpose', ['formål'], true, 'Vi vil stoppe hjemløshed blandt unge.', ''),
    column(
      'contributionsToGoal',
      'contributions to the goal',
      ['contributions', 'contributions to goal', 'bidrag', 'bidrag til målet'],
      false,
      '18 kollegieværelser til hjemløse unge',
      'Several separated by ; or on their own lines.',
    ),
    column(
      'contributionsToAlliance',
      'contributions to the alliance',
      ['contributions to alliance', 'bidrag til alliancen'],
      false,
      'Deler viden med de andre partnere',
      '',
    ),
    column(
      'principles',
      'principles',
      ['principper'],
      false,
      'alle',
      'The five principles by id or Danish label, or "alle"; a signed declaration holds all five (the default when signed).',
    ),
  ],
  fieldColumns: {
    partnerId: 'partner',
    declarationId: 'declarationId',
    purpose: 'purpose',
    contributionsToGoal: 'contributionsToGoal',
    contributionsToAlliance: 'contributionsToAlliance',
    principles: 'principles',
    occurredAt: 'draftedOn',
  },
  ruleColumns: {
    'one-active-declaration-per-partner': 'partner',
    'partner-must-be-member': 'partner',
    'declaration-recorded-once': 'declarationId',
    'signing-needs-every-principle': 'principles',
  },
  async plan(row, context): Promise<PlannedRow> {
    const r = new RowReader(row, declarations);
    const partner = await partnerId(r, context, 'partner', r.text('partner', true));
    const status = r.read(
      'status',
      (v) =>
        oneOf(
          v,
          declarationStatuses,
          { draft: 'Udkast', signed: 'Underskrevet' },
          { kladde: 'draft', underskrevet: 'signed', signeret: 'signed' },
        ),
      true,
    );
    const draftedOn = r.read('draftedOn', asDay);
    const signedOn = r.read('signedOn', asDay);
    const purpose = r.text('purpose', true);
    const contributionsToGoal = r.read('contributionsToGoal', asList) ?? [];
    const contributionsToAlliance = r.read('contributionsToAlliance', asList) ?? [];
    let principles = r.read('principles', principlesOf);
    if (status === 'signed' && !signedOn && !r.has('signedOn'))
      r.problem('signedOn', 'required', 'is required for a signed declaration');
    if (status === 'draft' && signedOn)
      r.problem(
        'signedOn',
        'draft-is-unsigned',
        'must be empty for a draft (or set status to signed)',
      );
    const occurredAt = draftedOn ?? signedOn;
    if (!occurredAt && !r.has('draftedOn') && !(status === 'signed' && !r.has('signedOn'))) {
      r.problem('draftedOn', 'required', 'is required for a draft');
    }
    if (draftedOn && signedOn && signedOn < draftedOn)
      r.problem('signedOn', 'signed-after-drafted', 'must not be before the drafted day');
    if (r.problems.length || !partner || !status || !purpose || !occurredAt)
      return { problems: r.problems, commands: [] };
    if (status === 'signed' && principles === undefined) principles = [...partnershipCommitments];
    const declarationId = r.text('declarationId') ?? context.newId('', 'declaration');
    const body = {
      declarationId,
      purpose,
      contributionsToGoal,
      contributionsToAlliance,
      principles: principles ?? [],
      occurredAt,
    };
    const commands = [
      command(
        DraftPartnershipDeclarationCommand,
        'partner',
        streamIdForPartner(partner),
        { type: 'DraftPartnershipDeclaration', partnerId: partner, ...body },
        `declaration ${declarationId} of partner ${partner} drafted on ${occurredAt}`,
        { class: DraftPartnershipDeclarationDto, body },
      ),
    ];
    if (status === 'signed' && signedOn) {
      commands.push(
        command(
          SignPartnershipDeclarationCommand,
          'partner',
          streamIdForPartner(partner),
          {
            type: 'SignPartnershipDeclaration',
            partnerId: partner,
            declarationId,
            occurredAt: signedOn,
          },
          `declaration ${declarationId} signed on ${signedOn}`,
          { class: WhenDto, body: { occurredAt: signedOn } },
          'sign',
        ),
      );
    }
    return { problems: [], commands };
  },
};
