// Request bodies for tests: a complete, valid outcome that tests vary field by field.
export function outcomeBody(over: Record<string, unknown> = {}) {
  return {
    title: 'Mopti district council opens its reconciliation committee to women',
    description: 'In March 2024 the council added four women from Sévaré to its reconciliation committee.',
    socialActor: { name: 'Mopti district council', type: 'local_government' },
    changeType: 'OH-POLICY', quadrant: 'GAW-RULES',
    occurredOn: { date: '2024-03', precision: 'month' },
    location: { country: 'ML', adminArea: 'Mopti' },
    significance: 'Women now sit where local peace is negotiated.',
    contribution: 'We trained the women and lobbied the council for two years.',
    positive: true, intended: true, sensitivity: 'public', language: 'en',
    goals: [{ code: 'NL-IV-1.3', primary: true }, { code: 'PART' }],
    evidence: [{ kind: 'document', title: 'Council minutes, 12 March 2024' }],
    ...over,
  };
}
