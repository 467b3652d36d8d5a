import * as domain from './index';
import { domainEventCatalogue, domainRules } from './index';

describe('the domain catalogue', () => {
  it('lists every event type once, at schema version 1, with its stream', () => {
    const types = domainEventCatalogue.map((entry) => entry.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toHaveLength(38);
    expect(domainEventCatalogue.every((entry) => entry.schemaVersion === 1)).toBe(true);
    expect(domainEventCatalogue).toContainEqual({
      type: 'PartnerJoined',
      schemaVersion: 1,
      stream: 'partner',
    });
    expect(domainEventCatalogue).toContainEqual({
      type: 'BoardMemberElected',
      schemaVersion: 1,
      stream: 'governance',
    });
    expect(domainEventCatalogue).toContainEqual({
      type: 'HomesReported',
      schemaVersion: 1,
      stream: 'housing-report',
    });
  });

  it('names events in the past tense, never ...Updated', () => {
    for (const { type } of domainEventCatalogue) {
      expect(type).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(type).not.toMatch(/Updated$/);
    }
  });

  it('lists every rule once, in kebab-case, with a description', () => {
    const names = domainRules.map((r) => r.rule);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of domainRules) {
      expect(rule.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });

  it('offers a stream id function for every aggregate', () => {
    expect([
      domain.streamIdForAlliance('hta'),
      domain.streamIdForPartner('kab'),
      domain.streamIdForGovernance('hta'),
      domain.streamIdForInitiative('bo-sammen'),
      domain.streamIdForHousingReport('r1'),
      domain.streamIdForGrant('g1'),
      domain.streamIdForEvaluationRound('pluss-2018'),
      domain.streamIdForReferenceCounts('hta'),
    ]).toEqual([
      'alliance-hta',
      'partner-kab',
      'governance-hta',
      'initiative-bo-sammen',
      'housing-report-r1',
      'grant-g1',
      'evaluation-round-pluss-2018',
      'reference-counts-hta',
    ]);
  });

  it('keeps the alliance’s words: six sectors, five commitments, three efforts, with Danish labels', () => {
    expect(domain.sectors).toHaveLength(6);
    expect(domain.partnershipCommitments).toHaveLength(5);
    expect(domain.strategicEfforts).toHaveLength(3);
    expect(Object.keys(domain.sectorLabels)).toEqual([...domain.sectors]);
    expect(Object.keys(domain.partnershipCommitmentLabels)).toEqual([
      ...domain.partnershipCommitments,
    ]);
  });
});
