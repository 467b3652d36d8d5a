import { scenario } from '../testing/given-when-then';
import { governanceAggregate } from './governance.aggregate';
import { streamIdForGovernance } from './governance.decide';
import type {
  AdvisoryBoardMemberAppointed,
  BoardMemberElected,
  GeneralAssemblyHeld,
  SecretariatStaffStarted,
} from './governance.events';
import { seatsHeldOn } from './governance.state';

const governance = scenario(governanceAggregate);
const at = (day: string) => `${day}T00:00:00.000Z`;

const assembly2018: GeneralAssemblyHeld = {
  type: 'GeneralAssemblyHeld',
  occurredAt: at('2018-05-15'),
  data: {
    allianceId: 'hta',
    assemblyId: 'ga-2018',
    heldOn: '2018-05-15',
    membersPresent: ['kab', 'bikubenfonden'],
  },
};
const assembly2019: GeneralAssemblyHeld = {
  type: 'GeneralAssemblyHeld',
  occurredAt: at('2019-05-14'),
  data: { allianceId: 'hta', assemblyId: 'ga-2019', heldOn: '2019-05-14', membersPresent: [] },
};
function elected(
  personId: string,
  role: 'chair' | 'vice-chair' | 'member',
  startsOn = '2018-05-15',
  endsOn: string | null = null,
  assemblyId = 'ga-2018',
): BoardMemberElected {
  return {
    type: 'BoardMemberElected',
    occurredAt: at(startsOn),
    data: {
      allianceId: 'hta',
      seatId: `board:${personId}:${startsOn}`,
      assemblyId,
      personId,
      organisationId: `org-of-${personId}`,
      role,
      term: { startsOn, endsOn },
    },
  };
}
const chair = elected('p-agi', 'chair', '2018-05-15', '2019-05-14');
const viceChair = elected('p-soren', 'vice-chair');

function appointed(
  organisationId: string,
  representativePersonId: string,
): AdvisoryBoardMemberAppointed {
  return {
    type: 'AdvisoryBoardMemberAppointed',
    occurredAt: at('2017-08-15'),
    data: {
      allianceId: 'hta',
      seatId: `advisory-board:${organisationId}:2017-08-15`,
      organisationId,
      representativePersonId,
      startsOn: '2017-08-15',
    },
  };
}
function started(
  personId: string,
  role: 'director' | 'consultant',
  startsOn: string,
): SecretariatStaffStarted {
  return {
    type: 'SecretariatStaffStarted',
    occurredAt: at(startsOn),
    data: {
      allianceId: 'hta',
      seatId: `secretariat:${personId}:${startsOn}`,
      personId,
      role,
      startsOn,
    },
  };
}

