// Evidence files of an outcome, story or fragment: the list (title, type, size, date, download) and,
// for those the server lets attach files, an upload form with its progress. Files are personal
// data: whoever receives the record redacted (donors, other organisations) sees no section at all.
import { h, newId, replace } from '../core/dom';
import { api, ApiError, postWithProgress } from '../core/api';
import { formatDate, formatNumber, t } from '../core/i18n';
import { me } from '../core/session';
import type { MessageKey } from '../i18n/en';
import { announce } from '../core/page';
import { errorMessage } from '../core/errors';

export type FileInfo = { id: string; name: string | null; title: string | null; kind: string; contentType: string; size: number; createdAt: string };
export type FileTarget = { type: 'outcome' | 'story' | 'fragment'; id: string; redacted?: boolean; files?: FileInfo[] };

/** What server/files/upload.ts accepts (it sniffs the content; the names only guide the picker). */
export const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp,.mp3,.m4a,.ogg,.oga,.opus,.wav';
const FORMATS: Array<[RegExp, string]> = [
  [/pdf/, 'PDF'], [/wordprocessingml/, 'Word'], [/spreadsheetml/, 'Excel'], [/jpeg/, 'JPEG'], [/png/, 'PNG'], [/webp/, 'WebP'],
  [/mpeg|mp3/, 'MP3'], [/mp4|m4a/, 'M4A'], [/ogg|opus/, 'OGG'], [/wav|wave/, 'WAV'],
];
const formatOf = (contentType: string) => FORMATS.find(([re]) => re.test(contentType))?.[1] ?? contentType;

export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  if (bytes < 1024 * 1024) return formatNumber(bytes / 1024, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 });
  return formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
}

/**
 * Mirrors server/files/service.ts: personal data (and so files) reach only those who get the record
 * unredacted; of those, anyone but a donor may attach (its organisation, its evaluators, admins) —
 * the server allows it in every state it shows the record in.
 */
const seesFiles = (target: FileTarget) => !target.redacted && !!me() && me()!.role !== 'donor';

async function loadFiles(target: FileTarget): Promise<FileInfo[]> {
  const id = encodeURIComponent(target.id);
  if (target.type === 'outcome') return (await api<{ files?: FileInfo[] }>(`/api/outcomes/${id}/evidence`)).files ?? [];
  return (await api<{ files?: FileInfo[] }>(`/api/${target.type === 'story' ? 'stories' : 'fragments'}/${id}`)).files ?? [];
}

function fileList(files: FileInfo[]): HTMLElement {
  if (!files.length) return h('p', { class: 'muted' }, t('files.none'));
  return h('ul', { class: 'file-list' }, files.map((f) => {
    const title = f.title || f.name || t('files.untitled');
    return h('li', { 'data-file-id': f.id },
      h('span', { class: 'file-title', dir: 'auto' }, title),
      h('span', { class: 'meta' }, [t(`files.kind.${f.kind}` as MessageKey), formatOf(f.contentType), sizeLabel(f.size), formatDate(f.createdAt)].join(' · ')),
      h('a', { href: `/api/files/${encodeURIComponent(f.id)}`, download: '', class: 'button secondary small', 'aria-label': t('files.downloadNamed', { title }) }, t('files.download')));
  }));
}

/**
 * Uploads under way, by record. The page may be drawn again while one runs (a language switch, a
 * saved edit): the new form picks the upload up, shows its progress, and lists the file when it lands.
 */
type Upload = { percent: number; onProgress: Set<(percent: number) => void>; done: Promise<FileInfo> };
const uploads = new Map<string, Upload>();
const keyOf = (target: FileTarget) => `${target.type}:${target.id}`;

function startUpload(target: FileTarget, data: FormData): Upload {
  const state = { percent: 0, onProgress: new Set<(percent: number) => void>() };
  const done = postWithProgress<FileInfo>('/api/files', data, (loaded, total) => {
    state.percent = Math.round((loaded / total) * 100);
    state.onProgress.forEach((fn) => fn(state.percent));
  }).finally(() => uploads.delete(keyOf(target)));
  const upload: Upload = Object.assign(state, { done });
  uploads.set(keyOf(target), upload);
  return upload;
}

/** Our own sentence for what went wrong, and the server's detail (in English) beside it where it says more. */
function uploadError(e: unknown): HTMLElement[] {
  const mine = e instanceof ApiError && e.status === 413 ? t('files.tooLarge')
    : e instanceof ApiError && (e.status === 415 || e.status === 422) ? t('files.refusedType')
      : e instanceof ApiError && e.status === 400 ? t('files.invalid') : errorMessage(e);
  const detail = e instanceof ApiError && e.status >= 400 && e.status < 500 && e.problem
    ? [e.problem.detail, ...e.errors.map((x) => x.message)].filter((x): x is string => !!x && x !== e.problem?.title) : [];
  return [h('span', {}, mine), ...detail.map((d) => h('span', { class: 'server-detail', lang: 'en', dir: 'ltr' }, d))];
}

