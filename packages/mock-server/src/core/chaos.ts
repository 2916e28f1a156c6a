// The chaos profiles' rules: which profile is in force (a run-time setting in the store over the start
// option), the gateway's seeded faults on the public API, and putting a profile in force or out of it.
// The callback profiles are applied where the task's own callback falls due (callbacks.ts).
import type { AdminSchemas } from '@videotask/spec';
import {
  CHAOS_PROFILES,
  CHAOS_TABLE,
  type ChaosGatewayStatus,
  type ChaosSetting,
  gatewayDecision,
} from '../domain/chaos.js';
import { codeForStatus } from '../domain/errors.js';
import type { StoredChaosState } from '../store/store.js';
import type { CoreContext } from './context.js';
import { type Refusal, refuse } from './result.js';

export type ChaosView = AdminSchemas['ChaosState'];

/** A gateway fault drawn for one request: the refusal to answer, and whether the API handles the request first. */
export interface GatewayChaos {
  refusal: Refusal;
  when: ChaosGatewayStatus['when'];
}

/** Whether a profile may be in force (a synchronous hint: false means none is, so no store call is needed). */
export function chaosMayApply(core: CoreContext): boolean {
  return core.options.chaos !== null || core.store.mayHaveChaos;
}

/** The run-time setting when one is stored (`profile: null`: chaos off), else the start option. */
function settingOf(core: CoreContext, state: StoredChaosState): ChaosSetting | null {
  const stored = state.setting;
  if (stored) return stored.profile ? { profile: stored.profile, seed: stored.seed } : null;
  return core.options.chaos ? { profile: core.options.chaos, seed: core.options.seed } : null;
}

/** The profile in force now, or null. */
export async function activeChaos(core: CoreContext): Promise<ChaosSetting | null> {
  if (!chaosMayApply(core)) return null;
  return settingOf(core, await core.store.chaosState());
}

/**
 * The gateway's decision for the next keyed public request: one draw, counted in the store, so the
 * same seed and the same sequence of requests (as the store sees them) give the same faults.
 */
export async function gatewayChaos(core: CoreContext): Promise<GatewayChaos | undefined> {
  if (!chaosMayApply(core)) return undefined;
  // Only the start option can be in force and it leaves the gateway alone: no draw to count.
  const startOnly = !core.store.mayHaveChaos && core.options.chaos !== null;
  if (startOnly && !CHAOS_TABLE[core.options.chaos as ChaosSetting['profile']].parameters.gateway)
    return undefined;
  const state = await core.store.takeChaosDraw();
  const setting = settingOf(core, state);
  const decision = setting && gatewayDecision(setting, state.draws);
  if (!setting || !decision) return undefined;
  const lost = decision.when === 'after' ? '; the API handled the request and the answer was lost' : '';
  const message = `Chaos (${setting.profile}): the gateway answered ${decision.status}${lost}.`;
  const refusal: Refusal = { ...refuse(codeForStatus(decision.status), message), chaos: setting.profile };
  if (decision.retryAfter !== null) refusal.retryAfter = decision.retryAfter;
  core.options.logger?.(
    `chaos ${setting.profile}: draw ${state.draws} → ${decision.status} (${decision.when})`,
  );
  return { refusal, when: decision.when };
}

/** Every profile as the admin API lists them. */
export function chaosProfiles(): ChaosView['profiles'] {
  return CHAOS_PROFILES.map((name) => ({ name, ...CHAOS_TABLE[name] }));
}

/** The profile in force, its seed and draws, and every profile. */
export async function chaosView(core: CoreContext): Promise<ChaosView> {
  const state = await core.store.chaosState();
  const setting = settingOf(core, state);
  return {
    profile: setting?.profile ?? null,
    seed: setting?.seed ?? null,
    draws: setting ? state.draws : 0,
    parameters: setting ? CHAOS_TABLE[setting.profile].parameters : null,
    profiles: chaosProfiles(),
  };
}

/** Puts `profile` in force (seeded by `seed`, default the server's), its draws starting over. */
export async function setChaos(
  core: CoreContext,
  profile: string,
  seed?: string,
): Promise<{ ok: true; value: ChaosView } | Refusal> {
  if (!(CHAOS_PROFILES as readonly string[]).includes(profile)) {
    return refuse('invalid_request', `profile must be one of: ${CHAOS_PROFILES.join(', ')}`, 'profile');
  }
  const chosen = profile as ChaosSetting['profile'];
  await core.store.setChaos({ profile: chosen, seed: seed ?? core.options.seed });
  core.options.logger?.(`chaos: ${chosen} in force`);
  return { ok: true, value: await chaosView(core) };
}

/** No profile in force, whatever the start options said (a reset goes back to them). */
export async function clearChaos(core: CoreContext): Promise<ChaosView> {
  await core.store.setChaos({ profile: null, seed: core.options.seed });
  return chaosView(core);
}
