/**
 * The known history of Hjem til Alle as demo data, written as the commands the secretariat would
 * send through the API. Source: ../shared/domain/hjem-til-alle.md (the domain brief), which cites
 * the Danish documents 000-004 by short name; those short names are used here too.
 *
 * Read SEED_DESCRIPTION first: it says where every fact comes from, which dates are approximate
 * and which figures are illustrative. Persons appear only as opaque ids (`person-0001`); their
 * names are in `seedPersons` below, which is never written into an event.
 */
import { plussParameters, type Sector } from '@ledger/domain';
import { FoundAllianceCommand } from '../commands/alliance/alliance.commands';
import {
  ConcludeEvaluationRoundCommand,
  OpenEvaluationRoundCommand,
  ScoreEvaluationParametersCommand,
} from '../commands/evaluations/evaluation.commands';
import {
  AppointAdvisoryBoardMemberCommand,
  ElectBoardMemberCommand,
  HoldGeneralAssemblyCommand,
  LeaveSecretariatCommand,
  StartInSecretariatCommand,
} from '../commands/governance/governance.commands';
import { AwardGrantCommand, ExtendGrantCommand } from '../commands/grants/grant.commands';
import { ReportHomesCommand } from '../commands/housing/housing.commands';
import { RegisterOrganisationCommand } from '../commands/organisations/organisation.commands';
import { LaunchInitiativeCommand } from '../commands/initiatives/initiative.commands';
import {
  DraftPartnershipDeclarationCommand,
  JoinAllianceCommand,
  RenamePartnerCommand,
} from '../commands/partners/partner.commands';
import { RecordReferenceCountCommand } from '../commands/reference-counts/reference-count.commands';
import { step, type SeedStep } from './seed-step';

export const ALLIANCE_ID = 'hjem-til-alle';

