// The record kinds that can be exported. A kind joins by adding its ExportKind here.
import type { ExportKind } from './kinds';
import { outcomesExport } from './outcomes';
import { fragmentsExport, storiesExport } from './stories';
import { indicatorValuesExport } from './indicator-values';

export const EXPORT_KINDS: ExportKind[] = [outcomesExport, storiesExport, fragmentsExport, indicatorValuesExport];
