// Small labelled markers used across screens: the lifecycle status and the sensitivity of a record.
import { h } from '../core/dom';
import { t } from '../core/i18n';
import type { MessageKey } from '../i18n/en';

export const statusLabel = (s: string) => t(`status.${s}` as MessageKey);
/** A chart mark's tone as words: its conclusion, retracted, or not yet concluded (charts/common toneOf). */
export const toneLabel = (tone: string) => (tone === 'pending' ? t('dash.notConcluded') : statusLabel(tone));

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status-${status}` }, statusLabel(status));
}

export function sensitivityBadge(s: string): HTMLElement {
  return h('span', { class: `badge sensitivity-${s}` }, t(`sensitivity.${s}` as MessageKey));
}
