// What can be exported: each record kind that joins `exports` in the registry of kinds, and the
// indicator values.
import type { ExportKind } from './kinds';
import { outcomesExport } from './outcomes';
import { fragmentsExport, storiesExport } from './stories';
import { indicatorValuesExport } from './indicator-values';
import { KINDS, type Capability } from '../kinds/registry';

export const EXPORT_KINDS: ExportKind[] = [outcomesExport, storiesExport, fragmentsExport, indicatorValuesExport]
  .filter((e) => !e.kind || (KINDS[e.kind].joins as readonly Capability[]).includes('exports'));
