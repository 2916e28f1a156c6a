// @videotask/drift: where recorded traffic of the sora-2 video task API parts ways with its OpenAPI spec.

export type { NeverSeen } from './coverage.js';
export { FINDING_KINDS, type Finding, type FindingClass, type FindingKind } from './findings.js';
export { formatJson, formatMarkdown, formatTable, summaryLine } from './format.js';
export { type DriftReport, driftReport } from './report.js';
