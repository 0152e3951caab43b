// The clock: one place that says what time it is, as stored (ISO 8601, UTC).
export const nowIso = () => new Date().toISOString();
