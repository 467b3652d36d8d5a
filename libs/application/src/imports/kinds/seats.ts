import {
  boardRoleLabels,
  boardRoles,
  bodies,
  bodyLabels,
  secretariatRoleLabels,
  secretariatRoles,
  streamIdForGovernance,
  type GovernanceState,
} from '@ledger/domain';
import { ID_PATTERN } from '../../commands/dto-fields';
import {
  AppointAdvisoryBoardMemberCommand,
  ElectBoardMemberCommand,
  HoldGeneralAssemblyCommand,
  LeaveAdvisoryBoardCommand,
  LeaveSecretariatCommand,
  StartInSecretariatCommand,
} from '../../commands/governance/governance.commands';
import {
  AppointAdvisoryBoardMemberDto,
  ElectBoardMemberDto,
  HoldGeneralAssemblyDto,
  LeaveAdvisoryBoardDto,
  LeaveSecretariatDto,
  StartInSecretariatDto,
} from '../../commands/governance/governance.dto';
import { asDay, oneOf, slugOf } from '../cell-values';
import type { KindSpec, PlanContext, PlannedCommand, PlannedRow } from '../import-plan';
import { column, command, RowReader } from './row-reader';

/** The general assembly recorded on a day, if any. */
function assemblyOn(state: unknown, day: string): string | undefined {
  const assemblies = (state as GovernanceState).assemblies ?? {};
  return Object.values(assemblies).find((a) => a.heldOn === day)?.assemblyId;
}

/** The id a general assembly held for an import gets: one per day. */
export function assemblyIdFor(day: string): string {
  return `general-assembly-${day}`;
}

export const seats: KindSpec = {
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
    const cells = readSeatCells(r);
    const personId = await registeredPerson(r, context, cells.personRef);
    const organisationId = await organisationOf(r, context, cells);
    const { body, from, to, role } = cells;
    if (r.problems.length || !personId || !body || !from)
      return { problems: r.problems, commands: [] };
    const allianceId = context.allianceId;
    const streamId = streamIdForGovernance(allianceId);
    const seat: Seat = { allianceId, streamId, personId, organisationId, role, from, to };
    if (body === 'board') return { problems: [], commands: boardElection(seat) };
    if (body === 'advisory-board') return { problems: [], commands: advisoryBoardSeat(seat) };
    return { problems: [], commands: secretariatPost(seat) };
  },
};

type Body = (typeof bodies)[number];

/** A seat row's cells as read, each undefined when missing or wrong (its problem is noted). */
interface SeatCells {
  personRef?: string;
  body?: Body;
  from?: string;
  to?: string;
  organisationRef?: string;
  role?: string;
}

/** Reads a seat row's cells and the rules between them (who needs an organisation, term order). */
function readSeatCells(r: RowReader): SeatCells {
  const personRef = r.text('person', true);
  const body = r.read(
    'body',
    (v) =>
      oneOf<Body>(v, bodies, bodyLabels, {
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
  const role = roleOn(r, body);
  if (body && body !== 'secretariat' && !organisationRef)
    r.problem('organisation', 'required', `is required for the ${bodyLabels[body]}`);
  if (body === 'secretariat' && organisationRef)
    r.problem('organisation', 'not-for-the-secretariat', 'must be empty for the secretariat');
  if (from && to && to <= from) r.problem('to', 'term-ends-after-it-starts', 'must be after from');
  return { personRef, body, from, to, organisationRef, role };
}

/**
 * The role held on the body: required on the board and in the secretariat; on the Advisory
 * Board only "member" is read (and none is recorded).
 */
function roleOn(r: RowReader, body: Body | undefined): string | undefined {
  let role: string | undefined;
  if (body === 'board') {
    role = r.read(
      'role',
      (v) => oneOf(v, boardRoles, boardRoleLabels, { medlem: 'member', næstformand: 'vice-chair' }),
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
  return role;
}

/** The person's id from the person register: a name never reaches a command. */
async function registeredPerson(
  r: RowReader,
  context: PlanContext,
  personRef: string | undefined,
): Promise<string | undefined> {
  let personId: string | undefined;
  if (personRef !== undefined) {
    const person = await context.resolver.person(personRef);
    if ('personId' in person) personId = person.personId;
    else r.problem('person', person.rule, person.problem);
  }
  return personId;
}

/**
 * The organisation a board or Advisory Board seat represents: a partner by id or name, else
 * another organisation by its id or the slug of its name, as the seed records it.
 */
async function organisationOf(
  r: RowReader,
  context: PlanContext,
  { organisationRef, body }: SeatCells,
): Promise<string | undefined> {
  let organisationId: string | undefined;
  if (organisationRef !== undefined && body !== 'secretariat') {
    organisationId =
      (await context.resolver.partner(organisationRef)) ??
      (ID_PATTERN.test(organisationRef) ? organisationRef : slugOf(organisationRef));
    if (!organisationId)
      r.problem('organisation', 'id-format', 'gives no id (no letters or digits)');
  }
  return organisationId;
}

/** A seat that passed every check, ready to become governance commands. */
interface Seat {
  allianceId: string;
  streamId: string;
  personId: string;
  organisationId: string | undefined;
  role: string | undefined;
  from: string;
  to: string | undefined;
}

/**
 * Elected to the board at the general assembly of the `from` day; that assembly is recorded
 * first when it is not (once per day, shared by the day's later rows).
 */
function boardElection({
  allianceId,
  streamId,
  personId,
  organisationId,
  role,
  from,
  to,
}: Seat): PlannedCommand[] {
  const newAssembly = assemblyIdFor(from);
  const term = { startsOn: from, endsOn: to ?? null };
  const elect = { assemblyId: newAssembly, personId, organisationId, role, term };
  return [
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
  ];
}

/** On the Advisory Board from `from`, for the organisation; leaving on `to` when given. */
function advisoryBoardSeat({ allianceId, streamId, personId, organisationId, from, to }: Seat) {
  const commands = [];
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
  return commands;
}

/** In the secretariat from `from` in the role; leaving on `to` when given. */
function secretariatPost({ allianceId, streamId, personId, role, from, to }: Seat) {
  const commands = [];
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
  return commands;
}
