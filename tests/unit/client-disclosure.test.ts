// The check before publishing in the client: every finding the server can name is worded from the
// interface's own messages (no raw key, no English message from the server), and only a
// needs_confirmation answer opens the review list.
import { describeFinding, findingsOf, valueKind } from '../../client/components/disclosure-review';
import { ApiError } from '../../client/core/api';

const finding = (id: string) => ({ id, path: id.split(':')[1], message: 'holds …' });

describe('describeFinding', () => {
  // the text paths and value sources of server/{outcomes,stories,fragments}/disclosure.ts
  const texts = ['/title', '/description', '/significance', '/contribution', '/story', '/whySignificant', '/excerpt', '/locator', '/conclusion/reasoning', '/translations/fr/story'];
  const sources = ['/socialActor/name', '/evidence/2/name', '/evidence/2/contact', '/substantiations/abc/name', '/substantiations/abc/contact',
    '/translations/fr/translatedBy', '/storyteller/name', '/storyteller/place', '/collectedBy', '/consent/recordedBy', '/speaker/place', '/speaker/consent/recordedBy'];

  test.each(texts.flatMap((x) => sources.map((s) => [x, s])))('when %s holds %s, then it is worded without a raw key', (text, source) => {
    const words = describeFinding(finding(`personal_value:${text}:${source}`));
    expect(words).not.toMatch(/disclosure\.|\{/);
  });

  test('when a value is kept somewhere, then its kind says what it is', () => {
    expect(['/evidence/0/contact', '/substantiations/x/name', '/speaker/consent/recordedBy', '/speaker/place', '/collectedBy'].map(valueKind))
      .toEqual(['informantContact', 'substantiatorName', 'consentRecorder', 'speakerPlace', 'collector']);
  });

  test('when the finding is in a translation, then its language is named', () => {
    expect(describeFinding(finding('personal_value:/translations/fr/title:/evidence/0/name'))).toBe('Translation (fr), Title: holds an informant’s name');
  });

  test('when a record would single someone out, then that is said', () => {
    expect(describeFinding(finding('singles_out:/socialActor'))).toMatch(/only published record about an individual/);
  });
});

describe('findingsOf', () => {
  test('when the answer is needs_confirmation, then its findings are read; otherwise none', () => {
    const problem = (code: string) => new ApiError(409, { status: 409, code, errors: [{ path: '/story', message: 'holds x', id: 'personal_value:/story:/collectedBy' }] });
    expect(findingsOf(problem('needs_confirmation'))?.map((f) => f.id)).toEqual(['personal_value:/story:/collectedBy']);
    expect(findingsOf(problem('invalid_transition'))).toBeNull();
    expect(findingsOf(new Error('x'))).toBeNull();
  });
});
