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