export const SEED_DESCRIPTION = `
Hjem til Alle demo data (seed v1): the alliance's known history, recorded through the ledger's own
commands, so it is ordinary events, hash-chained and replayable. Every fact comes from the domain
brief ../shared/domain/hjem-til-alle.md, which cites the Danish sources by short name: 000 (press
item, 15 January 2026), 001 (evaluation report, 2018), 002 (magazine article), 003 ("Principles
for partnership", with the draft Odense declaration, undated, about 2018-2019) and 004 (Realdania
report on collective-impact initiatives, November 2022). Where the sources give no number, nothing
is recorded. Each step's command id is seed:v1:<step>, so loading twice records nothing new.

DATES. The sources rarely give a day. Conventions, all APPROXIMATE:
- a year only: 1 January of that year (founding 2016, the founders joining in 2016, the director
  and the secretariat grant from 2016, the 2018 staff, the Metropol rename, Odense joining and
  Kollegiemodellen launched in 2018, the 2013 count);
- a month only: the 1st of the month (the association and its general assembly, August 2017; the
  PLUSS round opened May 2018 and concluded December 2018 (recorded 31 December), its scores
  "autumn 2018" (recorded 1 October 2018); the September 2015 SFI study; the September 2022 count);
- "mid-December 2018": 15 December 2018 (Hjem til Dig's status in 001);
- a fact first seen in a later source without a date of its own: the date of that source, meaning
  "no later than" (004: 1 November 2022; 003's Odense draft: 1 January 2019, as 003 expects results
  in spring 2019).
Counts belong to the quarter of their date.

ALLIANCE. Founded 2016 (approximate day): goal 2300 homes in 2016-2026 (001 also says "by 2027"),
the five partnership principles (003) and the three strategic efforts (001).

PARTNERS (21). The 11 founding organisations of the 2016 steering group (001) join in 2016. The
steering group itself is not a body in the ledger (only board, Advisory Board and secretariat are),
so it is not recorded. Sectors, the closest of the six categories of 003:
- foundation: Bikubenfonden, Realdania, Helsefonden;
- social-housing: KAB, BL (the housing associations' national federation);
- civil-society: Ungdommens Røde Kors, Røde Kors, SAND (the national organisation of homeless
  people), Kofoeds Skole (a social institution helping vulnerable people, not a school in the
  knowledge-institution sense), Projekt Udenfor, Kirkens Korshær;
- authority: Københavns, Aarhus, Odense, Høje-Taastrup and Esbjerg Kommune (with their
  municipality), Socialstyrelsen (the national board of social services) and KL (the municipalities'
  national association: not an authority itself, but it speaks for the authorities that hold the
  responsibility; no municipality);
- knowledge-institution: Metropol (university college), renamed Københavns Professionshøjskole
  (recorded 1 January 2018, APPROXIMATE: 001, 2018, already uses the new name);
- private-housing: NREP (a private investor), and Falck. Falck is a private company (001 lists
  "one private company" separately) and no housing actor; of the six categories only
  private-housing is for private businesses, so it is the closest, not an exact fit.
Later partners: Aarhus Kommune, Røde Kors and Kofoeds Skole join on 1 August 2017 (APPROXIMATE:
they sit on the Advisory Board created with the association in August 2017; 001's list of it is
from 2018). Odense Kommune joins 1 January 2018 (APPROXIMATE: it runs Kollegiemodellen with
Bikubenfonden in 001, 2018, and 003 holds its draft declaration; whether it was the 15th partner
of 2018 is not given). BL, Høje-Taastrup Kommune, Projekt Udenfor, NREP, Kirkens Korshær and
Esbjerg Kommune are recorded on 1 November 2022: they are in 004's 2022 list and no source gives a
join year, so the date means "a partner no later than then". That gives 15 partners in 2018, the
number 001 gives (which 15 is not given: this set is an ASSUMPTION), and 21 in 2022 where 004
counts 20 but names 19: Socialstyrelsen and Falck are not among 004's 19, but no source says they
left, so no leaving is recorded. The 24 partners of 2026 (000) are not reached: the other names
are not given.
Odense Kommune's partnership declaration is recorded as a DRAFT only (003 holds only a draft):
the purpose is 003's draft text paraphrased, the contributions to the alliance are its three
items, the contribution to the goal is left empty (003 has only the placeholder "We do xx"), and
no principles are ticked (the draft does not list them). No signing is recorded (no date given).
No commitments are recorded: no source gives a filled-in one.

GOVERNANCE. The association's founding general assembly is recorded on 1 August 2017 (month from
001, day APPROXIMATE; members present not given). The 8 board members of 003/001 are recorded as
elected there, with no set term end (not given): chair (Villumfonden), vice-chair (Bikubenfonden),
and members from PensionDanmark, BL, KAB, Kofoeds Skole, Høje-Taastrup Kommune and Ungdommens
Røde Kors. ASSUMPTION: the sources show this board in 2018 (001) and about 2018-2019 (003); that it
was the board elected in August 2017 is not stated. No later election is recorded (none is given).
Villumfonden and PensionDanmark are represented on the board but are not recorded as partners:
they are registered as organisations (1 August 2017, the day of their seats; sectors: foundation,
and private housing actors and investors for the pension fund), so the seats name known ones;
BL and Høje-Taastrup Kommune sit on the board before their (no-later-than) partner date.
Advisory Board: its 14 organisations of 001 (2018) are recorded as appointed on 1 August 2017 (it
was created with the association; the list is from 2018). Representatives: the eight people 001
interviewed for Socialstyrelsen, Realdania, SAND, Københavns Kommune, KL, Helsefonden, Københavns
Professionshøjskole and Aarhus Kommune; for the other six the source names nobody, so their
person ids have no name in seedPersons. Whether the Advisory Board still exists after 2018 is not
given (004 does not mention it); nothing is recorded about its end.
Secretariat: director Vibe Klarup from 1 January 2016 (APPROXIMATE: the permanent secretariat
began in 2016; she is named director in 001/002/003); Ilja Sabaj-Kjær and Anne Bergvith Sørensen as
consultants from 1 January 2018 (APPROXIMATE: named in 001, 2018; they may have started earlier).
ILLUSTRATIVE: the change of director to Kira West is recorded on 1 November 2022, the date of 004,
the first source naming her director; the real date is not given. Anne Bergvith Sørensen's later
title (programme manager, 004) is not recorded: no date is given.

INITIATIVES (3; the others named in the sources have no target, which launching needs).
- Kollegiemodellen (Bo Sammen): launched 1 January 2018 (APPROXIMATE) in the pilot phase, lead
  Bikubenfonden with Københavns and Odense Kommune; target 100 homes (001, 2018).
- Hjem til Dig: recorded from 15 December 2018 in the pilot phase (the first date the sources
  give; its start is not), lead Røde Kors and Ungdommens Røde Kors, in København and Aarhus (from
  2019 also Roskilde, said in its description: an initiative's municipalities cannot be changed
  later). Target: 001 says 40-60 young people over three years; 60 young-people-reached is
  recorded, the upper end of that range.
- UKHome (Aarhus): recorded on 1 November 2022 (004) as operating, lead Aarhus Kommune, with
  Realdania (co-financer). ILLUSTRATIVE target: 12 homes; 004 gives no target, so the 12 places
  for homeless young people it reports are used as the target.

HOMES (5 reports, 32 in all; each report's source field says where its number comes from).
- Kollegiemodellen, 18 dorm places (001) in Bikubenfonden's dorms in København and Odense,
  reported as of 2018-Q4 (15 December 2018, the status date of 001; when they were created is not
  given). ILLUSTRATIVE SPLIT: 001 does not split the 18 between the two cities; they are recorded
  as 9 in København and 9 in Odense, so the total is the source's and the split is not. Recorded
  as permanent: a room of one's own rented in a dorm, not a time-limited stay (duration not
  given).
- Hjem til Dig, 2 young people with a host family on 15 December 2018: 1 in Aarhus and 1 in
  København (001), not permanent (a 3-6 month stay).
- UKHome, 12 homeless young people in a new shared housing community in Aarhus (004), reported as
  of 2022-Q4 (1 November 2022, the date of 004; the move-in date is not given); recorded as
  permanent (new housing; its duration is not given).

GRANT. Bikubenfonden to the secretariat: DKK 3 million a year (003) from 1 January 2016 (funder
"since the start", 000; day APPROXIMATE) to 31 December 2021 ("for now until 2021", 001/003).
ILLUSTRATIVE extension: 000 (2026) says Bikubenfonden committed itself for at least 10 years, so
the grant is extended to 31 December 2025 (ten years from 2016); the date of that decision is not
given and is recorded as 31 December 2021, and the yearly amount after 2021 is not given and is
recorded unchanged (DKK 3 million). Other funders (Realdania, Trygfonden, Tuborgfonden, OAK
Foundation, Helsefonden, Lauritzen Fonden) are not recorded: no amounts are given.

EVALUATION. The PLUSS round of 2018 (Pluss Leadership, commissioned by Bikubenfonden): opened May
2018, the 8 parameters scored by the board and the Advisory Board (state / wished priority from
001's appendix, all 16 as given), concluded December 2018 (dates APPROXIMATE, as above).

REFERENCE COUNTS (national counts of homeless young people, kept apart from homes). 2013: +56 %
"in a few years" (004; day and comparison count APPROXIMATE/not given); 2015: +76 % from 2009
(001/004), dated September 2015 after the SFI study; September 2022: -18 % (004). All for ages
18-29 (the ages the national counts use; 001 does not repeat the ages for the 2015 figure). No
absolute numbers are given, so none are recorded; the baseline 2300 is the goal, not a count
with a year.

PERSONS. Events carry person ids only. The names are in seedPersons in
apps/api/src/seed/hjem-til-alle.seed.ts, for the erasable person register; they are never part
of an event. Contact details in the sources (000) are not imported.
`.trim();

