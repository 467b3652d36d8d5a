/**
 * Every rule the domain enforces, by the name errors carry. `kind` tells the edge how to answer:
 * a broken business rule (`DomainRuleViolation`, 422) or a malformed value (`InvalidCommand`,
 * 400). One list, so the API documentation and the error names cannot drift apart.
 */
export const domainRules = [
  // Values
  { rule: 'required', kind: 'value', description: 'A required value is missing or blank.' },
  {
    rule: 'id-format',
    kind: 'value',
    description: "An id is 1-100 letters, digits, '-', '_', '.' or ':'.",
  },
  {
    rule: 'iso-date',
    kind: 'value',
    description:
      'A date is a real calendar date as YYYY-MM-DD (or an ISO date-time where an instant is allowed).',
  },
  {
    rule: 'known-value',
    kind: 'value',
    description:
      "A value is one of the alliance's listed words (sector, principle, role, phase, ...).",
  },
  { rule: 'distinct-values', kind: 'value', description: 'A list does not repeat an entry.' },
  {
    rule: 'whole-number-above-zero',
    kind: 'value',
    description: 'Counts, targets and amounts are whole numbers above 0.',
  },
  {
    rule: 'positive-number',
    kind: 'value',
    description: "A commitment's measurable target is a number above 0.",
  },
  { rule: 'finite-number', kind: 'value', description: 'A percentage is a finite number.' },
  {
    rule: 'quarter-period',
    kind: 'value',
    description: 'A housing count belongs to a quarter written YYYY-Qn (n from 1 to 4).',
  },
  {
    rule: 'term-ends-after-it-starts',
    kind: 'value',
    description: 'A term on a body cannot end before (or on the day) it starts.',
  },
  {
    rule: 'period-ends-after-it-starts',
    kind: 'value',
    description: 'A goal time frame or grant period cannot end before it starts.',
  },
  {
    rule: 'age-range-in-order',
    kind: 'value',
    description: "A reference count's lowest age is not above its highest.",
  },
  {
    rule: 'score-from-1-to-5',
    kind: 'value',
    description: 'A PLUSS score is a whole number from 1 to 5.',
  },
  {
    rule: 'reference-count-needs-a-figure',
    kind: 'value',
    description:
      'A reference count gives a number of homeless young people, a change in per cent, or both.',
  },
  // Alliance
  { rule: 'alliance-founded-once', kind: 'rule', description: 'An alliance is founded once.' },
  {
    rule: 'one-alliance-per-ledger',
    kind: 'rule',
    description:
      "The ledger holds one alliance: its pages show that alliance's goal, so a second founding is refused until alliances are kept apart.",
  },
  {
    rule: 'organisation-registered-once',
    kind: 'rule',
    description: 'An organisation is registered once.',
  },
  {
    rule: 'revision-must-change-something',
    kind: 'rule',
    description: 'A revision or correction changes at least one value; otherwise nothing happened.',
  },
  // Partners
  {
    rule: 'partner-joins-once',
    kind: 'rule',
    description: 'A partner joins once; a former partner rejoins instead.',
  },
  {
    rule: 'leave-needs-membership',
    kind: 'rule',
    description: 'Only a current partner can leave.',
  },
  {
    rule: 'rejoin-needs-former-partner',
    kind: 'rule',
    description: 'Only a partner who has left can rejoin.',
  },
  {
    rule: 'partner-must-be-member',
    kind: 'rule',
    description: 'Declarations and commitments are made by current partners only.',
  },
  {
    rule: 'declaration-recorded-once',
    kind: 'rule',
    description: 'A declaration id is used once per partner.',
  },
  {
    rule: 'one-active-declaration-per-partner',
    kind: 'rule',
    description: 'A partner has at most one draft or signed declaration at a time.',
  },
  {
    rule: 'signing-needs-a-draft',
    kind: 'rule',
    description: 'Only a draft declaration can be signed.',
  },
  {
    rule: 'declaration-commits-to-every-principle',
    kind: 'rule',
    description:
      'A declaration is signed (and stays signed through revisions) only with all five partnership commitments.',
  },
  {
    rule: 'withdrawn-declaration-is-closed',
    kind: 'rule',
    description: 'A withdrawn declaration cannot be revised, signed or withdrawn again.',
  },
  {
    rule: 'commitment-recorded-once',
    kind: 'rule',
    description: 'A commitment id is used once per partner.',
  },
  {
    rule: 'commitment-must-be-open',
    kind: 'rule',
    description: 'Only an open commitment can be fulfilled, revised or withdrawn.',
  },
  // Governance
  {
    rule: 'general-assembly-recorded-once',
    kind: 'rule',
    description: 'A general assembly id is used once.',
  },
  {
    rule: 'election-at-a-held-general-assembly',
    kind: 'rule',
    description: 'Board members are elected at a general assembly already recorded.',
  },
  { rule: 'one-chair-at-a-time', kind: 'rule', description: 'At most one board chair on any day.' },
  {
    rule: 'one-vice-chair-at-a-time',
    kind: 'rule',
    description: 'At most one board vice-chair on any day.',
  },
  {
    rule: 'one-director-at-a-time',
    kind: 'rule',
    description: 'At most one secretariat director on any day.',
  },
  {
    rule: 'one-seat-per-body-at-a-time',
    kind: 'rule',
    description:
      'Nobody (person or, on the Advisory Board, organisation) holds two seats on the same body on the same day.',
  },
  {
    rule: 'step-down-needs-current-seat',
    kind: 'rule',
    description: 'Stepping down from or leaving a body needs a seat held on that day.',
  },
  {
    rule: 'role-change-needs-current-seat',
    kind: 'rule',
    description: "A board member's role changes only while the seat is held.",
  },
  {
    rule: 'role-change-needs-new-role',
    kind: 'rule',
    description: 'A role change names a role other than the one held.',
  },
  // Initiatives
  {
    rule: 'initiative-launched-once',
    kind: 'rule',
    description: 'An initiative is launched once.',
  },
  {
    rule: 'initiative-needs-a-lead-partner',
    kind: 'rule',
    description: 'An initiative always has at least one lead partner.',
  },
  {
    rule: 'partner-once-per-initiative',
    kind: 'rule',
    description: 'A partner takes part in an initiative once at a time, as lead or as participant.',
  },
  {
    rule: 'leaving-initiative-needs-participation',
    kind: 'rule',
    description: 'Only a partner taking part can leave an initiative.',
  },
  {
    rule: 'phases-move-forward',
    kind: 'rule',
    description:
      'An initiative moves forward through idea, pilot, scaling, operating, concluded (skipping is allowed).',
  },
  {
    rule: 'concluded-initiative-is-closed',
    kind: 'rule',
    description: 'A concluded initiative changes no more.',
  },
  // Housing counts
  {
    rule: 'housing-report-recorded-once',
    kind: 'rule',
    description: 'A housing report id is used once.',
  },
  {
    rule: 'retracted-report-is-closed',
    kind: 'rule',
    description: 'A retracted housing report can be neither corrected nor retracted again.',
  },
  // Grants
  { rule: 'grant-awarded-once', kind: 'rule', description: 'A grant id is used once.' },
  {
    rule: 'ended-grant-is-closed',
    kind: 'rule',
    description: 'An ended grant can be neither extended nor ended again.',
  },
  {
    rule: 'extension-lengthens-grant',
    kind: 'rule',
    description: "An extension moves the grant's end later.",
  },
  {
    rule: 'grant-ends-within-its-period',
    kind: 'rule',
    description: 'A grant ended early ends on or after its start and not after its current end.',
  },
  // Evaluation rounds
  {
    rule: 'evaluation-round-opened-once',
    kind: 'rule',
    description: 'An evaluation round id is used once.',
  },
  {
    rule: 'parameter-in-round',
    kind: 'rule',
    description: 'A score is given only for a parameter the round evaluates.',
  },
  {
    rule: 'body-in-round',
    kind: 'rule',
    description: 'A score is given only by a body the round evaluates.',
  },
  {
    rule: 'score-once-per-body-and-parameter',
    kind: 'rule',
    description: 'Each body scores each parameter once per round.',
  },
  {
    rule: 'concluded-round-is-closed',
    kind: 'rule',
    description: 'A concluded evaluation round takes no more scores.',
  },
  // Reference counts
  {
    rule: 'reference-count-recorded-once',
    kind: 'rule',
    description: 'A reference count id is used once.',
  },
] as const;

export type DomainRuleName = (typeof domainRules)[number]['rule'];