describe('governance', () => {
  it('lives in one stream per alliance, governance-<allianceId>', () => {
    expect(streamIdForGovernance('hta')).toBe('governance-hta');
  });

  describe('a general assembly is held', () => {
    it('on a date, with the members present', () => {
      governance
        .given([])
        .when({
          type: 'HoldGeneralAssembly',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          membersPresent: ['kab', 'bikubenfonden'],
          occurredAt: '2018-05-15',
        })
        .then([assembly2018]);
    });

    it('once (general-assembly-recorded-once)', () => {
      governance
        .given([assembly2018])
        .when({
          type: 'HoldGeneralAssembly',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          occurredAt: '2018-05-16',
        })
        .thenBreaks('general-assembly-recorded-once');
    });

    it('on a date that exists', () => {
      governance
        .given([])
        .when({
          type: 'HoldGeneralAssembly',
          allianceId: 'hta',
          assemblyId: 'ga',
          occurredAt: '2019-02-30',
        })
        .thenInvalid('occurredAt', 'iso-date');
    });
  });

  describe('a board member is elected', () => {
    it('at the assembly, with person, organisation, role and a term starting that day', () => {
      governance
        .given([assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-soren',
          organisationId: 'org-of-p-soren',
          role: 'vice-chair',
        })
        .then([viceChair]);
    });

    it('with a term end', () => {
      governance
        .given([assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-agi',
          organisationId: 'org-of-p-agi',
          role: 'chair',
          term: { endsOn: '2019-05-14' },
        })
        .then([chair]);
    });

    it('for a term that does not end before it starts (term-ends-after-it-starts)', () => {
      governance
        .given([assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-agi',
          organisationId: 'villumfonden',
          role: 'chair',
          term: { startsOn: '2018-05-15', endsOn: '2017-05-15' },
        })
        .thenInvalid('term.endsOn', 'term-ends-after-it-starts');
    });

    it('with a term date that exists', () => {
      governance
        .given([assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-agi',
          organisationId: 'villumfonden',
          role: 'chair',
          term: { endsOn: '2019-02-29' },
        })
        .thenInvalid('term.endsOn', 'iso-date');
    });

    it('in one of the board roles', () => {
      governance
        .given([assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-agi',
          organisationId: 'villumfonden',
          role: 'treasurer' as never,
        })
        .thenInvalid('role', 'known-value');
    });

    it('only at a general assembly that was held (election-at-a-held-general-assembly)', () => {
      governance
        .given([])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-agi',
          organisationId: 'villumfonden',
          role: 'chair',
        })
        .thenBreaks('election-at-a-held-general-assembly');
    });

    it('never as a second chair (one-chair-at-a-time)', () => {
      governance
        .given([assembly2018, chair])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-bent',
          organisationId: 'bl',
          role: 'chair',
        })
        .thenBreaks('one-chair-at-a-time');
    });

    it('as the next chair from the day the former chair’s term ends', () => {
      const state = governance
        .given([assembly2018, chair, assembly2019])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2019',
          personId: 'p-bent',
          organisationId: 'bl',
          role: 'chair',
        })
        .then([
          {
            ...elected('p-bent', 'chair', '2019-05-14', null, 'ga-2019'),
            data: {
              ...elected('p-bent', 'chair', '2019-05-14', null, 'ga-2019').data,
              organisationId: 'bl',
            },
          },
        ]);
      expect(seatsHeldOn(state, 'board', '2018-06-01').map((s) => [s.personId, s.role])).toEqual([
        ['p-agi', 'chair'],
      ]);
      expect(seatsHeldOn(state, 'board', '2019-06-01').map((s) => [s.personId, s.role])).toEqual([
        ['p-bent', 'chair'],
      ]);
    });

    it('never back-dated into another chair’s term (one-chair-at-a-time)', () => {
      // The 2019 chair is recorded first; the 2018 election, typed in late, gives an open-ended
      // chair term that would still run in 2019.
      const assembly2019Chair = elected('p-bent', 'chair', '2019-05-14', null, 'ga-2019');
      governance
        .given([assembly2019, assembly2019Chair, assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-agi',
          organisationId: 'villumfonden',
          role: 'chair',
        })
        .thenBreaks('one-chair-at-a-time');
    });

    it('never as a second vice-chair (one-vice-chair-at-a-time)', () => {
      governance
        .given([assembly2018, viceChair])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-mia',
          organisationId: 'pensiondanmark',
          role: 'vice-chair',
        })
        .thenBreaks('one-vice-chair-at-a-time');
    });

    it('never to a second seat on the board at once (one-seat-per-body-at-a-time)', () => {
      governance
        .given([assembly2018, viceChair, assembly2019])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2019',
          personId: 'p-soren',
          organisationId: 'bikubenfonden',
          role: 'member',
        })
        .thenBreaks('one-seat-per-body-at-a-time');
    });

    it('even when the person already sits on the Advisory Board (another body)', () => {
      governance
        .given([appointed('kab', 'p-jens'), assembly2018])
        .when({
          type: 'ElectBoardMember',
          allianceId: 'hta',
          assemblyId: 'ga-2018',
          personId: 'p-jens',
          organisationId: 'kab',
          role: 'member',
        })
        .then([
          {
            ...elected('p-jens', 'member'),
            data: { ...elected('p-jens', 'member').data, organisationId: 'kab' },
          },
        ]);
    });
  });

  describe('a board member changes role', () => {
    it('from a day, keeping the earlier role in the seat’s history', () => {
      const state = governance
        .given([assembly2018, viceChair])
        .when({
          type: 'ChangeBoardMemberRole',
          allianceId: 'hta',
          personId: 'p-soren',
          role: 'chair',
          occurredAt: '2018-09-01',
        })
        .then([
          {
            type: 'BoardMemberRoleChanged',
            occurredAt: at('2018-09-01'),
            data: {
              allianceId: 'hta',
              seatId: 'board:p-soren:2018-05-15',
              personId: 'p-soren',
              previousRole: 'vice-chair',
              role: 'chair',
              changedOn: '2018-09-01',
            },
          },
        ]);
      expect(seatsHeldOn(state, 'board', '2018-08-31')[0].role).toBe('vice-chair');
      expect(seatsHeldOn(state, 'board', '2018-09-01')[0].role).toBe('chair');
    });

    it('never to chair while another holds the chair (one-chair-at-a-time)', () => {
      governance
        .given([assembly2018, chair, viceChair])
        .when({
          type: 'ChangeBoardMemberRole',
          allianceId: 'hta',
          personId: 'p-soren',
          role: 'chair',
          occurredAt: '2018-09-01',
        })
        .thenBreaks('one-chair-at-a-time');
    });

    it('to chair once the chair has stepped down', () => {
      governance
        .given([
          assembly2018,
          chair,
          viceChair,
          {
            type: 'BoardMemberSteppedDown',
            data: {
              allianceId: 'hta',
              seatId: chair.data.seatId,
              personId: 'p-agi',
              steppedDownOn: '2018-09-01',
              reason: null,
            },
          },
        ])
        .when({
          type: 'ChangeBoardMemberRole',
          allianceId: 'hta',
          personId: 'p-soren',
          role: 'chair',
          occurredAt: '2018-09-01',
        })
        .then([
          {
            type: 'BoardMemberRoleChanged',
            occurredAt: at('2018-09-01'),
            data: {
              allianceId: 'hta',
              seatId: viceChair.data.seatId,
              personId: 'p-soren',
              previousRole: 'vice-chair',
              role: 'chair',
              changedOn: '2018-09-01',
            },
          },
        ]);
    });

    it('only to another role (role-change-needs-new-role)', () => {
      governance
        .given([assembly2018, viceChair])
        .when({
          type: 'ChangeBoardMemberRole',
          allianceId: 'hta',
          personId: 'p-soren',
          role: 'vice-chair',
          occurredAt: '2018-09-01',
        })
        .thenBreaks('role-change-needs-new-role');
    });

    it('only while holding a seat (role-change-needs-current-seat)', () => {
      governance
        .given([assembly2018, chair])
        .when({
          type: 'ChangeBoardMemberRole',
          allianceId: 'hta',
          personId: 'p-agi',
          role: 'member',
          occurredAt: '2019-06-01',
        })
        .thenBreaks('role-change-needs-current-seat');
    });
  });

  describe('a board member steps down', () => {
    it('from the seat held that day; the seat stays in the history', () => {
      const state = governance
        .given([assembly2018, chair])
        .when({
          type: 'StepDownFromBoard',
          allianceId: 'hta',
          personId: 'p-agi',
          reason: 'New position',
          occurredAt: '2018-12-01',
        })
        .then([
          {
            type: 'BoardMemberSteppedDown',
            occurredAt: at('2018-12-01'),
            data: {
              allianceId: 'hta',
              seatId: chair.data.seatId,
              personId: 'p-agi',
              steppedDownOn: '2018-12-01',
              reason: 'New position',
            },
          },
        ]);
      expect(seatsHeldOn(state, 'board', '2018-11-30')).toHaveLength(1);
      expect(seatsHeldOn(state, 'board', '2018-12-01')).toHaveLength(0);
      expect(state.seats).toHaveLength(1);
    });

    it('only from a current seat (step-down-needs-current-seat)', () => {
      governance
        .given([assembly2018, chair])
        .when({
          type: 'StepDownFromBoard',
          allianceId: 'hta',
          personId: 'p-nobody',
          occurredAt: '2018-12-01',
        })
        .thenBreaks('step-down-needs-current-seat');
    });

    it('not twice', () => {
      governance
        .given([
          assembly2018,
          viceChair,
          {
            type: 'BoardMemberSteppedDown',
            data: {
              allianceId: 'hta',
              seatId: viceChair.data.seatId,
              personId: 'p-soren',
              steppedDownOn: '2018-09-01',
              reason: null,
            },
          },
        ])
        .when({
          type: 'StepDownFromBoard',
          allianceId: 'hta',
          personId: 'p-soren',
          occurredAt: '2018-10-01',
        })
        .thenBreaks('step-down-needs-current-seat');
    });

    it('not after the term has ended', () => {
      governance
        .given([assembly2018, chair])
        .when({
          type: 'StepDownFromBoard',
          allianceId: 'hta',
          personId: 'p-agi',
          occurredAt: '2019-05-14',
        })
        .thenBreaks('step-down-needs-current-seat');
    });
  });

  describe('an Advisory Board member', () => {
    it('is an organisation appointed with a representative', () => {
      governance
        .given([])
        .when({
          type: 'AppointAdvisoryBoardMember',
          allianceId: 'hta',
          organisationId: 'kab',
          representativePersonId: 'p-jens',
          occurredAt: '2017-08-15',
        })
        .then([appointed('kab', 'p-jens')]);
    });

    it('holds one seat at a time (one-seat-per-body-at-a-time)', () => {
      governance
        .given([appointed('kab', 'p-jens')])
        .when({
          type: 'AppointAdvisoryBoardMember',
          allianceId: 'hta',
          organisationId: 'kab',
          representativePersonId: 'p-other',
          occurredAt: '2018-01-01',
        })
        .thenBreaks('one-seat-per-body-at-a-time');
    });

    it('has a representative who represents no other member at the same time', () => {
      governance
        .given([appointed('kab', 'p-jens')])
        .when({
          type: 'AppointAdvisoryBoardMember',
          allianceId: 'hta',
          organisationId: 'bl',
          representativePersonId: 'p-jens',
          occurredAt: '2018-01-01',
        })
        .thenBreaks('one-seat-per-body-at-a-time');
    });

    it('leaves', () => {
      const state = governance
        .given([appointed('kab', 'p-jens')])
        .when({
          type: 'LeaveAdvisoryBoard',
          allianceId: 'hta',
          organisationId: 'kab',
          occurredAt: '2019-01-01',
        })
        .then([
          {
            type: 'AdvisoryBoardMemberLeft',
            occurredAt: at('2019-01-01'),
            data: {
              allianceId: 'hta',
              seatId: 'advisory-board:kab:2017-08-15',
              organisationId: 'kab',
              leftOn: '2019-01-01',
              reason: null,
            },
          },
        ]);
      expect(seatsHeldOn(state, 'advisory-board', '2019-01-01')).toEqual([]);
    });

    it('leaves only from a current seat (step-down-needs-current-seat)', () => {
      governance
        .given([])
        .when({
          type: 'LeaveAdvisoryBoard',
          allianceId: 'hta',
          organisationId: 'kab',
          occurredAt: '2019-01-01',
        })
        .thenBreaks('step-down-needs-current-seat');
    });
  });

  describe('secretariat staff', () => {
    it('start with a role', () => {
      governance
        .given([])
        .when({
          type: 'StartInSecretariat',
          allianceId: 'hta',
          personId: 'p-vibe',
          role: 'director',
          occurredAt: '2016-06-01',
        })
        .then([started('p-vibe', 'director', '2016-06-01')]);
    });

    it('in one of the secretariat roles', () => {
      governance
        .given([])
        .when({
          type: 'StartInSecretariat',
          allianceId: 'hta',
          personId: 'p-vibe',
          role: 'chair' as never,
        })
        .thenInvalid('role', 'known-value');
    });

    it('have one director at a time (one-director-at-a-time)', () => {
      governance
        .given([started('p-vibe', 'director', '2016-06-01')])
        .when({
          type: 'StartInSecretariat',
          allianceId: 'hta',
          personId: 'p-kira',
          role: 'director',
          occurredAt: '2020-01-01',
        })
        .thenBreaks('one-director-at-a-time');
    });

    it('hold one seat in the secretariat at a time (one-seat-per-body-at-a-time)', () => {
      governance
        .given([started('p-ilja', 'consultant', '2016-06-01')])
        .when({
          type: 'StartInSecretariat',
          allianceId: 'hta',
          personId: 'p-ilja',
          role: 'staff',
          occurredAt: '2020-01-01',
        })
        .thenBreaks('one-seat-per-body-at-a-time');
    });

    it('leave, and a new director may start the same day', () => {
      const state = governance
        .given([started('p-vibe', 'director', '2016-06-01')])
        .when({
          type: 'LeaveSecretariat',
          allianceId: 'hta',
          personId: 'p-vibe',
          occurredAt: '2020-01-01',
        })
        .then([
          {
            type: 'SecretariatStaffLeft',
            occurredAt: at('2020-01-01'),
            data: {
              allianceId: 'hta',
              seatId: 'secretariat:p-vibe:2016-06-01',
              personId: 'p-vibe',
              leftOn: '2020-01-01',
              reason: null,
            },
          },
        ]);
      governance
        .given([
          started('p-vibe', 'director', '2016-06-01'),
          {
            type: 'SecretariatStaffLeft',
            data: {
              allianceId: 'hta',
              seatId: 'secretariat:p-vibe:2016-06-01',
              personId: 'p-vibe',
              leftOn: '2020-01-01',
              reason: null,
            },
          },
        ])
        .when({
          type: 'StartInSecretariat',
          allianceId: 'hta',
          personId: 'p-kira',
          role: 'director',
          occurredAt: '2020-01-01',
        })
        .then([started('p-kira', 'director', '2020-01-01')]);
      expect(seatsHeldOn(state, 'secretariat', '2019-12-31')).toHaveLength(1);
    });

    it('leave only from a current seat (step-down-needs-current-seat)', () => {
      governance
        .given([])
        .when({
          type: 'LeaveSecretariat',
          allianceId: 'hta',
          personId: 'p-vibe',
          occurredAt: '2020-01-01',
        })
        .thenBreaks('step-down-needs-current-seat');
    });
  });
});