/**
 * Names behind the person ids, for the erasable person register a later issue builds. Never
 * written into an event. `null`: the source names nobody for that seat.
 */
export const seedPersons: Readonly<Record<string, string | null>> = {
  // Board (003; spellings of 001)
  'person-0001': 'Agi Csonka', // chair; "Agi Czonka" in 003
  'person-0002': 'Søren Kaare Andersen', // vice-chair
  'person-0003': 'Mia Manghezi',
  'person-0004': 'Bent Madsen',
  'person-0005': 'Jens Elmelund',
  'person-0006': 'Robert Olsen',
  'person-0007': 'Charlotte Markussen',
  'person-0008': 'Anders Folmer Buhelt',
  // Secretariat (001, 003, 004, 000)
  'person-0009': 'Vibe Klarup',
  'person-0010': 'Ilja Sabaj-Kjær',
  'person-0011': 'Anne Bergvith Sørensen', // "Anne Bergvith-Søren" in 003
  'person-0012': 'Kira West',
  // Advisory Board representatives interviewed in 2018 (001, appendix 1)
  'person-0013': 'Birgitte Anker',
  'person-0014': 'Mette-Margrethe Elf',
  'person-0015': 'Ask Svejstrup',
  'person-0016': 'Mikkel Boje',
  'person-0017': 'Niels Arendt Nielsen',
  'person-0018': 'Hanne Jervild',
  'person-0019': 'Stefan Herman',
  'person-0020': 'Erik Kaastrup-Hansen',
  // Advisory Board representatives the sources do not name
  'person-0021': null,
  'person-0022': null,
  'person-0023': null,
  'person-0024': null,
  'person-0025': null,
  'person-0026': null,
};

