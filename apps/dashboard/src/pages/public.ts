import { read, type PublicCount, type PublicSummary } from '../api';
import { markRendered } from '../charts';
import { h, mount } from '../dom';
import { fmt, label, t } from '../i18n';
import { currentSession } from '../session';
import { card, empty, failure, loading } from '../ui';

/**
 * The page anyone may read (GET /public/summary): the goal, the partners, permanent homes by
 * year, quarter, initiative and municipality, and temporary stays apart. The server has already
 * replaced every count below 5 with "<5" (and hidden what would give one away); no person appears.
 */
export async function renderPublic(view: HTMLElement): Promise<void> {
  mount(view, loading());
  let s: PublicSummary;
  try {
    s = await read('/public/summary', undefined, { anonymous: true });
  } catch (error) {
    mount(
      view,
      failure(error, () => void renderPublic(view)),
    );
    return;
  }
  const goal = s.goal;
  const homes = typeof s.homes === 'number' ? s.homes : 0;
  const share = goal ? Math.min(1, homes / goal.homes) : 0;
  const shown = (count: PublicCount) =>
    typeof count === 'number' ? fmt.int(count) : count === 'hidden' ? '·' : '<5';
  const sectors = new Map<string, PublicSummary['partners']>();
  for (const p of s.partners) sectors.set(p.sector, [...(sectors.get(p.sector) ?? []), p]);
  mount(
    view,
    h(
      'section',
      { class: 'hero', 'data-testid': 'public-hero' },
      h(
        'div',
        { class: 'hero-text' },
        h('h1', null, t('publicTitle')),
        goal
          ? h(
              'p',
              { class: 'lead' },
              t('publicLead', { goal: fmt.int(goal.homes), year: goal.toYear }),
            )
          : null,
        s.forecastYear
          ? h('p', { class: 'hero-note' }, t('publicForecast', { year: s.forecastYear }))
          : null,
      ),
      h(
        'div',
        { class: 'hero-figure' },
        h('div', { class: 'hero-number', 'data-testid': 'public-homes' }, shown(s.homes)),
        h('div', { class: 'hero-caption' }, t('publicHomes')),
        // Host-family stays last months, not years: counted apart, never added to the homes.
        h(
          'div',
          { class: 'hero-caption small', 'data-testid': 'public-temporary-stays' },
          t('publicTemporaryStays', { n: shown(s.temporaryStays) }),
        ),
        goal
          ? [
              h(
                'div',
                { class: 'meter meter-light' },
                h('span', { style: { width: `${(share * 100).toFixed(1)}%` } }),
              ),
              h(
                'div',
                { class: 'hero-caption small' },
                `${fmt.pct(share)} ${t('ofGoal', { goal: fmt.int(goal.homes) })}`,
              ),
            ]
          : null,
      ),
    ),
    h(
      'div',
      { class: 'grid-2' },
      card(
        t('publicByYear'),
        null,
        bars(
          s.byYear.map((r) => ({ label: String(r.year), homes: r.homes })),
          'public-by-year',
        ),
      ),
      card(
        t('publicByInitiative'),
        null,
        bars(
          s.byInitiative.map((r) => ({ label: r.initiative, homes: r.homes })),
          'public-by-initiative',
        ),
      ),
      card(
        t('publicByMunicipality'),
        null,
        bars(
          s.byMunicipality.map((r) => ({ label: r.municipality, homes: r.homes })),
          'public-by-municipality',
        ),
      ),
      card(
        t('publicByQuarter'),
        null,
        bars(
          s.byQuarter.map((r) => ({ label: r.quarter, homes: r.homes })),
          'public-by-quarter',
        ),
      ),
    ),
    card(
      t('publicPartners'),
      `${fmt.int(s.partners.length)}`,
      s.partners.length
        ? h(
            'div',
            { class: 'sector-grid', 'data-testid': 'public-partners' },
            ...[...sectors.entries()].map(([sector, list]) =>
              h(
                'div',
                { class: 'sector' },
                h('h3', null, label.sector(sector)),
                h(
                  'ul',
                  null,
                  ...list.map((p) =>
                    h(
                      'li',
                      null,
                      p.name,
                      p.municipality ? h('span', { class: 'muted' }, ` · ${p.municipality}`) : null,
                    ),
                  ),
                ),
              ),
            ),
          )
        : empty(t('noData')),
    ),
    h(
      'p',
      { class: 'muted small public-foot' },
      t('publicSuppressed', { n: s.suppressedBelow }),
      ' ',
      t('publicUpdated', { date: fmt.date(s.asOf) }),
      currentSession() ? null : [' ', h('a', { href: '#/login' }, t('loginForMore'))],
    ),
  );
  markRendered('public');
}

/** Bars drawn with CSS: a suppressed cell ("<5") shows as a small hatched stub, never as a value. */
function bars(rows: Array<{ label: string; homes: PublicCount }>, testId: string): HTMLElement {
  if (!rows.length) return empty(t('noData'));
  const max = Math.max(5, ...rows.map((r) => (typeof r.homes === 'number' ? r.homes : 0)));
  return h(
    'ul',
    { class: 'hbars', 'data-testid': testId },
    ...rows.map((r) => {
      const small = typeof r.homes !== 'number';
      const width = small ? 2 : Math.max(2, (Number(r.homes) / max) * 100);
      return h(
        'li',
        { class: small ? 'hbar suppressed' : 'hbar' },
        h('span', { class: 'hbar-label' }, r.label),
        h(
          'span',
          { class: 'hbar-track' },
          h('span', { class: 'hbar-fill', style: { width: `${width}%` } }),
        ),
        h(
          'span',
          { class: 'hbar-value' },
          // 'hidden': a second cell withheld so that a single "<5" cannot be worked out from the total.
          small ? (r.homes === 'hidden' ? '·' : '<5') : fmt.int(Number(r.homes)),
        ),
      );
    }),
  );
}
