import {
  boardRoleLabels,
  boardRoles,
  bodies,
  bodyLabels,
  housingTypeLabels,
  housingTypes,
  initiativePhaseLabels,
  initiativePhases,
  initiativeTargetUnitLabels,
  initiativeTargetUnits,
  partnershipCommitmentLabels,
  partnershipCommitments,
  secretariatRoleLabels,
  secretariatRoles,
  sectorLabels,
  sectors,
  streamIdForGovernance,
  streamIdForHousingReport,
  streamIdForInitiative,
  streamIdForPartner,
  type GovernanceState,
  type PartnershipCommitment,
} from '@ledger/domain';
import { WhenDto } from '../commands/shared/common.dto';
import { ID_PATTERN } from '../commands/shared/dto-fields';
import {
  AppointAdvisoryBoardMemberCommand,
  ElectBoardMemberCommand,
  HoldGeneralAssemblyCommand,
  LeaveAdvisoryBoardCommand,
  LeaveSecretariatCommand,
  StartInSecretariatCommand,
} from '../commands/governance/governance.commands';
import {
  AppointAdvisoryBoardMemberDto,
  ElectBoardMemberDto,
  HoldGeneralAssemblyDto,
  LeaveAdvisoryBoardDto,
  LeaveSecretariatDto,
  StartInSecretariatDto,
} from '../commands/governance/governance.dto';
import { ReportHomesCommand } from '../commands/housing/housing.commands';
import { ReportHomesDto } from '../commands/housing/housing.dto';
import { LaunchInitiativeCommand } from '../commands/initiatives/initiative.commands';
import { LaunchInitiativeDto } from '../commands/initiatives/initiative.dto';
import {
  DraftPartnershipDeclarationCommand,
  JoinAllianceCommand,
  SignPartnershipDeclarationCommand,
} from '../commands/partners/partner.commands';
import { DraftPartnershipDeclarationDto, JoinAllianceDto } from '../commands/partners/partner.dto';
import {
  asDay,
  asList,
  asQuarter,
  asText,
  asWholeNumber,
  asYesNo,
  CellProblem,
  folded,
  isBlank,
  oneOf,
  slugOf,
  type CellValue,
} from './cell-values';
import type {
  ColumnSpec,
  CommandClass,
  ImportKind,
  KindSpec,
  PlanContext,
  PlannedRow,
  RowCells,
  RowProblem,
} from './import-plan';

function column(
  key: string,
  header: string,
  aliases: string[],
  required: boolean,
  example: ColumnSpec['example'],
  note: string,
): ColumnSpec {
  return { key, header, aliases, required, example, note };
}

/** Reads a row's cells column by column, collecting every problem instead of stopping at one. */
class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly row: RowCells,
    private readonly spec: KindSpec,
  ) {}

  header(key: string): string {
    return this.row.headers[key] ?? this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  problem(key: string | null, rule: string, message: string): void {
    this.problems.push({ column: key === null ? null : this.header(key), rule, message });
  }

  read<T>(
    key: string,
    parse: (value: CellValue) => T | undefined,
    required = false,
  ): T | undefined {
    const value = this.row.values[key] ?? null;
    try {
      const result = isBlank(value) ? undefined : parse(value);
      if (result === undefined && required) this.problem(key, 'required', 'is required');
      return result;
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      this.problem(key, error.rule, error.message);
      return undefined;
    }
  }

  text(key: string, required = false): string | undefined {
    return this.read(key, asText, required);
  }

  has(key: string): boolean {
    return !isBlank(this.row.values[key] ?? null);
  }
}

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

const NO_PARTNER = (value: string) =>
  `no partner "${value}" is recorded (give its partner id or its name as recorded)`;

async function partnerId(
  reader: RowReader,
  context: PlanContext,
  key: string,
  value: string | undefined,
): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const id = await context.resolver.partner(value);
  if (!id) reader.problem(key, 'known-partner', NO_PARTNER(value));
  return id;
}

function command(
  commandClass: CommandClass,
  aggregate: 'partner' | 'initiative' | 'governance' | 'housing',
  streamId: string,
  payload: Record<string, unknown>,
  summary: string,
  dto?: { class: new () => object; body: Record<string, unknown> },
  step = '',
) {
  return { step, commandClass, aggregate, streamId, build: () => payload, dto, summary };
}

// ---------------------------------------------------------------------------------------------

