// The small parts of imports and exports: formula neutralising, reading form answers (group
// paths, select_multiple, geopoints, attachments, ids), the files as KoboToolbox and ODK write
// them (a row of HXL hashtags, a zipped CSV), and the memo of reference reads.
import fs from 'node:fs';
import path from 'node:path';
import { neutralise, unneutralise } from '../../server/exports/cells';
import { parseFile } from '../../server/imports/parse';
import { isHxlRow } from '../../server/imports/hxl';
import { deflated, workbook, zip } from '../helpers/xlsx-hostile';
import { applyMapping, choicesOf, geopointOf, keyFieldOf, keyFieldsOf, keyOf, resolve } from '../../server/imports/mapping';
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
    const key = (sub: Record<string, unknown>, mapping: typeof m & { key?: string }, format: string) => keyOf(sub, keyFieldOf([sub], mapping, format));
    expect(key(kobo, m, 'kobo-json')).toBe('k-1');
    expect(key(odk, m, 'odk-odata')).toBe('uuid:2');
    expect(key(kobo, { ...m, key: 'meta/instanceID' }, 'kobo-json')).toBe('uuid:1');
  });

  test("without _uuid a file is keyed by the first id field its submissions fill (ODK's meta-instanceID, KEY …), one field for the whole file", () => {
    const m = { fields: {} };
    const central = [{ 'meta-instanceID': 'uuid:a', KEY: 'uuid:a' }, { 'meta-instanceID': '', KEY: 'uuid:b' }];
    expect(keyFieldOf(central, m, 'kobo-csv')).toBe('meta-instanceID');
    expect(central.map((s) => keyOf(s, 'meta-instanceID'))).toEqual(['uuid:a', undefined]);
    expect(keyFieldOf([{ KEY: 'uuid:c' }], m, 'kobo-csv')).toBe('KEY');
    expect(keyFieldOf([{ other: 'x' }], m, 'kobo-csv')).toBeUndefined();
    expect(keyFieldsOf({ ...m, key: 'my_id' }, 'kobo-csv')).toEqual(['my_id']);
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

describe("KoboToolbox's row of HXL hashtags under the headers", () => {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [['community', 'households'], ['#loc+name', '#population +hh'], ['Sévaré', '12']];
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map((v, k) => inline(`${'AB'[k]}${i + 1}`, v)).join('')}</row>`).join('')}</sheetData></worksheet>`;

  test.each(['csv', 'xlsx'] as const)('is read past in %s, and the rows keep their numbers', async (format) => {
    const bytes = format === 'csv' ? Buffer.from(rows.map((r) => r.join(',')).join('\n')) : workbook(deflated('xl/worksheets/sheet1.xml', sheet));
    const parsed = await parseFile(format, bytes);
    expect(parsed.records).toEqual([expect.objectContaining({ row: 3, values: { community: 'Sévaré', households: '12' } })]);
  });

  test('a row with any other text is data', () => {
    expect(isHxlRow(['#loc+name', 'Mopti'])).toBe(false);
    expect(isHxlRow(['', ''])).toBe(false);
    expect(isHxlRow(['#affected +f +adults', '', '#sector'])).toBe(true);
  });
});

describe('form answers as KoboToolbox stores them', () => {
  test("an attachment named as the phone gave it finds the file Kobo stored under a cleaned name (another-julius 1).jpg → another-julius_1.jpg)", () => {
    const sub = { photo: 'another-julius 1).jpg', _attachments: [{ filename: 'kobo/attachments/a1/another-julius_1.jpg', download_url: 'https://kf.kobotoolbox.org/media/another-julius_1.jpg' }] };
    const out = applyMapping(sub, { fields: { evidence: { from: 'photo', as: 'attachments', includeUrl: true } } });
    expect(out.evidence).toEqual([{ kind: 'document', title: 'another-julius 1).jpg', url: 'https://kf.kobotoolbox.org/media/another-julius_1.jpg' }]);
  });

  test('goals from one select_multiple: without a primary goal in the mapping, the first chosen is the primary one', () => {
    const sub = { goals: 'participation prevention' };
    const map = { participation: 'PART', prevention: 'PREV' };
    expect(applyMapping(sub, { fields: { otherGoals: { from: 'goals', as: 'list', map } } })).toEqual({ primaryGoal: 'PART', otherGoals: 'PREV' });
    expect(applyMapping(sub, { fields: { primaryGoal: { value: 'NL-IV-1.1' }, otherGoals: { from: 'goals', as: 'list', map } } })).toEqual({ primaryGoal: 'NL-IV-1.1', otherGoals: 'PART, PREV' });
    expect(applyMapping({ goals: '' }, { fields: { otherGoals: { from: 'goals', as: 'list', map } } })).toEqual({ otherGoals: '' });
  });
});

describe("ODK Central's CSV download, zipped", () => {
  const odk = fs.readFileSync(path.join(__dirname, '../fixtures/kobo/gc-scripts-hub_odk_submissions.csv'));

  test('the form CSV is read from the archive, not a repeat group\'s nor the media', async () => {
    const archive = zip([deflated('media/1739327186781.m4a', 'audio'), deflated('biocultural-threats.csv', 'threat,PARENT_KEY\nmining,uuid:x'), deflated('biocultural.csv', odk)]);
    const fromZip = await parseFile('kobo-csv', archive);
    expect(fromZip).toEqual(await parseFile('kobo-csv', odk));
    expect(fromZip.records.length).toBeGreaterThan(0);
  });

  test('a workbook or an archive without a CSV is refused, saying what it is', async () => {
    await expect(parseFile('csv', workbook(deflated('xl/worksheets/sheet1.xml', '<worksheet/>')))).rejects.toMatchObject({ errors: [{ path: '/file', message: expect.stringContaining('XLSX') }] });
    await expect(parseFile('csv', zip([deflated('media/a.jpg', 'x')]))).rejects.toMatchObject({ errors: [{ path: '/file', message: 'the zip archive holds no CSV file' }] });
  });
});