// ---------------------------------------------------------------------------------------------
// Dates (see SEED_DESCRIPTION, DATES)
// ---------------------------------------------------------------------------------------------

/** 2016, the alliance's start (001, 003): day approximate. */
const START_2016 = '2016-01-01';
/** August 2017, the association (001): day approximate. */
const ASSOCIATION_2017 = '2017-08-01';
/** 2018, as in the 2018 evaluation (001): day approximate. */
const YEAR_2018 = '2018-01-01';
/** Mid-December 2018: the status date of 001. */
const STATUS_2018 = '2018-12-15';
/** 003 is undated; it expects results in spring 2019. */
const DRAFT_003 = '2019-01-01';
/** 004, November 2022: "no later than". */
const REPORT_004 = '2022-11-01';

// ---------------------------------------------------------------------------------------------
// Partners
// ---------------------------------------------------------------------------------------------

interface SeedPartner {
  partnerId: string;
  name: string;
  sector: Sector;
  municipality?: string;
  joinedOn: string;
}

const partner = (
  partnerId: string,
  name: string,
  sector: Sector,
  joinedOn: string,
  municipality?: string,
): SeedPartner => ({ partnerId, name, sector, joinedOn, municipality });

/** The 11 founding organisations of 2016, the steering group (001), in 001's order. */
export const foundingPartners: readonly SeedPartner[] = [
  partner('bikubenfonden', 'Bikubenfonden', 'foundation', START_2016),
  partner('realdania', 'Realdania', 'foundation', START_2016),
  partner('helsefonden', 'Helsefonden', 'foundation', START_2016),
  partner('kab', 'KAB', 'social-housing', START_2016),
  partner('ungdommens-roede-kors', 'Ungdommens Røde Kors', 'civil-society', START_2016),
  partner('sand', 'SAND – De Hjemløses Landsorganisation', 'civil-society', START_2016),
  partner('koebenhavns-kommune', 'Københavns Kommune', 'authority', START_2016, 'København'),
  partner('kl', 'KL (Kommunernes Landsforening)', 'authority', START_2016),
  partner('metropol', 'Metropol', 'knowledge-institution', START_2016),
  partner('socialstyrelsen', 'Socialstyrelsen', 'authority', START_2016),
  // A private company, no housing actor: private-housing is the closest category (see above).
  partner('falck', 'Falck', 'private-housing', START_2016),
];

/** Partners after the founding, with the date argued in SEED_DESCRIPTION (PARTNERS). */
export const laterPartners: readonly SeedPartner[] = [
  partner('aarhus-kommune', 'Aarhus Kommune', 'authority', ASSOCIATION_2017, 'Aarhus'),
  partner('roede-kors', 'Røde Kors', 'civil-society', ASSOCIATION_2017),
  partner('kofoeds-skole', 'Kofoeds Skole', 'civil-society', ASSOCIATION_2017),
  partner('odense-kommune', 'Odense Kommune', 'authority', YEAR_2018, 'Odense'),
  partner('bl', 'BL – Boligorganisationernes Landsforening', 'social-housing', REPORT_004),
  partner(
    'hoeje-taastrup-kommune',
    'Høje-Taastrup Kommune',
    'authority',
    REPORT_004,
    'Høje-Taastrup',
  ),
  partner('projekt-udenfor', 'Projekt Udenfor', 'civil-society', REPORT_004),
  partner('nrep', 'NREP', 'private-housing', REPORT_004),
  partner('kirkens-korshaer', 'Kirkens Korshær', 'civil-society', REPORT_004),
  partner('esbjerg-kommune', 'Esbjerg Kommune', 'authority', REPORT_004, 'Esbjerg'),
];

// ---------------------------------------------------------------------------------------------
// Governance
// ---------------------------------------------------------------------------------------------

const FOUNDING_ASSEMBLY = 'general-assembly-2017-08';

/** Organisations on the board that are not partners (see GOVERNANCE). */
const organisations: SeedStep[] = [
  step('organisation:villumfonden', RegisterOrganisationCommand, {
    type: 'RegisterOrganisation',
    organisationId: 'villumfonden',
    name: 'Villumfonden',
    sector: 'foundation',
    occurredAt: ASSOCIATION_2017,
  }),
  step('organisation:pensiondanmark', RegisterOrganisationCommand, {
    type: 'RegisterOrganisation',
    organisationId: 'pensiondanmark',
    name: 'PensionDanmark',
    sector: 'private-housing',
    occurredAt: ASSOCIATION_2017,
  }),
];

