import { partners, read, type HistoryEntry, type PartnerDetail, type PartnerRow } from '../api';
import { markRendered } from '../charts';
import { h, icon, mount } from '../dom';
import { eventLabel, fmt, label, t, type Key } from '../i18n';
import { badge, card, empty, failure, icons, loading, pageHeader } from '../ui';

const DECLARATION: Record<
  string,
  { key: Key; tone: 'good' | 'warn' | 'bad' | 'neutral' | 'info' }
> = {
  draft: { key: 'declDraft', tone: 'warn' },
  signed: { key: 'declSigned', tone: 'good' },
  withdrawn: { key: 'declWithdrawn', tone: 'bad' },
  revised: { key: 'declRevised', tone: 'info' },
};

export function declarationBadge(status: string | null): HTMLElement {
  if (!status) return badge(t('noDeclaration'), 'neutral');
  const known = DECLARATION[status];
  return known ? badge(t(known.key), known.tone) : badge(status, 'neutral');
}

export function memberBadge(status: string): HTMLElement {
  return status === 'member' ? badge(t('member'), 'good') : badge(t('left'), 'neutral');
}

export async function renderPartners(view: HTMLElement): Promise<void> {
  const body = h('div', null, loading());
  mount(view, pageHeader(t('partnersTitle'), t('partnersSub')), body);
  let rows: PartnerRow[];
  try {
    rows = await partners(true);
  } catch (error) {
    mount(
      body,
      failure(error, () => void renderPartners(view)),
    );
    return;
  }
  const table = h(
    'table',
    { class: 'table table-click', 'data-testid': 'partners-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, t('name')),
        h('th', null, t('sector')),
        h('th', null, t('municipality')),
        h('th', null, t('status')),
        h('th', null, t('declaration')),
        h('th', null, t('signedOn')),
        h('th', { class: 'num' }, t('openCommitments')),
      ),
    ),
    h(
      'tbody',
      null,
      ...rows.map((p) =>
        h(
          'tr',
          {
            'data-partner': p.partnerId,
            onclick: () => (location.hash = `/partners/${encodeURIComponent(p.partnerId)}`),
          },
          h(
            'td',
            null,
            h(
              'a',
              { href: `#/partners/${encodeURIComponent(p.partnerId)}`, class: 'strong-link' },
              p.name,
            ),
          ),
          h('td', null, label.sector(p.sector)),
          h('td', null, p.municipality ?? '–'),
          h('td', null, memberBadge(p.status)),
          h('td', null, declarationBadge(p.declarationStatus)),
          h('td', null, p.declarationSignedAt ? fmt.date(p.declarationSignedAt) : '–'),
          h('td', { class: 'num' }, fmt.int(p.openCommitments)),
        ),
      ),
    ),
  );
  mount(
    body,
    card(null, null, rows.length ? h('div', { class: 'table-wrap' }, table) : empty(t('noData'))),
  );
}

export function historyList(
  entries: HistoryEntry[],
  describe: (e: HistoryEntry) => string | null = () => null,
): HTMLElement {
  if (!entries.length) return empty(t('none'));
  return h(
    'ol',
    { class: 'timeline timeline-compact' },
    ...[...entries]
      .reverse()
      .map((e) =>
        h(
          'li',
          { class: 'tl-item' },
          h('span', { class: 'tl-dot' }),
          h(
            'div',
            { class: 'tl-body' },
            h('div', { class: 'tl-head' }, h('time', null, fmt.date(e.occurredAt))),
            h(
              'div',
              { class: 'tl-title' },
              h('strong', null, eventLabel(e.kind)),
              describe(e) ? ` · ${describe(e)}` : null,
            ),
          ),
        ),
      ),
  );
}

export function backLink(href: string): HTMLElement {
  return h('a', { href, class: 'back-link' }, icon(icons.arrowLeft), t('back'));
}

export async function renderPartner(view: HTMLElement, partnerId: string): Promise<void> {
  mount(view, loading());
  let p: PartnerDetail;
  try {
    p = await read('/partners/{partnerId}', { path: { partnerId } });
  } catch (error) {
    mount(
      view,
      backLink('#/partners'),
      failure(error, () => void renderPartner(view, partnerId)),
    );
    return;
  }
  const declarations = p.declarations.length
    ? h(
        'div',
        { class: 'stack' },
        ...[...p.declarations]
          .reverse()
          .map((d) =>
            h(
              'article',
              { class: 'declaration', 'data-declaration': d.declarationId },
              h(
                'div',
                { class: 'declaration-head' },
                h('strong', null, t('version', { n: d.version })),
                declarationBadge(d.status),
                h(
                  'span',
                  { class: 'muted small' },
                  d.signedAt ? `${t('signedOn')} ${fmt.date(d.signedAt)}` : fmt.date(d.draftedAt),
                ),
              ),
              d.content.purpose
                ? h(
                    'p',
                    null,
                    h('span', { class: 'label' }, `${t('purpose')}: `),
                    d.content.purpose,
                  )
                : null,
              listBlock(t('contributionsToGoal'), d.content.contributionsToGoal),
              listBlock(t('contributionsToAlliance'), d.content.contributionsToAlliance),
              d.content.principles?.length
                ? h(
                    'div',
                    { class: 'tags' },
                    ...d.content.principles.map((x) =>
                      h('span', { class: 'tag' }, label.principle(x)),
                    ),
                  )
                : null,
              h('details', null, h('summary', null, t('history')), historyList(d.history)),
            ),
          ),
      )
    : empty(t('noDeclaration'));
  const commitments = p.commitments.length
    ? h(
        'table',
        { class: 'table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, t('commitments')),
            h('th', { class: 'num' }, t('target')),
            h('th', null, t('due')),
            h('th', null, t('status')),
          ),
        ),
        h(
          'tbody',
          null,
          ...p.commitments.map((c) =>
            h(
              'tr',
              null,
              h('td', null, c.description),
              h('td', { class: 'num' }, `${fmt.int(c.targetQuantity)} ${c.targetUnit}`),
              h('td', null, fmt.date(c.dueOn)),
              h(
                'td',
                null,
                badge(
                  c.status,
                  c.status === 'fulfilled' ? 'good' : c.status === 'open' ? 'info' : 'neutral',
                ),
              ),
            ),
          ),
        ),
      )
    : empty(t('none'));
  mount(
    view,
    backLink('#/partners'),
    h(
      'div',
      { class: 'page-header' },
      h(
        'div',
        null,
        h('h1', null, p.name),
        h(
          'p',
          { class: 'muted' },
          [label.sector(p.sector), p.municipality, `${t('joined')} ${fmt.date(p.joinedAt)}`]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
      h(
        'div',
        { class: 'page-actions' },
        memberBadge(p.status),
        p.currentDeclaration
          ? declarationBadge(p.currentDeclaration.status)
          : badge(t('noDeclarationLong')),
      ),
    ),
    h(
      'div',
      { class: 'grid-2 grid-wide-left' },
      h(
        'div',
        { class: 'stack' },
        card(t('declarations'), null, declarations),
        card(t('commitments'), null, commitments),
      ),
      card(
        t('history'),
        null,
        historyList(p.history, (e) =>
          typeof e.to === 'string' && typeof e.from === 'string' ? `${e.from} → ${e.to}` : null,
        ),
      ),
    ),
  );
  markRendered('partners-detail');
}

function listBlock(title: string, items: string[] | undefined): HTMLElement | null {
  if (!items?.length) return null;
  return h(
    'div',
    { class: 'list-block' },
    h('div', { class: 'label' }, title),
    h('ul', null, ...items.map((x) => h('li', null, x))),
  );
}
