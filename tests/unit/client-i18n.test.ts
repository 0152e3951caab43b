// The interface languages: every translation has every key of the English source, the same
// placeholders, a plural `other` form, and no empty text.
import { en, type Msg } from '../../client/i18n/en';
import { fr } from '../../client/i18n/fr';
import { ar } from '../../client/i18n/ar';
import { nl } from '../../client/i18n/nl';

const placeholders = (m: Msg) => [...new Set((typeof m === 'string' ? m : Object.values(m).join(' ')).match(/\{\w+\}/g) ?? [])].sort();

describe.each([['fr', fr], ['ar', ar], ['nl', nl]] as const)('the %s interface', (_name, dict) => {
  test('when compared with English, then it has exactly the same keys', () => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
  });

  test('when a message has placeholders, then the translation has the same ones', () => {
    const wrong = (Object.keys(en) as Array<keyof typeof en>).filter((k) => JSON.stringify(placeholders(en[k])) !== JSON.stringify(placeholders(dict[k])));
    expect(wrong).toEqual([]);
  });

  test('when a message is plural, then it has an "other" form; no message is empty', () => {
    for (const [key, m] of Object.entries(dict)) {
      if (typeof m === 'string') expect([key, m.trim().length > 0]).toEqual([key, true]);
      else expect([key, typeof m.other]).toEqual([key, 'string']);
    }
  });
});

test('when a translation differs from English in most messages, then it is really translated', () => {
  for (const dict of [fr, ar, nl]) {
    const same = (Object.keys(en) as Array<keyof typeof en>).filter((k) => JSON.stringify(en[k]) === JSON.stringify(dict[k]));
    expect(same.length).toBeLessThan(Object.keys(en).length * 0.1);
  }
});

describe('server messages in the interface language', () => {
  test('when the server names the rule by its code, then the words come from the code, not from matching the English message', async () => {
    const { localiseMessage } = await import('../../client/components/field');
    expect(localiseMessage('whatever ajv says today', 'maxLength')).toBe(en['err.tooLong']);
    expect(localiseMessage('whatever ajv says today', 'required')).toBe(en['err.required']);
    expect(localiseMessage('whatever ajv says today', 'format.date')).toBe(en['err.date']);
    expect(localiseMessage('must NOT have more than 300 characters')).toBe(en['err.tooLong']); // no code: by its words
    expect(localiseMessage('a message nobody words', 'someNewRule')).toBe('a message nobody words');
  });
});