/** The board of 003/001, assumed elected at the founding assembly (see GOVERNANCE). */
export const board = [
  { personId: 'person-0001', organisationId: 'villumfonden', role: 'chair' },
  { personId: 'person-0002', organisationId: 'bikubenfonden', role: 'vice-chair' },
  { personId: 'person-0003', organisationId: 'pensiondanmark', role: 'member' },
  { personId: 'person-0004', organisationId: 'bl', role: 'member' },
  { personId: 'person-0005', organisationId: 'kab', role: 'member' },
  { personId: 'person-0006', organisationId: 'kofoeds-skole', role: 'member' },
  { personId: 'person-0007', organisationId: 'hoeje-taastrup-kommune', role: 'member' },
  { personId: 'person-0008', organisationId: 'ungdommens-roede-kors', role: 'member' },
] as const;

/** The Advisory Board's 14 organisations (001, 2018) and who represents each. */
export const advisoryBoard = [
  { organisationId: 'socialstyrelsen', representativePersonId: 'person-0013' },
  { organisationId: 'realdania', representativePersonId: 'person-0014' },
  { organisationId: 'sand', representativePersonId: 'person-0015' },
  { organisationId: 'koebenhavns-kommune', representativePersonId: 'person-0016' },
  { organisationId: 'kl', representativePersonId: 'person-0017' },
  { organisationId: 'helsefonden', representativePersonId: 'person-0018' },
  { organisationId: 'metropol', representativePersonId: 'person-0019' },
  { organisationId: 'aarhus-kommune', representativePersonId: 'person-0020' },
  { organisationId: 'ungdommens-roede-kors', representativePersonId: 'person-0021' },
  { organisationId: 'roede-kors', representativePersonId: 'person-0022' },
  { organisationId: 'kab', representativePersonId: 'person-0023' },
  { organisationId: 'falck', representativePersonId: 'person-0024' },
  { organisationId: 'bikubenfonden', representativePersonId: 'person-0025' },
  { organisationId: 'kofoeds-skole', representativePersonId: 'person-0026' },
] as const;

// ---------------------------------------------------------------------------------------------
// The PLUSS round of 2018 (001, appendix): [present state, wished priority] per body
// ---------------------------------------------------------------------------------------------

export const plussScores2018: Record<
  (typeof plussParameters)[number],
  { board: [number, number]; advisoryBoard: [number, number] }
> = {
  'common-understanding': { board: [5, 2], advisoryBoard: [5, 2] },
  'readiness-to-invest-resources': { board: [4, 3], advisoryBoard: [2, 3] },
  'readiness-to-share-knowledge': { board: [4, 2], advisoryBoard: [4, 2] },
  'whole-alliance-thinking': { board: [3, 3], advisoryBoard: [2, 3] },
  ambassadorship: { board: [3, 3], advisoryBoard: [3, 3] },
  'strategy-development': { board: [5, 2], advisoryBoard: [4, 2] },
  'developing-new-solutions': { board: [3, 5], advisoryBoard: [2, 5] },
  'testing-new-solutions': { board: [2, 5], advisoryBoard: [2, 5] },
};

// ---------------------------------------------------------------------------------------------
// The steps, in the order they are recorded
// ---------------------------------------------------------------------------------------------

const alliance: SeedStep[] = [
  step('alliance:hjem-til-alle', FoundAllianceCommand, {
    type: 'FoundAlliance',
    allianceId: ALLIANCE_ID,
    name: 'Hjem til Alle',
    goal: { homes: 2300, fromYear: 2016, toYear: 2026 },
    principles: [
      'youth-involvement',
      'housing-first',
      'long-term-solutions',
      'cross-sector-work',
      'data-driven-work',
    ],
    strategicEfforts: ['more-affordable-homes', 'better-social-support', 'prevention'],
    occurredAt: START_2016,
  }),
];

