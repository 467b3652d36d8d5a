import {
  boardRoles,
  housingTypes,
  partnershipCommitments,
  sectors,
} from '../../../../libs/domain/src/shared/vocabulary';
import { partners, personName, read, type PartnerRow } from '../api';
import { markRendered } from '../charts';
import { h, mount } from '../dom';
import {
  commandForm,
  field,
  input,
  lines,
  MissingField,
  numberOrText,
  optional,
  select,
  textarea,
} from '../forms';
import { fmt, label, t, type Key } from '../i18n';
import type { Route } from '../main';
import { today } from '../state';
import { failure, loading, pageHeader } from '../ui';

const TABS: Array<[string, Key]> = [
  ['homes', 'tabReport'],
  ['correct', 'tabCorrect'],
  ['board', 'tabBoard'],
  ['partner', 'tabPartner'],
];

/** The secretariat's forms (only offered to the secretariat; the API refuses others anyway). */
export async function renderRecord(view: HTMLElement, route: Route): Promise<void> {
  const tab = TABS.some(([name]) => name === route.path[1]) ? route.path[1] : 'homes';
  const body = h('div', null, loading());
  mount(
    view,
    pageHeader(t('recordTitle'), t('recordSub')),
    h(
      'nav',
      { class: 'tabs' },
      ...TABS.map(([name, key]) =>
        h(
          'a',
          {
            href: `#/record/${name}`,
            class: name === tab ? 'tab active' : 'tab',
            'data-tab': name,
          },
          t(key),
        ),
      ),
    ),
    body,
  );
  try {
    if (tab === 'homes') mount(body, await reportHomesForm());
    if (tab === 'correct') mount(body, h('div', { class: 'grid-2' }, correctForm(), retractForm()));
    if (tab === 'board') mount(body, await boardForms());
    if (tab === 'partner') mount(body, h('div', { class: 'grid-2' }, ...(await partnerForms())));
  } catch (error) {
    mount(
      body,
      failure(error, () => void renderRecord(view, route)),
    );
    return;
  }
  markRendered(`record-${tab}`);
}

// ---- reports remembered in this tab, offered in the correction forms ----

