// The small parts of imports and exports: formula neutralising, reading form answers (group
// paths, select_multiple, geopoints), and the memo of reference reads.
import { neutralise, unneutralise } from '../../server/exports/cells';
import { applyMapping, choicesOf, geopointOf, keyOf, resolve } from '../../server/imports/mapping';
import { memoDb } from '../../server/imports/memo-db';
import { createDb } from '../../server/db/knex';

describe('cells', () => {
  test.each([
    ['=SUM(A1)', "'=SUM(A1)"], ['+31 6 1234', "'+31 6 1234"], ['-2', "'-2"], ['@cmd', "'@cmd"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['plain', 'plain'], ['a=b', 'a=b'], ['', ''],
  ])('a text %j is written as %j and reads back exact', (text, cell) => {
    expect(neutralise(text)).toBe(cell);
    expect(unneutralise(cell as string)).toBe(text);
  });
  test('numbers and booleans are not texts', () => {
    expect(neutralise(-4.18)).toBe(-4.18);
    expect(neutralise(true)).toBe(true);
    expect(neutralise(null)).toBeNull();
  });
});

describe('form answers', () => {
  const kobo = { 'group_a/who': 'Council', 'meta/instanceID': 'uuid:1', _uuid: 'k-1', today: '2024-03-02' };
  const odk = { __id: 'uuid:2', group_a: { who: 'Chiefs', gps: { type: 'Point', coordinates: [-4.18, 14.48, 270] } } };
  test('group paths: flat as Kobo writes them, nested as ODK does, or by the last segment', () => {
    expect(resolve(kobo, 'group_a/who')).toBe('Council');
    expect(resolve(odk, 'group_a/who')).toBe('Chiefs');
    expect(resolve(kobo, 'who')).toBe('Council');
    expect(resolve(kobo, 'nothing/here')).toBeUndefined();
  });
  test('select_multiple: names split on spaces; labels with spaces found first', () => {
    expect(choicesOf('shade food')).toEqual(['shade', 'food']);
    expect(choicesOf('Oral storytelling Apprenticeships', { 'Oral storytelling': 'PART', Apprenticeships: 'RR' })).toEqual(['Oral storytelling', 'Apprenticeships']);
    expect(choicesOf(['a', 'b'])).toEqual(['a', 'b']);
  });
  test('geopoints: "lat lon alt acc", GeoJSON (lon first), or null when unreadable', () => {
    expect(geopointOf('14.48 -4.18 270 5')).toEqual({ lat: 14.48, lon: -4.18 });
    expect(geopointOf(odk.group_a.gps)).toEqual({ lat: 14.48, lon: -4.18 });
    expect(geopointOf('north')).toBeNull();
    expect(geopointOf('')).toBeUndefined();
  });
  test('a mapping fills columns from fields, fixed values and templates; the key is _uuid or __id', () => {
    const m = { fields: { socialActorName: { from: 'group_a/who' }, country: { value: 'ML' }, title: { template: 'Change on {today}' }, occurredOn: { from: 'today', as: 'date' as const } } };
    expect(applyMapping(kobo, m)).toEqual({ socialActorName: 'Council', country: 'ML', title: 'Change on 2024-03-02', occurredOn: '2024-03-02' });
    expect(keyOf(kobo, m, 'kobo-json')).toBe('k-1');
    expect(keyOf(odk, m, 'odk-odata')).toBe('uuid:2');
    expect(keyOf(kobo, { ...m, key: 'meta/instanceID' }, 'kobo-json')).toBe('uuid:1');
  });
});

test('the memo runs each distinct read once and gives the same answers', async () => {
  const db = createDb('sqlite://:memory:');
  try {
    await db.schema.createTable('goals', (t) => { t.string('code'); });
    await db('goals').insert([{ code: 'A' }, { code: 'B' }]);
    let queries = 0;
    db.on('query', () => { queries += 1; });
    const memo = memoDb(db);
    for (let i = 0; i < 5; i++) {
      expect(await memo('goals').whereIn('code', ['A', 'X']).pluck('code')).toEqual(['A']);
      expect(await memo('goals').whereIn('code', ['B']).first('code')).toEqual({ code: 'B' });
    }
    expect(queries).toBe(2);
  } finally {
    await db.destroy();
  }
});