const partners: SeedStep[] = [
  ...[...foundingPartners, ...laterPartners].map((p) =>
    step(`partner:${p.partnerId}`, JoinAllianceCommand, {
      type: 'JoinAlliance',
      partnerId: p.partnerId,
      name: p.name,
      sector: p.sector,
      municipality: p.municipality ?? null,
      occurredAt: p.joinedOn,
    }),
  ),
  step('partner:metropol:rename', RenamePartnerCommand, {
    type: 'RenamePartner',
    partnerId: 'metropol',
    name: 'Københavns Professionshøjskole',
    occurredAt: YEAR_2018,
  }),
  step('partner:odense-kommune:declaration', DraftPartnershipDeclarationCommand, {
    type: 'DraftPartnershipDeclaration',
    partnerId: 'odense-kommune',
    declarationId: 'odense-kommune-declaration-1',
    // 003's draft, paraphrased.
    purpose:
      'We want to stop homelessness among young people: everyone needs a home. We want to help ' +
      'develop, test and spread solutions that can create homes for the 2300 homeless young people.',
    // 003 has only the placeholder "We do xx": nothing to record.
    contributionsToGoal: [],
    contributionsToAlliance: [
      "Make the organisation's knowledge available to the other partners where possible",
      "Take part in the alliance's work processes with expertise and resources",
      'Act as ambassadors for the goal of stopping homelessness among young people',
    ],
    occurredAt: DRAFT_003,
  }),
];

const governance: SeedStep[] = [
  step('governance:general-assembly:2017-08', HoldGeneralAssemblyCommand, {
    type: 'HoldGeneralAssembly',
    allianceId: ALLIANCE_ID,
    assemblyId: FOUNDING_ASSEMBLY,
    occurredAt: ASSOCIATION_2017,
  }),
  ...board.map((seat) =>
    step(`governance:board:${seat.personId}:2017-08`, ElectBoardMemberCommand, {
      type: 'ElectBoardMember',
      allianceId: ALLIANCE_ID,
      assemblyId: FOUNDING_ASSEMBLY,
      personId: seat.personId,
      organisationId: seat.organisationId,
      role: seat.role,
    }),
  ),
  ...advisoryBoard.map((seat) =>
    step(
      `governance:advisory-board:${seat.organisationId}:2017-08`,
      AppointAdvisoryBoardMemberCommand,
      {
        type: 'AppointAdvisoryBoardMember',
        allianceId: ALLIANCE_ID,
        organisationId: seat.organisationId,
        representativePersonId: seat.representativePersonId,
        occurredAt: ASSOCIATION_2017,
      },
    ),
  ),
  step('governance:secretariat:person-0009:start', StartInSecretariatCommand, {
    type: 'StartInSecretariat',
    allianceId: ALLIANCE_ID,
    personId: 'person-0009',
    role: 'director',
    occurredAt: START_2016,
  }),
  step('governance:secretariat:person-0010:start', StartInSecretariatCommand, {
    type: 'StartInSecretariat',
    allianceId: ALLIANCE_ID,
    personId: 'person-0010',
    role: 'consultant',
    occurredAt: YEAR_2018,
  }),
  step('governance:secretariat:person-0011:start', StartInSecretariatCommand, {
    type: 'StartInSecretariat',
    allianceId: ALLIANCE_ID,
    personId: 'person-0011',
    role: 'consultant',
    occurredAt: YEAR_2018,
  }),
  // ILLUSTRATIVE date: the change of director is not dated in the sources.
  step('governance:secretariat:person-0009:leave', LeaveSecretariatCommand, {
    type: 'LeaveSecretariat',
    allianceId: ALLIANCE_ID,
    personId: 'person-0009',
    reason:
      'Succeeded as director by person-0012. Illustrative date: the sources do not date the ' +
      'change; this is the date of the first source naming the successor director (004, ' +
      'November 2022).',
    occurredAt: REPORT_004,
  }),
  step('governance:secretariat:person-0012:start', StartInSecretariatCommand, {
    type: 'StartInSecretariat',
    allianceId: ALLIANCE_ID,
    personId: 'person-0012',
    role: 'director',
    occurredAt: REPORT_004,
  }),
];