const REPORTS_KEY = 'ledger.recentReports';
function recentReports(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(REPORTS_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}
function rememberReport(id: string): void {
  try {
    sessionStorage.setItem(
      REPORTS_KEY,
      JSON.stringify([id, ...recentReports().filter((r) => r !== id)].slice(0, 30)),
    );
  } catch {
    // not remembered
  }
}

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

const memberOptions = (list: PartnerRow[]): Array<[string, string]> =>
  list.filter((p) => p.status === 'member').map((p) => [p.partnerId, p.name]);

async function reportHomesForm(): Promise<HTMLElement> {
  const [initiatives, partnerList, progress] = await Promise.all([
    read('/initiatives'),
    partners(true),
    read('/progress').catch(() => ({ byMunicipality: [] as Array<{ label: string }> })),
  ]);
  const municipalities = [
    ...new Set([
      ...progress.byMunicipality.map((m) => m.label),
      ...partnerList.map((p) => p.municipality).filter((m): m is string => !!m),
    ]),
  ].sort((a, b) => a.localeCompare(b, 'da'));
  const count = input({ type: 'number', inputmode: 'numeric', min: 1, step: 1 });
  const period = input({ value: currentQuarter(), placeholder: '2024-Q1' });
  const municipality = input({ list: 'municipality-list', autocomplete: 'off' });
  const initiative = select(initiatives.map((i) => [i.initiativeId, i.name]));
  const partner = select(memberOptions(partnerList));
  const source = input();
  const housingType = select(housingTypes.map((x) => [x, label.housingType(x)]));
  const permanent = input({ type: 'checkbox', checked: true });
  const occurredAt = input({ type: 'date', max: today() });
  return commandForm({
    id: 'form-report-homes',
    title: t('reportHomes'),
    subtitle: t('reportHomesSub'),
    fields: [
      field('count', t('count'), count),
      field('period', t('period'), period, t('periodHint')),
      field('initiativeId', t('initiative'), initiative),
      field('partnerId', t('partner'), partner),
      field('municipality', t('municipality'), municipality),
      h(
        'datalist',
        { id: 'municipality-list' },
        ...municipalities.map((m) => h('option', { value: m })),
      ),
      field('housingType', t('housingType'), housingType),
      field('source', t('source'), source, t('sourceHint'), 'span-2'),
      field('occurredAt', t('occurredAt'), occurredAt, t('occurredAtHint')),
      field('permanent', t('permanent'), permanent, undefined, 'align-end'),
    ],
    request: () => ({
      path: '/housing-reports',
      body: {
        count: numberOrText(count.value),
        period: optional(period.value),
        municipality: optional(municipality.value),
        initiativeId: optional(initiative.value),
        partnerId: optional(partner.value),
        source: optional(source.value),
        housingType: optional(housingType.value),
        permanent: permanent.checked,
        occurredAt: optional(occurredAt.value),
      },
    }),
    success: (answer) => t('savedReport', { id: answer.id }),
    afterSuccess: (answer) => {
      rememberReport(answer.id);
      count.value = '';
      source.value = '';
    },
  });
}

function reportIdField(): { control: HTMLInputElement; element: HTMLElement } {
  const control = input({ list: 'recent-reports', autocomplete: 'off' });
  const status = h('div', { class: 'field-hint report-status' });
  const element = h(
    'div',
    { class: 'span-2' },
    field('reportId', t('reportId'), control),
    h(
      'datalist',
      { id: 'recent-reports' },
      ...recentReports().map((id) => h('option', { value: id })),
    ),
    status,
  );
  control.addEventListener('change', async () => {
    status.textContent = '';
    const id = control.value.trim();
    if (!id) return;
    try {
      const report = await read('/progress/reports/{reportId}/history', {
        path: { reportId: id },
      });
      status.textContent = t('currentReport', {
        count: fmt.int(report.count),
        period: fmt.quarter(report.period),
        municipality: report.municipality,
      });
    } catch {
      status.textContent = '';
    }
  });
  return { control, element };
}

function correctForm(): HTMLElement {
  const report = reportIdField();
  const count = input({ type: 'number', inputmode: 'numeric', min: 1, step: 1 });
  const reason = textarea();
  const occurredAt = input({ type: 'date', max: today() });
  return commandForm({
    id: 'form-correct',
    title: t('correctTitle'),
    subtitle: t('correctSub'),
    fields: [
      report.element,
      field('count', t('newCount'), count),
      field('occurredAt', t('occurredAt'), occurredAt, t('occurredAtHint')),
      field('reason', t('reason'), reason, undefined, 'span-2'),
    ],
    request: () => {
      const id = report.control.value.trim();
      if (!id) throw new MissingField('reportId');
      return {
        path: `/housing-reports/${encodeURIComponent(id)}/corrections`,
        body: {
          count: numberOrText(count.value),
          reason: optional(reason.value),
          occurredAt: optional(occurredAt.value),
        },
      };
    },
    success: (_, body) =>
      t('savedCorrection', { id: report.control.value.trim() || String(body.reportId ?? '') }),
    afterSuccess: () => report.control.dispatchEvent(new Event('change')),
  });
}

function retractForm(): HTMLElement {
  const report = reportIdField();
  const reason = textarea();
  const occurredAt = input({ type: 'date', max: today() });
  return commandForm({
    id: 'form-retract',
    title: t('retractTitle'),
    subtitle: t('retractSub'),
    fields: [
      report.element,
      field('occurredAt', t('occurredAt'), occurredAt, t('occurredAtHint')),
      h('div'),
      field('reason', t('reason'), reason, undefined, 'span-2'),
    ],
    request: () => {
      const id = report.control.value.trim();
      if (!id) throw new MissingField('reportId');
      return {
        path: `/housing-reports/${encodeURIComponent(id)}/retractions`,
        body: { reason: optional(reason.value), occurredAt: optional(occurredAt.value) },
      };
    },
    success: () => t('savedRetraction', { id: report.control.value.trim() }),
    afterSuccess: () => report.control.dispatchEvent(new Event('change')),
  });
}

interface Assembly {
  assemblyId: string;
  allianceId: string;
  heldOn: string;
}

async function boardForms(): Promise<HTMLElement> {
  const [assemblyLog, composition, partnerList] = await Promise.all([
    read('/governance/timeline', { query: { body: 'general-assembly', pageSize: 500 } }),
    read('/governance/composition'),
    partners(),
  ]);
  const assemblies: Assembly[] = assemblyLog.entries
    .map((e) => ({
      assemblyId: String(e.details.assemblyId ?? ''),
      allianceId: String(e.details.allianceId ?? ''),
      heldOn: String(e.details.heldOn ?? e.occurredAt),
    }))
    .filter((a) => a.assemblyId && a.allianceId)
    .reverse();
  const alliance = input({ value: assemblies[0]?.allianceId ?? 'hjem-til-alle' });
  const allianceOf = (assemblyId?: string) =>
    assemblies.find((a) => a.assemblyId === assemblyId)?.allianceId ??
    (alliance.value.trim() || 'hjem-til-alle');

  const mode = h('div', { class: 'segmented', role: 'radiogroup' });
  const host = h('div');
  let current: 'election' | 'step-down' = 'election';
  const drawMode = () => {
    mount(
      mode,
      ...(['election', 'step-down'] as const).map((m) =>
        h(
          'button',
          {
            type: 'button',
            role: 'radio',
            'aria-checked': m === current ? 'true' : 'false',
            class: m === current ? 'active' : '',
            'data-mode': m,
            onclick: () => {
              current = m;
              drawMode();
            },
          },
          m === 'election' ? t('election') : t('stepDown'),
        ),
      ),
    );
    mount(host, current === 'election' ? electionForm() : stepDownForm());
  };

  const electionForm = () => {
    const assembly = select(
      assemblies.map((a) => [a.assemblyId, `${fmt.date(a.heldOn)} · ${a.assemblyId}`]),
    );
    if (assemblies[0]) assembly.value = assemblies[0].assemblyId;
    const person = input({ autocomplete: 'off', placeholder: 'person-0001' });
    const organisation = select(memberOptions(partnerList));
    const role = select(boardRoles.map((r) => [r, label.boardRole(r)]));
    role.value = 'member';
    const startsOn = input({ type: 'date' });
    const endsOn = input({ type: 'date' });
    return commandForm({
      id: 'form-election',
      title: t('boardChangeTitle'),
      subtitle: t('boardChangeSub'),
      fields: [
        mode,
        field(
          'assemblyId',
          t('assembly'),
          assembly,
          assemblies.length ? undefined : t('noAssemblies'),
          'span-2',
        ),
        assemblies.length ? null : field('allianceId', t('alliance'), alliance),
        field('personId', t('person'), person, t('personHint')),
        field('organisationId', t('organisation'), organisation),
        field('role', t('role'), role),
        field('term.startsOn', t('termStartsOn'), startsOn),
        field('term.endsOn', t('termEndsOn'), endsOn),
      ],
      request: () => {
        const term = { startsOn: optional(startsOn.value), endsOn: optional(endsOn.value) };
        return {
          path: `/governance/${encodeURIComponent(allianceOf(assembly.value))}/board/elections`,
          body: {
            assemblyId: optional(assembly.value),
            personId: optional(person.value),
            organisationId: optional(organisation.value),
            role: optional(role.value),
            term: term.startsOn || term.endsOn ? term : undefined,
          },
        };
      },
      success: () => t('savedElection', { person: person.value.trim() }),
    });
  };

  const stepDownForm = () => {
    const seats = composition.bodies.board ?? [];
    const person = select(
      seats.filter((s) => s.personId).map((s) => [s.personId as string, s.personId as string]),
    );
    for (const option of person.options) {
      if (!option.value) continue;
      void personName(option.value).then((name) => {
        if (name) option.textContent = `${name} (${option.value})`;
      });
    }
    const reason = textarea();
    const occurredAt = input({ type: 'date', max: today() });
    return commandForm({
      id: 'form-step-down',
      title: t('boardChangeTitle'),
      subtitle: t('boardChangeSub'),
      fields: [
        mode,
        assemblies.length ? null : field('allianceId', t('alliance'), alliance),
        field('personId', t('boardMember'), person, undefined, 'span-2'),
        field('occurredAt', t('occurredAt'), occurredAt, t('occurredAtHint')),
        h('div'),
        field('reason', t('reason'), reason, undefined, 'span-2'),
      ],
      request: () => ({
        path: `/governance/${encodeURIComponent(allianceOf())}/board/step-downs`,
        body: {
          personId: optional(person.value),
          reason: optional(reason.value),
          occurredAt: optional(occurredAt.value),
        },
      }),
      success: () =>
        t('savedStepDown', { person: person.selectedOptions[0]?.textContent ?? person.value }),
    });
  };

  mode.classList.add('span-2');
  drawMode();
  return h('div', { class: 'narrow' }, host);
}

async function partnerForms(): Promise<HTMLElement[]> {
  const partnerList = await partners(true);
  const name = input();
  const sector = select(sectors.map((s) => [s, label.sector(s)]));
  const municipality = input();
  const joinedOn = input({ type: 'date', max: today() });

  const declarationPartner = select(memberOptions(partnerList));
  /** The new partner is offered at once (the read model may not have it yet). */
  const offerPartner = (partnerId: string, partnerName: string) => {
    if (![...declarationPartner.options].some((o) => o.value === partnerId)) {
      declarationPartner.append(h('option', { value: partnerId }, partnerName));
    }
    declarationPartner.value = partnerId;
  };
  const register = commandForm({
    id: 'form-partner',
    title: t('registerPartnerTitle'),
    subtitle: t('registerPartnerSub'),
    fields: [
      field('name', t('name'), name, undefined, 'span-2'),
      field('sector', t('sector'), sector),
      field('municipality', t('municipality'), municipality),
      field('occurredAt', t('joined'), joinedOn, t('occurredAtHint')),
    ],
    request: () => ({
      path: '/partners',
      body: {
        name: optional(name.value),
        sector: optional(sector.value),
        municipality: optional(municipality.value) ?? null,
        occurredAt: optional(joinedOn.value),
      },
    }),
    success: (answer, body) => t('savedPartner', { name: String(body.name), id: answer.id }),
    afterSuccess: (answer, body) => {
      name.value = '';
      municipality.value = '';
      offerPartner(answer.id, String(body.name));
    },
  });

  const purpose = textarea({ rows: 3 });
  const toGoal = textarea({ rows: 3 });
  const toAlliance = textarea({ rows: 3 });
  const principles = partnershipCommitments.map((p) =>
    input({ type: 'checkbox', value: p, name: 'principles' }),
  );
  const draftedOn = input({ type: 'date', max: today() });
  const draft = commandForm({
    id: 'form-declaration',
    title: t('draftDeclarationTitle'),
    subtitle: t('draftDeclarationSub'),
    fields: [
      field('partnerId', t('partner'), declarationPartner, undefined, 'span-2'),
      field('purpose', t('purpose'), purpose, undefined, 'span-2'),
      field('contributionsToGoal', t('contributionsToGoal'), toGoal, t('linesHint')),
      field('contributionsToAlliance', t('contributionsToAlliance'), toAlliance, t('linesHint')),
      h(
        'div',
        { class: 'field span-2', 'data-field': 'principles' },
        h('div', { class: 'label' }, t('principles')),
        h(
          'div',
          { class: 'checks' },
          ...principles.map((box) =>
            h('label', { class: 'check' }, box, h('span', null, label.principle(box.value))),
          ),
        ),
        h('div', { class: 'field-error', role: 'alert' }),
      ),
      field('occurredAt', t('occurredAt'), draftedOn, t('occurredAtHint')),
    ],
    request: () => {
      const partnerId = declarationPartner.value;
      if (!partnerId) throw new MissingField('partnerId');
      const chosen = principles.filter((b) => b.checked).map((b) => b.value);
      return {
        path: `/partners/${encodeURIComponent(partnerId)}/declarations`,
        body: {
          purpose: optional(purpose.value),
          contributionsToGoal: lines(toGoal.value),
          contributionsToAlliance: lines(toAlliance.value),
          principles: chosen.length ? chosen : undefined,
          occurredAt: optional(draftedOn.value),
        },
      };
    },
    success: (answer) => t('savedDeclaration', { id: answer.declarationId ?? answer.id }),
  });
  return [register, draft];
}
