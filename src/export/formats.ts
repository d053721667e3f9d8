// `masterplan export --format`: what the export writes.

export type ExportFormat = 'xlsx' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'json'];
