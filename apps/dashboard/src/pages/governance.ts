import {
  partners,
  personName,
  read,
  type Composition,
  type Seat,
  type TimelineEntry,
} from '../api';
import { markRendered } from '../charts';
import { h, mount } from '../dom';
import { eventLabel, fmt, label, t } from '../i18n';
import { state, today } from '../state';
import { asOfPicker, badge, card, empty, failure, loading, pageHeader, personLabel } from '../ui';

const BODIES = ['board', 'advisory-board', 'secretariat'] as const;
const FILTERS = [
  '',
  'board',
  'advisory-board',
  'secretariat',
  'general-assembly',
  'partners',
] as const;
let filter: (typeof FILTERS)[number] = '';

/** Who sat where on the chosen day, and every change up to it. */
export async function renderGovernance(view: HTMLElement): Promise<void> {
  const body = h('div', { class: 'stack' }, loading());
  mount(
    view,
    pageHeader(
      t('navGovernance'),
      t('governanceSub'),
      asOfPicker(() => void renderGovernance(view)),
    ),
    body,
  );
  const day = state.asOf || today();
  let composition: Composition;
  let organisations: Map<string, string>;
  try {
    const [c, list] = await Promise.all([
      read('/governance/composition', { query: { asOf: state.asOf || undefined } }),
      partners().catch(() => []),
    ]);
    composition = c;
    organisations = new Map(list.map((p) => [p.partnerId, p.name]));
  } catch (error) {
    mount(
      body,
      failure(error, () => void renderGovernance(view)),
    );
    return;
  }
  const timelineHost = h('div', null, loading());
  mount(
    body,
    h('h2', { class: 'section-title' }, t('compositionOn', { date: fmt.date(day) })),
    h(
      'div',
      { class: 'grid-3' },
      ...BODIES.map((b) => bodyCard(b, composition.bodies[b] ?? [], organisations)),
    ),
    card(
      t('timeline'),
      t('timelineSub'),
      filters(() => void loadTimeline(timelineHost, day, organisations)),
      timelineHost,
    ),
  );
  await loadTimeline(timelineHost, day, organisations);
}

function bodyCard(body: string, seats: Seat[], organisations: Map<string, string>): HTMLElement {
  return h(
    'section',
    { class: `card body-card body-${body}`, 'data-body': body },
    h(
      'header',
      { class: 'card-head' },
      h('h2', null, label.body(body)),
      h('span', { class: 'count-pill' }, fmt.int(seats.length)),
    ),
    seats.length
      ? h(
          'ul',
          { class: 'seats' },
          ...seats.map((seat) =>
            h(
              'li',
              { class: 'seat' },
              avatar(seat),
              h(
                'div',
                { class: 'seat-main' },
                h(
                  'div',
                  { class: 'seat-name' },
                  personLabel(seat.personId, personName),
                  seat.role && seat.role !== 'member'
                    ? badge(label.role(seat.role), seat.role === 'chair' ? 'info' : 'neutral')
                    : null,
                ),
                h(
                  'div',
                  { class: 'muted small' },
                  [
                    seat.organisationId
                      ? (organisations.get(seat.organisationId) ?? seat.organisationId)
                      : null,
                    t('since', { date: fmt.date(seat.since) }),
                    seat.termEndsOn ? t('termEnds', { date: fmt.date(seat.termEndsOn) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ),
              ),
            ),
          ),
        )
      : empty(t('nobodyInBody')),
  );
}

/** The person's initials once the register names them; a dot until then (or without a name). */
function avatar(seat: Seat): HTMLElement {
  const element = h('div', { class: 'seat-avatar' }, '·');
  const show = (name: string | null | undefined) => {
    if (!name) return;
    const parts = name.split(/\s+/).filter(Boolean);
    element.textContent =
      `${parts[0]?.[0] ?? ''}${parts.length > 1 ? parts[parts.length - 1][0] : ''}`.toUpperCase();
  };
  if (seat.personId) void personName(seat.personId).then(show);
  return element;
}

function filters(onChange: () => void): HTMLElement {
  const group = h('div', { class: 'chips', role: 'group' });
  const draw = () =>
    mount(
      group,
      ...FILTERS.map((value) =>
        h(
          'button',
          {
            type: 'button',
            class: value === filter ? 'chip active' : 'chip',
            'data-filter': value || 'all',
            onclick: () => {
              filter = value;
              draw();
              onChange();
            },
          },
          value ? label.body(value) : t('filterAll'),
        ),
      ),
    );
  draw();
  return group;
}

const PAGE = 500;
const SHOWN = 40;

async function loadTimeline(
  host: HTMLElement,
  day: string,
  organisations: Map<string, string>,
): Promise<void> {
  mount(host, loading());
  try {
    const params = { body: filter || undefined, to: day, pageSize: PAGE };
    let timeline = await read('/governance/timeline', { query: { ...params, page: 1 } });
    if (timeline.total > PAGE) {
      const last = Math.ceil(timeline.total / PAGE);
      timeline = await read('/governance/timeline', { query: { ...params, page: last } });
    }
    const entries = [...timeline.entries].reverse();
    let shown = Math.min(SHOWN, entries.length);
    const list = h('ol', { class: 'timeline', 'data-testid': 'timeline' });
    const more = h('button', { type: 'button', class: 'btn btn-ghost' }, t('showMore'));
    const note = h('p', { class: 'muted small' });
    const draw = () => {
      mount(list, ...entries.slice(0, shown).map((e) => entry(e, organisations)));
      more.hidden = shown >= entries.length;
      note.textContent = t('showingLatest', { n: fmt.int(shown), total: fmt.int(timeline.total) });
    };
    more.addEventListener('click', () => {
      shown = Math.min(entries.length, shown + SHOWN);
      draw();
    });
    draw();
    mount(
      host,
      entries.length
        ? [list, h('div', { class: 'timeline-foot' }, note, more)]
        : empty(t('noData')),
    );
    markRendered('governance');
  } catch (error) {
    mount(
      host,
      failure(error, () => void loadTimeline(host, day, organisations)),
    );
  }
}

function entry(e: TimelineEntry, organisations: Map<string, string>): HTMLElement {
  const organisation = e.organisationId
    ? (organisations.get(e.organisationId) ?? e.organisationId)
    : null;
  const reason = typeof e.details?.reason === 'string' ? e.details.reason : null;
  return h(
    'li',
    { class: `tl-item tl-${e.body}` },
    h('span', { class: 'tl-dot' }),
    h(
      'div',
      { class: 'tl-body' },
      h(
        'div',
        { class: 'tl-head' },
        h('time', { datetime: e.occurredAt }, fmt.date(e.occurredAt)),
        badge(label.body(e.body), 'neutral'),
      ),
      h(
        'div',
        { class: 'tl-title' },
        h('strong', null, eventLabel(e.kind)),
        e.personId ? [' · ', personLabel(e.personId, personName)] : null,
        e.role && e.body !== 'partners' ? ` · ${label.role(e.role)}` : null,
        organisation ? ` · ${organisation}` : null,
      ),
      reason ? h('div', { class: 'muted small' }, `${t('reasonLabel')}: ${reason}`) : null,
    ),
  );
}
