// Designing a harvest and editing it: title, programme (fixed once made), questions in markdown,
// period, domains (one a line), and the move to the next status (never back, never skipping).
import { h, newId } from '../../core/dom';
import { api, ApiError, patch, post, type List } from '../../core/api';
import { t } from '../../core/i18n';
import { navigate } from '../../core/router';
import type { MessageKey } from '../../i18n/en';
import { field, showErrors } from '../../components/field';
import { otherNames } from '../../components/other-names';
import { markdownEditor } from '../../components/markdown-field';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

export const HARVEST_STATUSES = ['design', 'collecting', 'substantiating', 'analysing', 'closed'] as const;
type NamedDomain = { code: string; name: string; names: Record<string, string> };
type Harvest = { id: string; title: string; status: string; programme: { id: string; name: string }; questions: string | null; periodStart: string | null; periodEnd: string | null; domains: string[]; domainList?: NamedDomain[] };

export async function harvestFormView(id: string | null): Promise<HTMLElement> {
  const x = id ? await api<Harvest>(`/api/harvests/${id}`) : null;
  const heading = x ? t('harvest.edit') : t('harvest.new');
  setTitle(heading);
  const programmes = x ? [] : (await api<List<{ id: string; name: string }>>('/api/programmes?pageSize=200')).items;
  const title = h('input', { type: 'text', name: 'title', value: x?.title ?? '', required: true });
  const programme = h('select', { name: 'programmeId', required: true, disabled: !!x },
    x ? h('option', { value: x.programme.id }, x.programme.name) : programmes.map((p) => h('option', { value: p.id }, p.name)));
  const questions = markdownEditor('questions', x?.questions ?? '', { rows: 6 });
  const start = h('input', { type: 'date', name: 'periodStart', value: x?.periodStart ?? '' });
  const end = h('input', { type: 'date', name: 'periodEnd', value: x?.periodEnd ?? '' });
  const domains = h('textarea', { name: 'domains', rows: 4 }, (x?.domains ?? []).join('\n'));
  // a saved domain is named in other languages here; its code stays as stories are filed under it
  const named = (x?.domainList ?? []).map((d) => ({ d, names: otherNames(`/domainList/${d.code}/names`, d.name, d.names) }));
  const namesBox = named.length ? h('fieldset', { class: 'field domain-names' }, h('legend', {}, t('harvest.domainNames')),
    h('p', { class: 'hint' }, t('harvest.domainNamesHint')), named.map((n) => n.names.box)) : null;
  const next = x ? HARVEST_STATUSES[HARVEST_STATUSES.indexOf(x.status as (typeof HARVEST_STATUSES)[number]) + 1] : undefined;
  const move = next ? h('input', { type: 'checkbox', name: 'advance', id: newId('advance') }) : null;
  const fields = [
    field('/title', t('harvest.field.title'), title, { required: true }),
    field('/programmeId', t('harvest.field.programme'), programme, { required: true }),
    field('/questions', t('harvest.questions'), questions.control),
    field('/periodStart', t('harvest.field.periodStart'), start),
    field('/periodEnd', t('harvest.field.periodEnd'), end),
    field('/domains', t('harvest.field.domains'), domains, { hint: t('harvest.field.domainsHint') }),
  ];
  const renamed = () => named.filter((n) => list().includes(n.d.name) && JSON.stringify(n.names.read()) !== JSON.stringify(n.d.names));
  const list = () => domains.value.split('\n').map((d) => d.trim()).filter(Boolean);
  // the editor's text area sits in its field (label, errors) with the preview beside it
  fields[2].box.appendChild(questions.element);
  questions.element.prepend(questions.control);
  const summary = h('div', { class: 'error-summary', hidden: true, tabindex: '-1' });
  const form = h('form', { class: 'form', novalidate: true }, summary, fields.map((f) => f.box), namesBox,
    move ? h('div', { class: 'field choice' }, move, h('label', { for: move.id }, t('harvest.moveTo', { status: t(`harvest.status.${next}` as MessageKey) }))) : null,
    h('p', {}, h('button', { type: 'submit', class: 'button primary' }, t('harvest.save')), ' ', h('a', { href: '/harvests' }, t('harvest.cancel'))));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body: Record<string, unknown> = { title: title.value.trim(), domains: list() };
    if (questions.control.value.trim()) body.questions = questions.control.value;
    else if (x) body.questions = null;
    if (start.value) body.periodStart = start.value; else if (x) body.periodStart = null;
    if (end.value) body.periodEnd = end.value; else if (x) body.periodEnd = null;
    if (move?.checked) body.status = next;
    if (!x) body.programmeId = programme.value;
    const saved = x ? patch(`/api/harvests/${x.id}`, body).then(() => Promise.all(renamed().map((n) =>
      patch(`/api/harvests/${x.id}/domains/${encodeURIComponent(n.d.code)}`, { names: n.names.read() })))) : post('/api/harvests', body);
    saved.then(() => {
      announce(t('harvest.saved'));
      navigate('/harvests');
    }, (e: unknown) => {
      showErrors(summary, [...fields, ...named.flatMap((n) => n.names.fields)], e instanceof ApiError && e.errors.length ? e.errors : [{ path: '', message: errorMessage(e) }]);
    });
  });
  return h('div', { class: 'page harvest-form' }, h('h1', {}, heading), form);
}
