import { read, type Progress } from '../api';
import { breakdownChart, chart, markRendered, palette } from '../charts';
import { h, mount } from '../dom';
import { fmt, t } from '../i18n';
import { state } from '../state';
import { asOfPicker, badge, card, empty, failure, loading, pageHeader } from '../ui';

/** Progress toward the goal: figures, the cumulative line against the pace needed, breakdowns. */
export async function renderProgress(view: HTMLElement): Promise<void> {
  const body = h('div', { class: 'stack' }, loading());
  mount(
    view,
    pageHeader(
      t('navProgress'),
      t('cumulativeSub'),
      asOfPicker(() => void renderProgress(view)),
    ),
    body,
  );
  let progress: Progress;
  try {
    progress = await read('/progress', { query: { asOf: state.asOf || undefined } });
  } catch (error) {
    mount(
      body,
      failure(error, () => void renderProgress(view)),
    );
    return;
  }
  mount(
    body,
    kpis(progress),
    cumulativeCard(progress),
    breakdowns(progress),
    yearAndRestatements(progress),
  );
  drawCharts(body, progress);
}

function kpis(p: Progress): HTMLElement {
  const goal = p.goal;
  const share = goal ? Math.min(1, p.homes / goal.homes) : 0;
  const pace = p.pace;
  const forecast =
    goal && p.homes >= goal.homes
      ? badge(t('goalReached'), 'good')
      : pace?.forecastYear
        ? badge(pace.onTrack ? t('onTrack') : t('behind'), pace.onTrack ? 'good' : 'bad')
        : null;
  return h(
    'div',
    { class: 'kpis' },
    h(
      'div',
      { class: 'kpi kpi-main' },
      h('div', { class: 'kpi-label' }, t('homesTotal')),
      h('div', { class: 'kpi-value', 'data-testid': 'homes-total' }, fmt.int(p.homes)),
      goal
        ? h(
            'div',
            { class: 'kpi-sub' },
            `${t('ofGoal', { goal: fmt.int(goal.homes) })} · ${fmt.pct(share)}`,
          )
        : null,
      goal
        ? h(
            'div',
            {
              class: 'meter',
              role: 'progressbar',
              'aria-valuenow': Math.round(share * 100),
              'aria-valuemin': 0,
              'aria-valuemax': 100,
            },
            h('span', { style: { width: `${(share * 100).toFixed(1)}%` } }),
          )
        : null,
    ),
    h(
      'div',
      { class: 'kpi' },
      h('div', { class: 'kpi-label' }, t('remaining')),
      h(
        'div',
        { class: 'kpi-value', 'data-testid': 'homes-remaining' },
        p.remaining === null ? '–' : fmt.int(p.remaining),
      ),
      goal ? h('div', { class: 'kpi-sub' }, t('remainingHint', { year: goal.toYear })) : null,
    ),
    h(
      'div',
      { class: 'kpi' },
      h('div', { class: 'kpi-label' }, t('achievedPace')),
      h(
        'div',
        { class: 'kpi-value' },
        pace ? fmt.dec(pace.achievedPerYear) : '–',
        h('small', null, ` ${t('perYear')}`),
      ),
      pace
        ? h('div', { class: 'kpi-sub' }, t('plannedPace', { n: fmt.dec(pace.plannedPerYear) }))
        : null,
    ),
    h(
      'div',
      { class: 'kpi' },
      h('div', { class: 'kpi-label' }, t('neededPace')),
      h(
        'div',
        { class: 'kpi-value' },
        pace?.neededPerYear != null ? fmt.dec(pace.neededPerYear) : '–',
        h('small', null, ` ${t('perYear')}`),
      ),
      goal ? h('div', { class: 'kpi-sub' }, t('remainingHint', { year: goal.toYear })) : null,
    ),
    h(
      'div',
      { class: 'kpi' },
      h('div', { class: 'kpi-label' }, t('forecast')),
      h(
        'div',
        { class: 'kpi-value', 'data-testid': 'forecast-year' },
        pace?.forecastYear ? String(pace.forecastYear) : '–',
      ),
      h(
        'div',
        { class: 'kpi-sub' },
        pace?.forecastYear ? t('forecastHint') : t('noForecast'),
        ' ',
        forecast,
      ),
    ),
  );
}

