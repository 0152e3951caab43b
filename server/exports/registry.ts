// The record kinds that can be exported. A kind joins by adding its ExportKind here.
import type { ExportKind } from './kinds';
import { outcomesExport } from './outcomes';

export const EXPORT_KINDS: ExportKind[] = [outcomesExport];