const partners: KindSpec = {
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

// ---------------------------------------------------------------------------------------------

const initiatives: KindSpec = {
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

// ---------------------------------------------------------------------------------------------

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

const declarations: KindSpec = {
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

// ---------------------------------------------------------------------------------------------

/** The general assembly recorded on a day, if any. */
function assemblyOn(state: unknown, day: string): string | undefined {
  const assemblies = (state as GovernanceState).assemblies ?? {};
  return Object.values(assemblies).find((a) => a.heldOn === day)?.assemblyId;
}

/** The id a general assembly held for an import gets: one per day. */
export function assemblyIdFor(day: string): string {
  return `general-assembly-${day}`;
}

const seats: KindSpec = {
  kind: 'seats',
  label: 'board, Advisory Board and secretariat seats',
  sheetNames: [
    'seats',
    'board seats',
    'board',
    'poster',
    'bestyrelse',
    'bestyrelsesposter',
    'governance',
  ],
  columns: [
    column(
      'person',
      'person',
      ['person id', 'navn', 'name'],
      true,
      'person-0001',
      'A person id, or a name registered in the person register (POST /persons); names never enter the record.',
    ),
    column(
      'organisation',
      'organisation',
      ['organization', 'organisation id', 'repræsenterer'],
      false,
      'Bikubenfonden',
      'Partner id or name, or another organisation; required for the board and the Advisory Board.',
    ),
    column(
      'body',
      'body',
      ['organ', 'forum'],
      true,
      'Bestyrelse',
      'board (Bestyrelse), advisory-board (Advisory Board) or secretariat (Sekretariat).',
    ),
    column(
      'role',
      'role',
      ['rolle', 'post'],
      false,
      'Formand',
      'Board: chair/Formand, vice-chair/Næstformand, member/Bestyrelsesmedlem. Secretariat: director/Direktør, programme-manager/Programchef, consultant/Konsulent, staff/Medarbejder.',
    ),
    column(
      'from',
      'from',
      ['fra', 'starts on', 'start'],
      true,
      '01-08-2017',
      'Board: the day of the general assembly that elected them (recorded first if it is not).',
    ),
    column(
      'to',
      'to',
      ['til', 'ends on', 'slut'],
      false,
      null,
      'Board: end of the term; Advisory Board and secretariat: the day they left.',
    ),
  ],
  fieldColumns: {
    personId: 'person',
    representativePersonId: 'person',
    organisationId: 'organisation',
    role: 'role',
    assemblyId: 'from',
    occurredAt: 'from',
    term: 'from',
    'term.startsOn': 'from',
    'term.endsOn': 'to',
  },
  ruleColumns: {
    'one-chair-at-a-time': 'role',
    'one-vice-chair-at-a-time': 'role',
    'one-seat-per-body-at-a-time': 'person',
    'one-director-at-a-time': 'role',
    'term-ends-after-it-starts': 'to',
    'step-down-needs-current-seat': 'to',
    'election-at-a-held-general-assembly': 'from',
    'alliance-founded': 'body',
  },
  async plan(row, context): Promise<PlannedRow> {
    const r = new RowReader(row, seats);
    const personRef = r.text('person', true);
    const body = r.read(
      'body',
      (v) =>
        oneOf<(typeof bodies)[number]>(v, bodies, bodyLabels, {
          bestyrelsen: 'board',
          'advisory board': 'advisory-board',
          advisoryboard: 'advisory-board',
          sekretariatet: 'secretariat',
        }),
      true,
    );
    const from = r.read('from', asDay, true);
    const to = r.read('to', asDay);
    const organisationRef = r.text('organisation');
    let role: string | undefined;
    if (body === 'board') {
      role = r.read(
        'role',
        (v) =>
          oneOf(v, boardRoles, boardRoleLabels, { medlem: 'member', næstformand: 'vice-chair' }),
        true,
      );
    } else if (body === 'secretariat') {
      role = r.read(
        'role',
        (v) =>
          oneOf(v, secretariatRoles, secretariatRoleLabels, {
            sekretariatschef: 'director',
            leder: 'director',
          }),
        true,
      );
    } else if (body === 'advisory-board') {
      r.read('role', (v) =>
        oneOf(
          v,
          ['member'] as const,
          { member: 'Medlem' },
          { repræsentant: 'member', representative: 'member' },
        ),
      );
    }
    if (body && body !== 'secretariat' && !organisationRef)
      r.problem('organisation', 'required', `is required for the ${bodyLabels[body]}`);
    if (body === 'secretariat' && organisationRef)
      r.problem('organisation', 'not-for-the-secretariat', 'must be empty for the secretariat');
    if (from && to && to <= from)
      r.problem('to', 'term-ends-after-it-starts', 'must be after from');
    let personId: string | undefined;
    if (personRef !== undefined) {
      const person = await context.resolver.person(personRef);
      if ('personId' in person) personId = person.personId;
      else r.problem('person', person.rule, person.problem);
    }
    let organisationId: string | undefined;
    if (organisationRef !== undefined && body !== 'secretariat') {
      organisationId =
        (await context.resolver.partner(organisationRef)) ??
        (ID_PATTERN.test(organisationRef) ? organisationRef : slugOf(organisationRef));
      if (!organisationId)
        r.problem('organisation', 'id-format', 'gives no id (no letters or digits)');
    }
    if (r.problems.length || !personId || !body || !from)
      return { problems: r.problems, commands: [] };
    const allianceId = context.allianceId;
    const streamId = streamIdForGovernance(allianceId);
    if (body === 'board') {
      const newAssembly = assemblyIdFor(from);
      const term = { startsOn: from, endsOn: to ?? null };
      const elect = { assemblyId: newAssembly, personId, organisationId, role, term };
      return {
        problems: [],
        commands: [
          {
            step: 'assembly',
            commandClass: HoldGeneralAssemblyCommand,
            aggregate: 'governance',
            streamId,
            build: (state) =>
              assemblyOn(state, from)
                ? null
                : {
                    type: 'HoldGeneralAssembly',
                    allianceId,
                    assemblyId: newAssembly,
                    occurredAt: from,
                  },
            dto: {
              class: HoldGeneralAssemblyDto,
              body: { assemblyId: newAssembly, occurredAt: from },
            },
            summary: `general assembly ${newAssembly} held on ${from} (it was not recorded)`,
          },
          {
            step: '',
            commandClass: ElectBoardMemberCommand,
            aggregate: 'governance',
            streamId,
            build: (state) => ({
              type: 'ElectBoardMember',
              allianceId,
              ...elect,
              assemblyId: assemblyOn(state, from) ?? newAssembly,
            }),
            dto: { class: ElectBoardMemberDto, body: elect },
            summary: `${personId} elected ${role} of the board for ${organisationId} from ${from}${to ? ` to ${to}` : ''}`,
          },
        ],
      };
    }
    const commands = [];
    if (body === 'advisory-board') {
      const appoint = { organisationId, representativePersonId: personId, occurredAt: from };
      commands.push(
        command(
          AppointAdvisoryBoardMemberCommand,
          'governance',
          streamId,
          { type: 'AppointAdvisoryBoardMember', allianceId, ...appoint },
          `${organisationId} on the Advisory Board from ${from}, represented by ${personId}`,
          { class: AppointAdvisoryBoardMemberDto, body: appoint },
        ),
      );
      if (to) {
        const leave = { organisationId, occurredAt: to };
        commands.push(
          command(
            LeaveAdvisoryBoardCommand,
            'governance',
            streamId,
            { type: 'LeaveAdvisoryBoard', allianceId, ...leave },
            `${organisationId} leaves the Advisory Board on ${to}`,
            { class: LeaveAdvisoryBoardDto, body: leave },
            'leave',
          ),
        );
      }
    } else {
      const start = { personId, role, occurredAt: from };
      commands.push(
        command(
          StartInSecretariatCommand,
          'governance',
          streamId,
          { type: 'StartInSecretariat', allianceId, ...start },
          `${personId} starts in the secretariat as ${role} on ${from}`,
          { class: StartInSecretariatDto, body: start },
        ),
      );
      if (to) {
        const leave = { personId, occurredAt: to };
        commands.push(
          command(
            LeaveSecretariatCommand,
            'governance',
            streamId,
            { type: 'LeaveSecretariat', allianceId, ...leave },
            `${personId} leaves the secretariat on ${to}`,
            { class: LeaveSecretariatDto, body: leave },
            'leave',
          ),
        );
      }
    }
    return { problems: [], commands };
  },
};

// ---------------------------------------------------------------------------------------------

/** The last day of a quarter (`2018-Q4` → 2018-12-31). */
export function quarterEnd(period: string): string {
  const [year, quarter] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}

const housingCounts: KindSpec = {
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

export const kindSpecs: Record<ImportKind, KindSpec> = {
  partners,
  initiatives,
  declarations,
  seats,
  'housing-counts': housingCounts,
};

/** A kind by its id or one of its sheet names (Danish or English). */
export function kindNamed(name: string): KindSpec | undefined {
  const key = folded(name).replace(/\.(csv|xlsx)$/, '');
  return Object.values(kindSpecs).find(
    (spec) => folded(spec.kind) === key || spec.sheetNames.some((n) => folded(n) === key),
  );
}

/**
 * A row that would record a second partner or initiative under a name already recorded with
 * another id: a conflict (the row is valid on its own, but the ledger has that name already).
 */
function nameTaken(
  r: RowReader,
  what: 'a partner' | 'an initiative',
  rule: string,
  name: string,
  id: string,
  existing: string | undefined,
): RowProblem[] {
  if (existing === undefined || existing === id) return [];
  const noun = what.replace(/^an? /, '');
  return [
    {
      column: r.header('name'),
      rule,
      message: `${what} named "${name}" is recorded already (${noun} id ${existing})`,
    },
  ];
}
