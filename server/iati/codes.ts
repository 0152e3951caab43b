// The IATI 2.03 codes Oogst writes, each from its code list, and the DAC sectors that fit a WPS
// programme (15170 women's rights organisations, 15180 ending violence against women and girls,
// 15220 civilian peace-building), shared out by the goals its published outcomes serve.
export const CODES = {
  activityStatus: { pipeline: '1', implementation: '2', finalisation: '3' }, // ActivityStatus
  activityDate: { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' }, // ActivityDateType
  orgRole: { funding: '1', implementing: '4' }, // OrganisationRole
  // OrganisationType 10 (Government): the reporting organisation of the WPS instrument is a ministry
  reportingOrgType: '10',
  descriptionGeneral: '1', // DescriptionType
  sectorVocabulary: '1', // SectorVocabulary: OECD DAC CRS 5-digit
  policyMarker: { vocabulary: '1', genderEquality: '1', principal: '2' }, // PolicyMarkerVocabulary, PolicyMarker, PolicySignificance
  resultOutcome: '2', // ResultType
  measure: { unit: 1, qualitative: 5 }, // IndicatorMeasure
  documentResults: 'A08', // DocumentCategory: results, outcomes and outputs
};

export const SECTORS = ['15170', '15180', '15220'] as const;

/** The sector of a goal and its ancestors: the nearest one listed here decides. */
const SECTOR_OF: Record<string, (typeof SECTORS)[number]> = {
  'NL-IV-1.2': '15170', 'NL-IV-1': '15220', 'NL-IV-2': '15220', 'NL-IV-3': '15180', 'NL-IV-4': '15170', 'NL-IV-5': '15170',
  PART: '15220', PREV: '15220', PROT: '15180', RR: '15170',
  'GAP3-1': '15180', 'GAP3-4': '15170', 'GAP3-5': '15220', '5.2': '15180',
};

export function sectorOf(code: string, parentOf: (code: string) => string | null): (typeof SECTORS)[number] {
  for (let c: string | null = code; c; c = parentOf(c)) if (SECTOR_OF[c]) return SECTOR_OF[c];
  return '15170';
}

/** Whole percentages of these counts that add up to 100 (largest remainders), in the order given; codes with none are left out. */
export function percentages(codes: readonly string[], counts: Record<string, number>): Array<{ code: string; percentage: number }> {
  const total = codes.reduce((n, c) => n + (counts[c] ?? 0), 0);
  const exact = codes.map((code) => ({ code, x: total ? ((counts[code] ?? 0) * 100) / total : 0 }));
  const shares = exact.map((e) => ({ code: e.code, percentage: Math.floor(e.x), rest: e.x - Math.floor(e.x) }));
  let left = total ? 100 - shares.reduce((n, s) => n + s.percentage, 0) : 0;
  for (const s of [...shares].sort((a, b) => b.rest - a.rest)) if (left-- > 0) s.percentage += 1;
  return shares.filter((s) => s.percentage > 0).map(({ code, percentage }) => ({ code, percentage }));
}

/** The sectors' shares, in the order of SECTORS; with no outcome yet, the three in near-equal parts. */
export function sectorShares(counts: Record<string, number>): Array<{ code: string; percentage: number }> {
  if (!SECTORS.some((s) => counts[s])) return SECTORS.map((code, i) => ({ code, percentage: i === 0 ? 34 : 33 }));
  return percentages(SECTORS, counts);
}
