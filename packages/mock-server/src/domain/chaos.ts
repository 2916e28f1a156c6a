// The chaos profiles as data: one table naming each profile's parameters (the README's table, the admin
// API and the CLI's list derive from it), and the seeded draws the core decides with.
import type { AdminSchemas } from '@videotask/spec';
import { chaosProfileValues } from '@videotask/spec/admin-types';
import { hash32, mix } from './random.js';

/** A profile's name (`ChaosProfile` in mock-admin.yaml). */
export type ChaosProfile = AdminSchemas['ChaosProfile'];
/** What a profile does (`ChaosParameters` in mock-admin.yaml). */
export type ChaosParameters = AdminSchemas['ChaosParameters'];
export type ChaosGatewayStatus = AdminSchemas['ChaosGatewayStatus'];

/** Every profile, in the spec's order. */
export const CHAOS_PROFILES: readonly ChaosProfile[] = chaosProfileValues;

/** Each profile's one-line summary and parameters: the one place they are written. */
export const CHAOS_TABLE: Readonly<Record<ChaosProfile, { summary: string; parameters: ChaosParameters }>> = {
  'flaky-gateway': {
    summary:
      'Some keyed /v1/ requests answer 429 or 503 without reaching the API, or 502 after it handled them (the answer lost).',
    parameters: {
      gateway: {
        share: 0.3,
        statuses: [
          { status: 429, weight: 2, retryAfter: 1, when: 'before' },
          { status: 502, weight: 1, retryAfter: null, when: 'after' },
          { status: 503, weight: 1, retryAfter: 1, when: 'before' },
        ],
      },
    },
  },
  'slow-provider': {
    summary: 'Processing takes several times longer, a factor drawn per task.',
    parameters: { processing: { multiplier: [3, 6] } },
  },
  'missed-callback': {
    summary: 'Some callbacks are never sent, as a lost webhook (logged as dropped).',
    parameters: { callbacks: { missShare: 0.5 } },
  },
  'duplicate-callback': {
    summary: 'Callbacks are delivered a second time, with the same webhook-id and body.',
    parameters: { callbacks: { duplicateShare: 1, duplicateAfterMs: 1000 } },
  },
  'late-callback': {
    summary: "Callbacks are held well past the task's end, so a poller reads it as ended first.",
    parameters: { callbacks: { lateShare: 1, lateMs: 60_000 } },
  },
};

/** A profile in force: its name and the seed its decisions are drawn from. */
export interface ChaosSetting {
  profile: ChaosProfile;
  seed: string;
}

export function isChaosProfile(name: unknown): name is ChaosProfile {
  return typeof name === 'string' && (CHAOS_PROFILES as readonly string[]).includes(name);
}

/**
 * A float in [0, 1) that depends only on the setting and `subject` (what is decided: `gateway:7`,
 * `task:<id>`, `callback:<id>`): the same seed gives the same decisions, whatever else runs.
 */
export function chaosUnit(setting: ChaosSetting, subject: string): number {
  return mix(hash32(`${setting.seed}:${setting.profile}`), hash32(subject));
}

/** The gateway's answer to draw number `draw` (1, 2, …), or undefined when that request goes through. */
export function gatewayDecision(setting: ChaosSetting, draw: number): ChaosGatewayStatus | undefined {
  const gateway = CHAOS_TABLE[setting.profile].parameters.gateway;
  if (!gateway || chaosUnit(setting, `gateway:${draw}`) >= gateway.share) return undefined;
  const total = gateway.statuses.reduce((sum, s) => sum + s.weight, 0);
  let pick = chaosUnit(setting, `gateway:${draw}:status`) * total;
  for (const status of gateway.statuses) {
    pick -= status.weight;
    if (pick < 0) return status;
  }
  return gateway.statuses.at(-1);
}

/** The factor a task's processing time is multiplied by (1 when the profile leaves processing alone). */
export function processingFactor(setting: ChaosSetting | null, taskId: string): number {
  const processing = setting && CHAOS_TABLE[setting.profile].parameters.processing;
  if (!processing) return 1;
  const [low, high] = processing.multiplier as [number, number];
  return low + chaosUnit(setting, `task:${taskId}`) * (high - low);
}

/** What happens to a task's own callback when it falls due. */
export type CallbackDecision =
  | { kind: 'send' }
  | { kind: 'drop' }
  | { kind: 'duplicate'; afterMs: number }
  | { kind: 'hold'; lateMs: number };

/** The decision for `taskId`'s own callback under `setting` (one draw per task, so retries agree). */
export function callbackDecision(setting: ChaosSetting | null, taskId: string): CallbackDecision {
  const callbacks = setting && CHAOS_TABLE[setting.profile].parameters.callbacks;
  if (!callbacks) return { kind: 'send' };
  const u = chaosUnit(setting, `callback:${taskId}`);
  if (u < (callbacks.missShare ?? 0)) return { kind: 'drop' };
  if (u < (callbacks.duplicateShare ?? 0))
    return { kind: 'duplicate', afterMs: callbacks.duplicateAfterMs ?? 1000 };
  if (u < (callbacks.lateShare ?? 0)) return { kind: 'hold', lateMs: callbacks.lateMs ?? 60_000 };
  return { kind: 'send' };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A profile's parameters in words, as the README's table gives them (a test keeps the two in step). */
export function chaosParametersText(parameters: ChaosParameters): string {
  const parts: string[] = [];
  const { gateway, processing, callbacks } = parameters;
  if (gateway) {
    const statuses = gateway.statuses.map((s) => {
      const retry = s.retryAfter === null ? '' : `, Retry-After ${s.retryAfter} s`;
      return `${s.status} (weight ${s.weight}${retry}, ${s.when} the API)`;
    });
    parts.push(`${percent(gateway.share)} of keyed requests: ${statuses.join(', ')}`);
  }
  if (processing) parts.push(`processing × ${processing.multiplier.join('–')}`);
  if (callbacks?.missShare) parts.push(`${percent(callbacks.missShare)} of callbacks never sent`);
  if (callbacks?.duplicateShare) {
    parts.push(
      `${percent(callbacks.duplicateShare)} sent twice, ${callbacks.duplicateAfterMs ?? 1000} ms apart`,
    );
  }
  if (callbacks?.lateShare) {
    parts.push(`${percent(callbacks.lateShare)} held until ${callbacks.lateMs ?? 60_000} ms past the end`);
  }
  return parts.join('; ');
}
