import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { fmt } from './i18n';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Filler,
  Legend,
  Tooltip,
);
Chart.defaults.font.family =
  "'Inter', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#4b5563';
Chart.defaults.locale = 'da-DK';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export const palette = {
  primary: '#0f5e9c',
  primarySoft: 'rgba(15, 94, 156, 0.12)',
  accent: '#e07a1f',
  planned: '#94a3b8',
  goal: '#b42318',
  bars: ['#0f5e9c', '#2a8c82', '#e07a1f', '#7a5195', '#d1495b', '#5c8001', '#1f77b4', '#8c6d31'],
  grid: '#e5e7eb',
};

/**
 * The charts on screen, by name, for the end-to-end tests (`window.__ledgerDashboard`): they read
 * a chart's data instead of its pixels.
 */
interface DashboardHooks {
  charts: Record<string, Chart>;
  renders: number;
  page: string;
}
const hooks: DashboardHooks = { charts: {}, renders: 0, page: '' };
(window as unknown as { __ledgerDashboard: DashboardHooks }).__ledgerDashboard = hooks;

export function markRendered(page: string): void {
  hooks.page = page;
  hooks.renders += 1;
  document.body.dataset.page = page;
  document.body.dataset.renders = String(hooks.renders);
}

export function renderCount(): number {
  return hooks.renders;
}

export function destroyCharts(): void {
  for (const chart of Object.values(hooks.charts)) chart.destroy();
  hooks.charts = {};
}

export function chart(name: string, canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  hooks.charts[name]?.destroy();
  const created = new Chart(canvas, config);
  hooks.charts[name] = created;
  canvas.dataset.chart = name;
  return created;
}

/** A horizontal bar chart of a breakdown (initiative, municipality, partner). */
export function breakdownChart(
  name: string,
  canvas: HTMLCanvasElement,
  rows: Array<{ label: string; homes: number }>,
  color: string,
  seriesLabel: string,
): Chart {
  return chart(name, canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: seriesLabel,
          data: rows.map((r) => r.homes),
          backgroundColor: color,
          borderRadius: 4,
          maxBarThickness: 22,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => ` ${fmt.int(Number(item.raw))}` } },
      },
      scales: {
        x: {
          beginAtZero: true,
          grid: { color: palette.grid },
          ticks: { callback: (value) => fmt.int(Number(value)), precision: 0 },
        },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
    },
  });
}