const initiatives: SeedStep[] = [
  step('initiative:kollegiemodellen', LaunchInitiativeCommand, {
    type: 'LaunchInitiative',
    initiativeId: 'kollegiemodellen',
    name: 'Kollegiemodellen (Bo Sammen)',
    description:
      'Private halls of residence reserve 10-20 % of their rooms for homeless young people who ' +
      'study or want to: a home and an everyday community. The municipality recommends young ' +
      'people and gives them the support they need; the dorm helps them settle and is lenient on ' +
      'study requirements; the caretaker is support person and mediator. Bikubenfonden, with ' +
      'Københavns and Odense Kommune, set up places in its dorms in both cities; combined with ' +
      'the 24/7 support model as a test. Lauritzen Fonden made a similar agreement with Herlev ' +
      'Kommune (places not given). Target: 100 homes (001, 2018). Launch date approximate.',
    leadPartnerIds: ['bikubenfonden'],
    participatingPartnerIds: ['koebenhavns-kommune', 'odense-kommune'],
    municipalities: ['København', 'Odense'],
    target: { quantity: 100, unit: 'homes' },
    phase: 'pilot',
    occurredAt: YEAR_2018,
  }),
  step('initiative:hjem-til-dig', LaunchInitiativeCommand, {
    type: 'LaunchInitiative',
    initiativeId: 'hjem-til-dig',
    name: 'Hjem til Dig',
    description:
      'Volunteer private families or single persons host a homeless young person aged 18-29 for ' +
      '3-6 months. Røde Kors prepares and coaches hosts and matches young person and host; ' +
      'Ungdommens Røde Kors offers a volunteer mentor and a youth community. Funded by ' +
      'Bikubenfonden and OAK Foundation Denmark. A 3-year test in København and Aarhus, from 2019 ' +
      'also Roskilde. Target: 40-60 young people over three years (001); 60, the upper end, is ' +
      'recorded. Recorded from its status of mid-December 2018 (pilot phase); its start is not ' +
      'given.',
    leadPartnerIds: ['roede-kors', 'ungdommens-roede-kors'],
    municipalities: ['København', 'Aarhus'],
    target: { quantity: 60, unit: 'young-people-reached' },
    phase: 'pilot',
    occurredAt: STATUS_2018,
  }),
  step('initiative:ukhome', LaunchInitiativeCommand, {
    type: 'LaunchInitiative',
    initiativeId: 'ukhome',
    name: 'UKHome (Aarhus)',
    description:
      'A new shared housing community in Aarhus where 12 students and 12 homeless young people ' +
      'moved in side by side; Aarhus Kommune as partner, co-financed by Realdania (004, 2022). ' +
      'Illustrative target: 004 gives none, so its 12 places for homeless young people are used. ' +
      'Recorded at the date of 004 (November 2022); its start is not given.',
    leadPartnerIds: ['aarhus-kommune'],
    participatingPartnerIds: ['realdania'],
    municipalities: ['Aarhus'],
    target: { quantity: 12, unit: 'homes' },
    phase: 'operating',
    occurredAt: REPORT_004,
  }),
];

const homes: SeedStep[] = [
  ...(['København', 'Odense'] as const).map((municipality) =>
    step(
      `housing:kollegiemodellen-2018-${municipality === 'København' ? 'koebenhavn' : 'odense'}`,
      ReportHomesCommand,
      {
        type: 'ReportHomes',
        reportId: `kollegiemodellen-2018-${municipality === 'København' ? 'koebenhavn' : 'odense'}`,
        count: 9,
        period: '2018-Q4',
        municipality,
        initiativeId: 'kollegiemodellen',
        partnerId: 'bikubenfonden',
        source:
          "001 (2018 evaluation): 18 places in Bikubenfonden's dorms in København and Odense. " +
          'The split between the two cities is not given: 9 + 9 is illustrative, the total is ' +
          "the source's.",
        housingType: 'dorm-room',
        permanent: true,
        occurredAt: STATUS_2018,
      },
    ),
  ),
  ...(['Aarhus', 'København'] as const).map((municipality) =>
    step(
      `housing:hjem-til-dig-2018-12-${municipality === 'København' ? 'koebenhavn' : 'aarhus'}`,
      ReportHomesCommand,
      {
        type: 'ReportHomes',
        reportId: `hjem-til-dig-2018-12-${municipality === 'København' ? 'koebenhavn' : 'aarhus'}`,
        count: 1,
        period: '2018-Q4',
        municipality,
        initiativeId: 'hjem-til-dig',
        partnerId: 'roede-kors',
        source:
          '001 (2018 evaluation), status mid-December 2018: 1 young person in Aarhus and 1 in ' +
          'Copenhagen living with a private host family (a 3-6 month stay).',
        housingType: 'host-family',
        permanent: false,
        occurredAt: STATUS_2018,
      },
    ),
  ),
  step('housing:ukhome-2022-aarhus', ReportHomesCommand, {
    type: 'ReportHomes',
    reportId: 'ukhome-2022-aarhus',
    count: 12,
    period: '2022-Q4',
    municipality: 'Aarhus',
    initiativeId: 'ukhome',
    partnerId: 'aarhus-kommune',
    source:
      '004 (Realdania, November 2022): 12 homeless young people moved into the new UKHome ' +
      'shared housing community in Aarhus, beside 12 students. Move-in date not given.',
    housingType: 'shared-housing',
    permanent: true,
    occurredAt: REPORT_004,
  }),
];