function cumulativeCard(p: Progress): HTMLElement {
  return card(
    t('cumulativeTitle'),
    t('cumulativeSub'),
    h(
      'div',
      { class: 'chart chart-tall' },
      h('canvas', { id: 'chart-cumulative', 'aria-label': t('cumulativeTitle'), role: 'img' }),
    ),
    p.byQuarter.length === 0 ? empty(t('noData')) : null,
  );
}

function breakdowns(p: Progress): HTMLElement {
  return h(
    'div',
    { class: 'grid-2' },
    card(
      t('byInitiative'),
      null,
      p.byInitiative.length
        ? h(
            'div',
            { class: 'chart', style: { height: `${barHeight(p.byInitiative.length)}px` } },
            h('canvas', { id: 'chart-initiative' }),
          )
        : empty(t('noData')),
    ),
    card(
      t('byMunicipality'),
      null,
      p.byMunicipality.length
        ? h(
            'div',
            {
              class: 'chart',
              style: { height: `${barHeight(Math.min(p.byMunicipality.length, TOP + 1))}px` },
            },
            h('canvas', { id: 'chart-municipality' }),
          )
        : empty(t('noData')),
    ),
  );
}

function yearAndRestatements(p: Progress): HTMLElement {
  const list = p.restatements.slice(-8).reverse();
  return h(
    'div',
    { class: 'grid-2' },
    card(
      t('byYear'),
      null,
      p.byYear.length
        ? h('div', { class: 'chart' }, h('canvas', { id: 'chart-year' }))
        : empty(t('noData')),
    ),
    card(
      t('restatements'),
      p.restatements.length ? `${fmt.int(p.restatements.length)}` : null,
      list.length
        ? h(
            'ul',
            { class: 'restatements' },
            ...list.map((r) =>
              h(
                'li',
                null,
                h(
                  'div',
                  { class: 'restatement-title' },
                  r.kind === 'retracted'
                    ? t('retracted', { id: r.reportId, from: fmt.int(r.from) })
                    : t('restated', { id: r.reportId, from: fmt.int(r.from), to: fmt.int(r.to) }),
                ),
                h('div', { class: 'muted small' }, `${fmt.date(r.restatedOn)} · ${r.reason}`),
              ),
            ),
          )
        : empty(t('restatementsNone')),
    ),
  );
}

const TOP = 10;
const barHeight = (rows: number) => Math.max(140, rows * 30 + 40);

/** The quarters the line covers: from the goal's first year (or the first report) to its last. */
export function quarterAxis(p: Progress): string[] {
  const reported = p.byQuarter.map((q) => q.year);
  const asOfYear = Number(p.asOf.slice(0, 4));
  const first = Math.min(p.goal?.fromYear ?? Infinity, ...reported, asOfYear);
  const last = Math.max(p.goal?.toYear ?? -Infinity, ...reported, p.goal ? -Infinity : asOfYear);
  const quarters: string[] = [];
  for (let year = first; year <= last; year++)
    for (let q = 1; q <= 4; q++) quarters.push(`${year}-Q${q}`);
  return quarters;
}

function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The three lines of the main chart: homes so far, the planned pace, the pace needed from now. */
export function cumulativeSeries(p: Progress) {
  const axis = quarterAxis(p);
  const byPeriod = new Map(p.byQuarter.map((q) => [q.period, q.cumulative]));
  const lastReported = p.byQuarter.at(-1)?.period ?? '';
  const now = quarterOf(p.asOf);
  const end = lastReported > now ? lastReported : now;
  let running = 0;
  const achieved = axis.map((period) => {
    if (period > end) return null;
    running = byPeriod.get(period) ?? running;
    return running;
  });
  const goal = p.goal;
  if (!goal) return { axis, achieved, planned: [], needed: [], goalLine: [] };
  const startIndex = axis.indexOf(`${goal.fromYear}-Q1`);
  const endIndex = axis.indexOf(`${goal.toYear}-Q4`);
  const span = endIndex - startIndex + 1;
  const planned = axis.map((_, i) =>
    i < startIndex || i > endIndex ? null : Math.round((goal.homes * (i - startIndex + 1)) / span),
  );
  // From the present quarter (or the one before, in the goal's last quarter, so there is a line).
  const nowIndex = Math.min(axis.indexOf(end), endIndex - 1);
  const needed = axis.map((_, i) => {
    if (p.homes >= goal.homes || nowIndex < 0 || i < nowIndex || i > endIndex) return null;
    if (i === nowIndex) return achieved[i] ?? p.homes;
    return Math.round(p.homes + ((goal.homes - p.homes) * (i - nowIndex)) / (endIndex - nowIndex));
  });
  const goalLine = axis.map(() => goal.homes);
  return { axis, achieved, planned, needed, goalLine };
}

