// A markdown text area with a live preview beside it, rendered by the shared markdown module.
import { debounce, h, newId } from '../core/dom';
import { t } from '../core/i18n';
import { renderMarkdown } from '../core/markdown';
import { field, type FieldBox } from './field';

export function markdownEditor(name: string, value: string, opts: { rows?: number; language?: string } = {}): { control: HTMLTextAreaElement; element: HTMLElement; refresh: () => void } {
  const id = newId(name);
  const control = h('textarea', { id, name, rows: opts.rows ?? 6, dir: 'auto', spellcheck: true });
  control.value = value;
  const preview = h('div', { class: 'prose preview', id: `${id}-preview`, dir: 'auto' });
  const refresh = () => {
    preview.replaceChildren(control.value.trim() ? renderMarkdown(control.value) : h('p', { class: 'muted' }, t('form.previewEmpty')));
  };
  control.addEventListener('input', debounce(refresh, 150));
  refresh();
  const element = h('div', { class: 'markdown-editor' }, control,
    h('div', { class: 'preview-pane' }, h('p', { class: 'preview-label' }, t('form.preview')), preview));
  return { control, element, refresh };
}

/** A markdown field: the label and hint wired to the text area, the live preview beside it. */
export function mdField(path: string, label: string, ed: ReturnType<typeof markdownEditor>, required = true): FieldBox {
  const f = field(path, label, ed.control, { required, hint: t('form.markdownHint') });
  ed.element.prepend(ed.control);
  f.box.append(ed.element);
  return f;
}
