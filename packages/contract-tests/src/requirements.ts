// CONTRACT_REQUIRE: what a CI job demands of a run (a key, billable tests, callbacks), so that a
// run that could check nothing fails loudly instead of skipping quietly.
import type { Target } from './target.js';

export const REQUIREMENTS = ['key', 'billable', 'callbacks'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** How to get each requirement on the live API, for the setup error. */
const HOW: Record<Requirement, string> = {
  key: 'set EVOLINK_API_KEY',
  billable: 'set CONTRACT_ALLOW_BILLABLE=1',
  callbacks: 'set CONTRACT_CALLBACK_URL and CONTRACT_CALLBACK_PORT',
};

/** The requirements CONTRACT_REQUIRE lists (comma-separated); unknown names are an error. */
export function requirementsFromEnv(env: NodeJS.ProcessEnv = process.env): Requirement[] {
  const names = (env.CONTRACT_REQUIRE ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!(REQUIREMENTS as readonly string[]).includes(name))
      throw new Error(`CONTRACT_REQUIRE: unknown requirement "${name}" (known: ${REQUIREMENTS.join(', ')})`);
  }
  return [...new Set(names)] as Requirement[];
}

/** Whether the target meets one requirement. */
function meets(target: Target, requirement: Requirement): boolean {
  switch (requirement) {
    case 'key':
      return target.available && target.apiKey !== '';
    case 'billable':
      return target.billable;
    case 'callbacks':
      return target.callback !== undefined;
  }
}

/** One line per unmet requirement, saying how to meet it; empty when all are met. */
export function unmetRequirements(target: Target, required: readonly Requirement[]): string[] {
  return required
    .filter((requirement) => !meets(target, requirement))
    .map((requirement) => `CONTRACT_REQUIRE=${requirement}: ${HOW[requirement]} (${target.name} target)`);
}

/**
 * The verdict on a finished run: a failure message when CONTRACT_REQUIRE is set and no contract
 * point was checked (all skipped or filtered out), else null.
 */
export function emptyRunFailure(required: readonly Requirement[], checked: number): string | null {
  if (required.length === 0 || checked > 0) return null;
  return `CONTRACT_REQUIRE=${required.join(',')} but no contract point was checked: this run proves nothing`;
}