function drawCharts(root: HTMLElement, p: Progress): void {
  const cumulative = root.querySelector<HTMLCanvasElement>('#chart-cumulative');
  if (cumulative) {
    const s = cumulativeSeries(p);
    chart('cumulative', cumulative, {
      type: 'line',
      data: {
        labels: s.axis.map(fmt.quarter),
        datasets: [
          {
            label: t('seriesAchieved'),
            data: s.achieved,
            borderColor: palette.primary,
            backgroundColor: palette.primarySoft,
            fill: 'origin',
            borderWidth: 2.5,
            pointRadius: 0,
            pointHoverRadius: 4,
            tension: 0.15,
          },
          {
            label: t('seriesNeeded'),
            data: s.needed,
            borderColor: palette.accent,
            borderDash: [6, 4],
            borderWidth: 2,
            pointRadius: 0,
            fill: false,
          },
          {
            label: t('seriesPlanned'),
            data: s.planned,
            borderColor: palette.planned,
            borderDash: [2, 3],
            borderWidth: 1.5,
            pointRadius: 0,
            fill: false,
          },
          {
            label: `${t('seriesGoal')} ${p.goal ? fmt.int(p.goal.homes) : ''}`,
            data: s.goalLine,
            borderColor: palette.goal,
            borderWidth: 1,
            borderDash: [1, 0],
            pointRadius: 0,
            fill: false,
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: {
            position: 'bottom',
            labels: { usePointStyle: true, pointStyle: 'line', boxWidth: 28 },
          },
          tooltip: {
            callbacks: {
              label: (item) =>
                item.raw === null ? '' : ` ${item.dataset.label}: ${fmt.int(Number(item.raw))}`,
            },
          },
        },
        scales: {
          x: {
            grid: { display: false },
            ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12 },
          },
          y: {
            beginAtZero: true,
            grid: { color: palette.grid },
            ticks: { callback: (value) => fmt.int(Number(value)) },
          },
        },
      },
    });
  }
  const initiative = root.querySelector<HTMLCanvasElement>('#chart-initiative');
  if (initiative)
    breakdownChart('initiative', initiative, p.byInitiative, palette.primary, t('homes'));
  const municipality = root.querySelector<HTMLCanvasElement>('#chart-municipality');
  if (municipality) {
    const rows = p.byMunicipality.slice(0, TOP);
    const rest = p.byMunicipality.slice(TOP);
    if (rest.length) {
      rows.push({
        key: 'other',
        label: t('others', { n: rest.length }),
        homes: rest.reduce((sum, r) => sum + r.homes, 0),
      });
    }
    breakdownChart('municipality', municipality, rows, '#2a8c82', t('homes'));
  }
  const year = root.querySelector<HTMLCanvasElement>('#chart-year');
  if (year) {
    chart('year', year, {
      type: 'bar',
      data: {
        labels: p.byYear.map((y) => String(y.year)),
        datasets: [
          {
            label: t('homes'),
            data: p.byYear.map((y) => y.homes),
            backgroundColor: palette.primary,
            borderRadius: 4,
            maxBarThickness: 48,
          },
        ],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => ` ${fmt.int(Number(item.raw))}` } },
        },
        scales: {
          x: { grid: { display: false } },
          y: {
            beginAtZero: true,
            grid: { color: palette.grid },
            ticks: { callback: (v) => fmt.int(Number(v)), precision: 0 },
          },
        },
      },
    });
  }
  markRendered('progress');
}
