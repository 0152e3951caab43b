// The mapping editor's own rules: the form-field paths read from a sample KoboToolbox or ODK Central
// submission, the "answer = value" translations, and the record fields a kind's template names.
import fs from 'node:fs';
import path from 'node:path';
import { badMapLines, columnsOfTemplate, defaultAs, formatMap, importKindsOf, NEEDED, parseMap, samplePaths } from '../../client/core/mapping-model';
import { IMPORT_KINDS } from '../../server/imports/registry';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/kobo', name), 'utf8');

describe('samplePaths', () => {
  test('when a KoboToolbox API response is pasted, then its flat keys are the paths, with an example answer, and attachment lists are left out', () => {
    const paths = samplePaths(fixture('gc-scripts-hub_api-v2-data-response.json'));
    const byPath = new Map(paths.map((p) => [p.path, p.sample]));
    expect(byPath.get('I_like_this_tree_because')).toBe('shade food wildlife_habitat beauty');
    expect(byPath.get('meta/instanceID')).toMatch(/^uuid:/);
    expect(byPath.has('_uuid')).toBe(true);
    expect(byPath.has('_attachments')).toBe(false);
  });

  test('when an ODK Central OData response is pasted, then nested groups become group/field paths, a GeoJSON point stays one field, and __system is left out', () => {
    const paths = samplePaths(fixture('odk-central-wps-outcomes.json')).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['change/what', 'change/who', 'place/region', 'place/gps', 'tags/goals', '__id']));
    expect(paths.some((p) => p.startsWith('place/gps/'))).toBe(false);
    expect(paths.some((p) => p.startsWith('__system'))).toBe(false);
  });

  test('when one submission is pasted, or a list, then its fields; a field empty in the first submission takes the next one\'s answer', () => {
    expect(samplePaths('{"a": "1", "g": {"b": "2"}}')).toEqual([{ path: 'a', sample: '1' }, { path: 'g/b', sample: '2' }]);
    expect(samplePaths('[{"a": ""}, {"a": "x", "c": 3}]')).toEqual([{ path: 'a', sample: 'x' }, { path: 'c', sample: '3' }]);
  });

  test('when the text is not JSON, then it throws', () => {
    expect(() => samplePaths('{not json')).toThrow(SyntaxError);
  });
});

describe('answer translations', () => {
  test('when lines read "answer = value", then a map (labels may hold spaces, values an "="); blank lines are skipped', () => {
    expect(parseMap('Oral storytelling = PART\n\nshade=PROT\na = b = c')).toEqual({ 'Oral storytelling': 'PART', shade: 'PROT', a: 'b = c' });
    expect(parseMap('  \n')).toBeUndefined();
    expect(formatMap({ shade: 'PART', food: 'RR' })).toBe('shade = PART\nfood = RR');
  });

  test('when a line has no "=" or nothing before it, then its number is reported', () => {
    expect(badMapLines('shade = PART\nfood\n= RR\n\n')).toEqual([2, 3]);
  });
});

describe('record fields', () => {
  test('when the outcomes template is read, then coordinates join after lon; dates, geopoints, attachments and other goals get their conversion', () => {
    const columns = columnsOfTemplate('\ufefftitle,lat,lon,primaryGoal,otherGoals,evidence\r\n', 'outcomes');
    expect(columns).toEqual(['title', 'lat', 'lon', 'coordinates', 'primaryGoal', 'otherGoals', 'evidence']);
    expect(columnsOfTemplate('title,story\n', 'stories')).toEqual(['title', 'story']);
    expect(['occurredOn', 'coordinates', 'evidence', 'otherGoals', 'title'].map(defaultAs)).toEqual(['date', 'geopoint', 'attachments', 'list', undefined]);
  });
});

describe('kinds per role', () => {
  test('the client offers each role exactly the kinds the server lets it import, and names the columns each kind requires', () => {
    for (const role of ['partner', 'evaluator', 'donor', 'admin'] as const) {
      const server = Object.entries(IMPORT_KINDS).filter(([, k]) => k.roles.includes(role)).map(([name]) => name).sort();
      expect({ role, kinds: [...importKindsOf(role)].sort() }).toEqual({ role, kinds: server });
    }
    for (const [name, k] of Object.entries(IMPORT_KINDS)) {
      expect({ name, needed: [...(NEEDED[name as keyof typeof NEEDED] ?? [])].sort() }).toEqual({ name, needed: expect.arrayContaining([...k.required].sort()) });
    }
    expect(['periodStart', 'periodEnd'].map(defaultAs)).toEqual(['date', 'date']);
  });
});