const grants: SeedStep[] = [
  step('grant:bikubenfonden-secretariat', AwardGrantCommand, {
    type: 'AwardGrant',
    grantId: 'bikubenfonden-secretariat',
    funderOrganisationId: 'bikubenfonden',
    recipient: 'secretariat',
    amountDkkPerYear: 3_000_000,
    period: { startsOn: START_2016, endsOn: '2021-12-31' },
    occurredAt: START_2016,
  }),
  // ILLUSTRATIVE: the decision's date and the amount after 2021 are not given (000 says only
  // "at least 10 years").
  step('grant:bikubenfonden-secretariat:extend', ExtendGrantCommand, {
    type: 'ExtendGrant',
    grantId: 'bikubenfonden-secretariat',
    endsOn: '2025-12-31',
    occurredAt: '2021-12-31',
  }),
];

const evaluation: SeedStep[] = [
  step('evaluation:pluss-2018', OpenEvaluationRoundCommand, {
    type: 'OpenEvaluationRound',
    roundId: 'pluss-2018',
    name: 'State of the alliance 2018',
    evaluator: 'Pluss Leadership (PLUSS), commissioned by Bikubenfonden',
    parameters: [...plussParameters],
    bodies: ['board', 'advisory-board'],
    occurredAt: '2018-05-01',
  }),
  ...(['board', 'advisory-board'] as const).map((body) =>
    step(`evaluation:pluss-2018:scores:${body}`, ScoreEvaluationParametersCommand, {
      type: 'ScoreEvaluationParameters',
      roundId: 'pluss-2018',
      scores: plussParameters.map((parameter) => {
        const [presentState, wishedPriority] =
          plussScores2018[parameter][body === 'board' ? 'board' : 'advisoryBoard'];
        return { body, parameter, presentState, wishedPriority };
      }),
      occurredAt: '2018-10-01',
    }),
  ),
  step('evaluation:pluss-2018:conclude', ConcludeEvaluationRoundCommand, {
    type: 'ConcludeEvaluationRound',
    roundId: 'pluss-2018',
    summary:
      'Fieldwork May-December 2018, 15 qualitative interviews (7 board, 8 Advisory Board). The six ' +
      'parameters became eight during analysis. Recommendations: decide whether to revitalise or ' +
      'drop the Advisory Board; move lead roles and working groups from the secretariat to the ' +
      'board; find models for new partners to join; report started initiatives simply; consider ' +
      'a small development fund; repeat the evaluation every 1-2 years.',
    occurredAt: '2018-12-31',
  }),
];

const referenceCounts: SeedStep[] = [
  step('reference-count:2013', RecordReferenceCountCommand, {
    type: 'RecordReferenceCount',
    allianceId: ALLIANCE_ID,
    countId: 'national-count-2013',
    source: '004 (Realdania, November 2022), quoting the 2013 national homelessness count',
    occurredAt: '2013-01-01',
    ageFrom: 18,
    ageTo: 29,
    changePercent: 56,
    comparedWith: 'a count a few years earlier (not named in 004)',
  }),
  step('reference-count:2015', RecordReferenceCountCommand, {
    type: 'RecordReferenceCount',
    allianceId: ALLIANCE_ID,
    countId: 'sfi-2015',
    source: 'SFI (now VIVE), homelessness study of September 2015, as quoted in 001 and 004',
    occurredAt: '2015-09-01',
    ageFrom: 18,
    ageTo: 29,
    changePercent: 76,
    comparedWith: 'the 2009 national count',
  }),
  step('reference-count:2022', RecordReferenceCountCommand, {
    type: 'RecordReferenceCount',
    allianceId: ALLIANCE_ID,
    countId: 'vive-2022',
    source: 'VIVE national homelessness count, September 2022, as quoted in 004',
    occurredAt: '2022-09-01',
    ageFrom: 18,
    ageTo: 29,
    changePercent: -18,
    comparedWith: 'the previous national count (not named in 004)',
  }),
];

/** Every step, in order: what a fresh ledger records when the seed is loaded. */
export const hjemTilAlleSeed: readonly SeedStep[] = [
  ...alliance,
  ...partners,
  ...organisations,
  ...governance,
  ...initiatives,
  ...homes,
  ...grants,
  ...evaluation,
  ...referenceCounts,
];
