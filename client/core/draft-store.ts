// Form drafts kept on this device, so nothing typed is lost when the connection or the session
// drops mid-form. Keyed by user and record; cleared once the server has the text.
export type StoredDraft<T> = { savedAt: string; value: T; baseUpdatedAt?: string };

const PREFIX = 'oogst:draft:';
const key = (userId: string, recordKey: string) => `${PREFIX}${userId}:${recordKey}`;

export function saveDraft<T>(userId: string, recordKey: string, value: T, baseUpdatedAt?: string, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(key(userId, recordKey), JSON.stringify({ savedAt: new Date().toISOString(), value, baseUpdatedAt }));
    return true;
  } catch {
    return false; // storage full or disabled: the form still works, only without the safety net
  }
}

export function loadDraft<T>(userId: string, recordKey: string, storage: Storage = localStorage): StoredDraft<T> | null {
  try {
    const raw = storage.getItem(key(userId, recordKey));
    return raw ? (JSON.parse(raw) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

export function clearDraft(userId: string, recordKey: string, storage: Storage = localStorage): void {
  try { storage.removeItem(key(userId, recordKey)); } catch { /* ignore */ }
}

/** Record keys with a kept draft for this user (to offer "continue where you left off"). */
export function draftKeys(userId: string, storage: Storage = localStorage): string[] {
  const out: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(`${PREFIX}${userId}:`)) out.push(k.slice(PREFIX.length + userId.length + 1));
    }
  } catch { /* ignore */ }
  return out;
}
