import type { ImportReport } from '../api';
import { currentSession } from '../session';
import { h, mount } from '../dom';
import { lang } from '../i18n';
import { pageHeader } from '../ui';

const KINDS = ['', 'partners', 'initiatives', 'declarations', 'seats', 'housing-counts'];

const words = {
  da: {
    title: 'Importér regneark',
    sub: 'Sekretariatets regneark (.xlsx eller .csv): først et prøveløb, så registrering.',
    file: 'Fil',
    kind: 'Slags (valgfri)',
    any: 'efter arkets navn',
    check: 'Prøveløb',
    apply: 'Registrér',
    validOnly: 'Registrér kun de godkendte rækker',
    template: 'Skabelon',
    row: 'Række',
    status: 'Status',
    what: 'Hvad / hvorfor',
  },
  en: {
    title: 'Import spreadsheets',
    sub: "The secretariat's spreadsheets (.xlsx or .csv): a dry run first, then record.",
    file: 'File',
    kind: 'Kind (optional)',
    any: 'by the sheet name',
    check: 'Dry run',
    apply: 'Record',
    validOnly: 'Record only the accepted rows',
    template: 'Template',
    row: 'Row',
    status: 'Status',
    what: 'What / why',
  },
};

async function send(file: File, kind: string, apply: boolean, validOnly: boolean) {
  const form = new FormData();
  form.append('file', file);
  if (kind) form.append('kind', kind);
  form.append('apply', String(apply));
  form.append('validOnly', String(validOnly));
  const session = currentSession();
  const response = await fetch('/imports', {
    method: 'POST',
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
    body: form,
  });
  const payload = (await response.json().catch(() => ({}))) as Partial<ImportReport> & {
    message?: string;
  };
  return { status: response.status, report: payload };
}

async function download(kind: string): Promise<void> {
  const session = currentSession();
  const response = await fetch(`/imports/templates/${kind}`, {
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
  });
  if (!response.ok) return;
  const link = h('a', {
    href: URL.createObjectURL(await response.blob()),
    download: `${kind}-template.xlsx`,
  });
  link.click();
}

/** Upload form: the dry-run report first; "Record" only after a check of the same file. */
export function renderImport(view: HTMLElement): void {
  const w = words[lang() === 'en' ? 'en' : 'da'];
  const fileInput = h('input', { type: 'file', accept: '.xlsx,.csv', 'data-field': 'file' });
  const kindSelect = h(
    'select',
    { 'data-field': 'kind' },
    ...KINDS.map((kind) => h('option', { value: kind }, kind || w.any)),
  );
  const validOnly = h('input', { type: 'checkbox', 'data-field': 'validOnly' });
  const result = h('div', { class: 'stack' });
  const applyButton = h(
    'button',
    { class: 'btn btn-primary', type: 'button', disabled: true },
    w.apply,
  );
  let checked: File | undefined;

  const show = (status: number, report: Partial<ImportReport> & { message?: string }) => {
    const good = report.outcome === 'checked' || report.outcome === 'applied';
    const rejected = report.summary?.rejected ?? 0;
    mount(
      result,
      h(
        'div',
        {
          class: `alert ${good && !rejected ? 'alert-good' : good ? 'alert-warn' : 'alert-bad'}`,
          role: 'status',
        },
        h('div', null, h('strong', null, `${status}`), ' ', report.message ?? ''),
      ),
      ...(report.problems ?? []).map((p) => h('div', { class: 'alert alert-bad' }, p.message)),
      report.rows?.length
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'table' },
              h(
                'thead',
                null,
                h('tr', null, h('th', null, w.row), h('th', null, w.status), h('th', null, w.what)),
              ),
              h(
                'tbody',
                null,
                ...report.rows.slice(0, 500).map((row) =>
                  h(
                    'tr',
                    { 'data-row': row.row },
                    h('td', null, String(row.row)),
                    h(
                      'td',
                      null,
                      h(
                        'span',
                        {
                          class: `badge ${row.status === 'rejected' ? 'badge-bad' : 'badge-good'}`,
                        },
                        row.status,
                      ),
                    ),
                    h(
                      'td',
                      null,
                      row.problems.length
                        ? row.problems.map((p) => h('div', null, `${p.text} [${p.rule}]`))
                        : row.commands
                            .filter((c) => c.status !== 'not-needed')
                            .map((c) => h('div', null, c.summary)),
                    ),
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  };

  const run = async (apply: boolean) => {
    const file = apply ? checked : fileInput.files?.[0];
    if (!file) return;
    const { status, report } = await send(file, kindSelect.value, apply, validOnly.checked);
    show(status, report);
    checked = !apply && report.outcome === 'checked' ? file : undefined;
    applyButton.disabled = !checked;
  };
  applyButton.addEventListener('click', () => void run(true));
  fileInput.addEventListener('change', () => {
    checked = undefined;
    applyButton.disabled = true;
  });

  mount(
    view,
    pageHeader(w.title, w.sub),
    h(
      'div',
      { class: 'card form-card' },
      h('label', { class: 'field' }, h('span', { class: 'label' }, w.file), fileInput),
      h('label', { class: 'field' }, h('span', { class: 'label' }, w.kind), kindSelect),
      h('label', { class: 'check' }, validOnly, ' ', w.validOnly),
      h(
        'div',
        { class: 'form-actions' },
        h('button', { class: 'btn', type: 'button', onClick: () => void run(false) }, w.check),
        applyButton,
        ...KINDS.filter(Boolean).map((kind) =>
          h(
            'button',
            { class: 'btn btn-ghost btn-sm', type: 'button', onClick: () => void download(kind) },
            `${w.template}: ${kind}`,
          ),
        ),
      ),
    ),
    result,
  );
}