function uploadForm(target: FileTarget, level: 3 | 4, onUploaded: (f: FileInfo) => void): HTMLElement {
  const headingId = newId('file-upload-title');
  const fileId = newId('evidence-file');
  const titleId = newId('evidence-title');
  const file = h('input', { type: 'file', id: fileId, name: 'file', accept: ACCEPT, 'aria-describedby': `${fileId}-hint ${fileId}-error` });
  const title = h('input', { type: 'text', id: titleId, name: 'title', maxlength: 300, dir: 'auto', 'aria-describedby': `${titleId}-hint` });
  const error = h('div', { class: 'field-error file-error', id: `${fileId}-error`, role: 'alert' });
  const bar = h('progress', { max: 100, value: 0, 'aria-label': t('files.progress'), hidden: true });
  const status = h('span', { class: 'upload-status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('files.upload'));
  const form = h('form', { class: 'file-upload', novalidate: true, 'aria-labelledby': headingId },
    h(level === 3 ? 'h3' : 'h4', { id: headingId }, t('files.addTitle')),
    h('div', { class: 'field' }, h('label', { for: fileId }, t('files.file')), h('p', { class: 'hint', id: `${fileId}-hint` }, t('files.accepted')), error, file),
    h('div', { class: 'field' }, h('label', { for: titleId }, t('files.title'), h('span', { class: 'required' }, ` (${t('files.optional')})`)),
      h('p', { class: 'hint', id: `${titleId}-hint` }, t('files.titleHint')), title),
    h('div', { class: 'form-actions' }, submit, bar, status));
  const fail = (content: HTMLElement[] | string) => {
    file.setAttribute('aria-invalid', 'true');
    replace(error, content);
  };
  // shows an upload's progress and its end in this form (the one that started it, or a later one)
  const follow = (upload: Upload) => {
    submit.disabled = true;
    bar.hidden = false;
    status.textContent = t('files.uploading');
    delete status.dataset.quarter;
    const show = (percent: number) => {
      bar.value = percent;
      // the live region speaks at each quarter, not at every percent
      const quarter = Math.floor(percent / 25) * 25;
      if (quarter > 0 && status.dataset.quarter !== String(quarter)) {
        status.dataset.quarter = String(quarter);
        status.textContent = t('files.uploadingPercent', { percent: quarter });
      }
    };
    show(upload.percent);
    upload.onProgress.add(show);
    upload.done.then((saved) => {
      if (!form.isConnected) return;
      form.reset();
      status.textContent = '';
      announce(t('files.uploaded', { title: saved.title || saved.name || t('files.untitled') }));
      onUploaded(saved);
    }, (e) => {
      if (!form.isConnected) return;
      status.textContent = '';
      fail(uploadError(e));
      file.focus();
    }).finally(() => { upload.onProgress.delete(show); submit.disabled = false; bar.hidden = true; });
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = file.files?.[0];
    file.removeAttribute('aria-invalid');
    replace(error);
    if (!chosen) return void fail(t('files.chooseFile'));
    const data = new FormData();
    data.set(`${target.type}Id`, target.id);
    if (title.value.trim()) data.set('title', title.value.trim());
    data.set('file', chosen);
    follow(startUpload(target, data));
  });
  const running = uploads.get(keyOf(target));
  if (running) follow(running);
  return form;
}

/**
 * The files section of a record's detail screen, or null where the user may not see files. Stories
 * and fragments carry their files; an outcome's come from its evidence.
 */
export async function filesSection(target: FileTarget, level: 2 | 3 = 2): Promise<HTMLElement | null> {
  if (!seesFiles(target)) return null;
  const headingId = newId('files-title');
  const list = h('div', { class: 'file-list-slot' }, fileList(target.files ?? await loadFiles(target)));
  const refresh = async () => {
    try {
      replace(list, fileList(await loadFiles(target)));
    } catch (e) {
      replace(list, h('p', { class: 'alert', role: 'alert' }, errorMessage(e)));
    }
  };
  return h('section', { class: `files ${level === 2 ? 'detail-section' : ''}`, 'aria-labelledby': headingId },
    h(level === 2 ? 'h2' : 'h3', { id: headingId }, t('files.heading')), list,
    uploadForm(target, level === 2 ? 3 : 4, () => void refresh()));
}
