// The `x-mock-scenario` request header: how a test asks for an outcome (success, fail:<code>, …).
import { spec } from '@videotask/spec';

/** The documented task failure codes, read from the spec's `TaskFailureCode` enum. */
export const FAILURE_CODES: readonly string[] = (
  spec.components.schemas.TaskFailureCode as { enum: string[] }
).enum;

export type Outcome = 'completed' | 'failed' | 'stuck';

export interface Scenario {
  /** The asked-for ending; undefined leaves it to the seeded failure rate. */
  outcome?: Outcome;
  failureCode?: string;
  /** Five times the usual timings. */
  slow: boolean;
  /** The header as sent, for the admin view. */
  raw: string;
}

export const SCENARIO_HEADER = 'x-mock-scenario';

const HELP = `one or more of success, fail:<code>, moderation, slow, stuck (comma-separated); <code> is one of ${FAILURE_CODES.join(', ')}`;

/** Parses the header; a string answer is the reason it was refused. */
export function parseScenario(value: string): Scenario | string {
  const scenario: Scenario = { slow: false, raw: value };
  const tokens = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!tokens.length) return `${SCENARIO_HEADER} must be ${HELP}`;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    let outcome: Outcome | undefined;
    let code: string | undefined;
    if (lower === 'slow') {
      scenario.slow = true;
      continue;
    }
    if (lower === 'success') outcome = 'completed';
    else if (lower === 'stuck') outcome = 'stuck';
    else if (lower === 'moderation') {
      outcome = 'failed';
      code = 'content_policy_violation';
    } else if (lower.startsWith('fail:')) {
      code = lower.slice(5);
      if (!FAILURE_CODES.includes(code)) return `${SCENARIO_HEADER}: unknown failure code "${code}"; ${HELP}`;
      outcome = 'failed';
    } else {
      return `${SCENARIO_HEADER}: unknown scenario "${token}"; it must be ${HELP}`;
    }
    if (scenario.outcome) return `${SCENARIO_HEADER} may name one outcome only, got "${value}"`;
    scenario.outcome = outcome;
    if (code) scenario.failureCode = code;
  }
  return scenario;
}

/** What a task that failed with each code says. */
const FAILURE_MESSAGES: Record<string, string> = {
  content_policy_violation: 'The prompt or image was blocked by the content policy.',
  invalid_parameters: 'The request parameters were rejected by the model provider.',
  image_processing_error: 'The reference image could not be processed.',
  image_dimension_mismatch: 'The reference image does not match the requested aspect ratio.',
  request_cancelled: 'The task was cancelled.',
  generation_failed_no_content: 'The model produced no video.',
  service_error: 'The model provider failed while generating the video.',
  generation_timeout: 'The generation took too long and was stopped.',
  resource_exhausted: 'The model provider is out of capacity.',
  quota_exceeded: 'The upstream quota is exhausted.',
  service_unavailable: 'The model provider is unavailable.',
  resource_not_found: 'A resource the task needs was not found.',
  unknown_error: 'The task failed for an unknown reason.',
};

export function failureMessage(code: string): string {
  return FAILURE_MESSAGES[code] ?? 'The task failed.';
}

/** Codes a random failure (the seeded failure rate) picks from: the ones a real run meets. */
export const RANDOM_FAILURE_CODES = [
  'generation_failed_no_content',
  'service_error',
  'generation_timeout',
  'content_policy_violation',
  'resource_exhausted',
  'service_unavailable',
  'unknown_error',
] as const;
