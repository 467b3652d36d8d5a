/**
 * The alliance's own words (the partnership principles, 003, and the 2018 evaluation, 001).
 * Identifiers are English kebab-case for code and URLs; the Danish labels are what the
 * secretariat and partners read.
 */

/** The six sector categories partners come from. */
export const sectors = [
  'authority',
  'social-housing',
  'private-housing',
  'civil-society',
  'foundation',
  'knowledge-institution',
] as const;
export type Sector = (typeof sectors)[number];
export const sectorLabels: Record<Sector, string> = {
  authority: 'Myndigheder',
  'social-housing': 'Den almene boligsektor',
  'private-housing': 'Private boligaktører og investorer',
  'civil-society': 'Civilsamfundsorganisationer',
  foundation: 'Fonde',
  'knowledge-institution': 'Organisationer inden for forskning, vidensformidling og undervisning',
};

/** The five partnership commitments every partner's declaration must hold. */
export const partnershipCommitments = [
  'youth-involvement',
  'housing-first',
  'long-term-solutions',
  'cross-sector-work',
  'data-driven-work',
] as const;
export type PartnershipCommitment = (typeof partnershipCommitments)[number];
export const partnershipCommitmentLabels: Record<PartnershipCommitment, string> = {
  'youth-involvement': 'Inddragelse af unge',
  'housing-first': 'Housing First',
  'long-term-solutions': 'Langsigtede løsninger',
  'cross-sector-work': 'Tværsektorielt samarbejde',
  'data-driven-work': 'Datadrevet arbejde',
};

/** The three strategic efforts. */
export const strategicEfforts = [
  'more-affordable-homes',
  'better-social-support',
  'prevention',
] as const;
export type StrategicEffort = (typeof strategicEfforts)[number];
export const strategicEffortLabels: Record<StrategicEffort, string> = {
  'more-affordable-homes': 'Flere billige boliger',
  'better-social-support': 'Bedre social støtte',
  prevention: 'Forebyggelse',
};

/** The association's bodies. */
export const bodies = ['board', 'advisory-board', 'secretariat'] as const;
export type Body = (typeof bodies)[number];
export const bodyLabels: Record<Body, string> = {
  board: 'Bestyrelse',
  'advisory-board': 'Advisory Board',
  secretariat: 'Sekretariat',
};

export const boardRoles = ['chair', 'vice-chair', 'member'] as const;
export type BoardRole = (typeof boardRoles)[number];
export const boardRoleLabels: Record<BoardRole, string> = {
  chair: 'Formand',
  'vice-chair': 'Næstformand',
  member: 'Bestyrelsesmedlem',
};

export const secretariatRoles = ['director', 'programme-manager', 'consultant', 'staff'] as const;
export type SecretariatRole = (typeof secretariatRoles)[number];
export const secretariatRoleLabels: Record<SecretariatRole, string> = {
  director: 'Direktør',
  'programme-manager': 'Programchef',
  consultant: 'Konsulent',
  staff: 'Medarbejder',
};

/** Phases in their order; an initiative moves forward through them and may skip some. */
export const initiativePhases = ['idea', 'pilot', 'scaling', 'operating', 'concluded'] as const;
export type InitiativePhase = (typeof initiativePhases)[number];
export const initiativePhaseLabels: Record<InitiativePhase, string> = {
  idea: 'Idé',
  pilot: 'Pilot',
  scaling: 'Opskalering',
  operating: 'Drift',
  concluded: 'Afsluttet',
};

/** What an initiative's target counts: homes created, or young people reached (Hjem til Dig). */
export const initiativeTargetUnits = ['homes', 'young-people-reached'] as const;
export type InitiativeTargetUnit = (typeof initiativeTargetUnits)[number];
export const initiativeTargetUnitLabels: Record<InitiativeTargetUnit, string> = {
  homes: 'Hjem',
  'young-people-reached': 'Unge nået',
};

/**
 * Kinds of home in the alliance's simple count. They differ in kind and duration (a 3-6 month
 * host-family stay is not a permanent home), which is why a report also says `permanent`.
 */
export const housingTypes = ['dorm-room', 'host-family', 'housing', 'shared-housing'] as const;
export type HousingType = (typeof housingTypes)[number];
export const housingTypeLabels: Record<HousingType, string> = {
  'dorm-room': 'Kollegieværelse',
  'host-family': 'Værtsfamilie',
  housing: 'Bolig',
  'shared-housing': 'Bofællesskab',
};

/**
 * The PLUSS model's eight parameters (2018). The first round used six; two were split during
 * analysis, so a round names the parameters it scores rather than assuming this list.
 */
export const plussParameters = [
  'common-understanding',
  'readiness-to-invest-resources',
  'readiness-to-share-knowledge',
  'whole-alliance-thinking',
  'ambassadorship',
  'strategy-development',
  'developing-new-solutions',
  'testing-new-solutions',
] as const;
export type PlussParameter = (typeof plussParameters)[number];
export const plussParameterLabels: Record<PlussParameter, string> = {
  'common-understanding': 'Fælles forståelse af problem, mål og mulige løsninger',
  'readiness-to-invest-resources': 'Parathed til at investere ressourcer i fællesskabet',
  'readiness-to-share-knowledge': 'Parathed til at dele viden i fællesskabet',
  'whole-alliance-thinking': 'Fra enhedstænkning til helhedstænkning',
  ambassadorship: 'Ambassadør for alliancen',
  'strategy-development': 'Udvikling af strategi',
  'developing-new-solutions': 'Udvikling af nye løsninger',
  'testing-new-solutions': 'Afprøvning af nye løsninger',
};
