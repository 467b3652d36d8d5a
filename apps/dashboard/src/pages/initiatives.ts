import { partners, read, type Initiative, type InitiativeDetail } from '../api';
import { markRendered } from '../charts';
import { h, mount } from '../dom';
import { fmt, label, t } from '../i18n';
import { badge, card, empty, failure, loading, pageHeader } from '../ui';
import { backLink, historyList } from './partners';

const PHASE_TONE: Record<string, 'neutral' | 'info' | 'good' | 'warn'> = {
  idea: 'neutral',
  pilot: 'warn',
  scaling: 'info',
  operating: 'good',
  concluded: 'neutral',
};

function phaseBadge(phase: string): HTMLElement {
  return badge(label.phase(phase), PHASE_TONE[phase] ?? 'neutral');
}

function unitLabel(unit: string | null): string {
  if (!unit) return '';
  if (unit === 'homes') return t('homes');
  return unit === 'young-people-reached' ? t('youngPeopleReached') : unit;
}

export async function renderInitiatives(view: HTMLElement): Promise<void> {
  const body = h('div', null, loading());
  mount(view, pageHeader(t('initiativesTitle'), t('initiativesSub')), body);
  let list: Initiative[];
  try {
    list = await read('/initiatives');
  } catch (error) {
    mount(
      body,
      failure(error, () => void renderInitiatives(view)),
    );
    return;
  }
  if (!list.length) {
    mount(body, card(null, null, empty(t('noData'))));
    return;
  }
  mount(
    body,
    h(
      'div',
      { class: 'grid-cards' },
      ...list.map((i) => {
        const share =
          i.targetUnit === 'homes' && i.targetQuantity
            ? Math.min(1, i.homesCounted / i.targetQuantity)
            : null;
        return h(
          'a',
          {
            class: 'card card-link initiative-card',
            href: `#/initiatives/${encodeURIComponent(i.initiativeId)}`,
            'data-initiative': i.initiativeId,
          },
          h('div', { class: 'initiative-head' }, h('h2', null, i.name), phaseBadge(i.phase)),
          h('p', { class: 'muted clamp' }, i.description),
          h(
            'div',
            { class: 'initiative-figures' },
            h(
              'div',
              null,
              h('div', { class: 'kpi-label' }, t('homesCounted')),
              h('div', { class: 'figure' }, fmt.int(i.homesCounted)),
            ),
            i.targetQuantity
              ? h(
                  'div',
                  null,
                  h('div', { class: 'kpi-label' }, t('target')),
                  h(
                    'div',
                    { class: 'figure' },
                    fmt.int(i.targetQuantity),
                    h('small', null, ` ${unitLabel(i.targetUnit)}`),
                  ),
                )
              : null,
          ),
          share !== null
            ? h(
                'div',
                { class: 'meter' },
                h('span', { style: { width: `${(share * 100).toFixed(1)}%` } }),
              )
            : null,
          i.municipalities.length
            ? h('div', { class: 'muted small' }, i.municipalities.join(', '))
            : null,
        );
      }),
    ),
  );
}

export async function renderInitiative(view: HTMLElement, id: string): Promise<void> {
  mount(view, loading());
  let i: InitiativeDetail;
  let names: Map<string, string>;
  try {
    const [detail, list] = await Promise.all([
      read('/initiatives/{initiativeId}', { path: { initiativeId: id } }),
      partners().catch(() => []),
    ]);
    i = detail;
    names = new Map(list.map((p) => [p.partnerId, p.name]));
  } catch (error) {
    mount(
      view,
      backLink('#/initiatives'),
      failure(error, () => void renderInitiative(view, id)),
    );
    return;
  }
  const partnerName = (pid: string) => names.get(pid) ?? pid;
  const partnerLinks = (ids: string[]) =>
    ids.length
      ? h(
          'div',
          { class: 'tags' },
          ...ids.map((pid) =>
            h(
              'a',
              { class: 'tag', href: `#/partners/${encodeURIComponent(pid)}` },
              partnerName(pid),
            ),
          ),
        )
      : empty(t('none'));
  mount(
    view,
    backLink('#/initiatives'),
    h(
      'div',
      { class: 'page-header' },
      h('div', null, h('h1', null, i.name), h('p', { class: 'muted' }, i.description)),
      h('div', { class: 'page-actions' }, phaseBadge(i.phase)),
    ),
    h(
      'div',
      { class: 'kpis kpis-3' },
      h(
        'div',
        { class: 'kpi' },
        h('div', { class: 'kpi-label' }, t('homesCounted')),
        h('div', { class: 'kpi-value' }, fmt.int(i.homesCounted)),
      ),
      h(
        'div',
        { class: 'kpi' },
        h('div', { class: 'kpi-label' }, t('target')),
        h(
          'div',
          { class: 'kpi-value' },
          i.targetQuantity ? fmt.int(i.targetQuantity) : '–',
          h('small', null, ` ${unitLabel(i.targetUnit)}`),
        ),
      ),
      h(
        'div',
        { class: 'kpi' },
        h('div', { class: 'kpi-label' }, t('launched')),
        h('div', { class: 'kpi-value kpi-date' }, fmt.date(i.launchedAt)),
      ),
    ),
    h(
      'div',
      { class: 'grid-2' },
      h(
        'div',
        { class: 'stack' },
        card(t('leadPartners'), null, partnerLinks(i.leadPartnerIds)),
        card(t('participatingPartners'), null, partnerLinks(i.participatingPartnerIds)),
        card(
          t('municipalities'),
          null,
          i.municipalities.length
            ? h(
                'div',
                { class: 'tags' },
                ...i.municipalities.map((m) => h('span', { class: 'tag' }, m)),
              )
            : empty(t('none')),
        ),
      ),
      h(
        'div',
        { class: 'stack' },
        card(
          t('phaseHistory'),
          null,
          historyList(
            i.phaseHistory.map((x) => ({
              ...x,
              kind: x.from ? 'InitiativeMovedToPhase' : 'InitiativeLaunched',
            })),
            (e) =>
              e.from
                ? `${label.phase(String(e.from))} → ${label.phase(String(e.phase))}`
                : label.phase(String(e.phase)),
          ),
        ),
        card(
          t('targetHistory'),
          null,
          historyList(
            i.targetHistory.map((x) => ({
              ...x,
              kind: 'InitiativeTargetRevised',
              recordedAt: x.occurredAt,
            })),
            (e) => {
              const from = e.from as { quantity: number } | undefined;
              const to = e.to as { quantity: number } | undefined;
              return [
                from && to ? `${fmt.int(from.quantity)} → ${fmt.int(to.quantity)}` : null,
                e.reason as string | undefined,
              ]
                .filter(Boolean)
                .join(' · ');
            },
          ),
        ),
        card(
          t('partnerHistory'),
          null,
          historyList(
            i.partnerHistory.map((x) => ({
              ...x,
              kind: x.kind === 'left' ? 'PartnerLeftInitiative' : 'PartnerJoinedInitiative',
              recordedAt: x.occurredAt,
            })),
            (e) => partnerName(String(e.partnerId)),
          ),
        ),
      ),
    ),
  );
  markRendered('initiatives-detail');
}
