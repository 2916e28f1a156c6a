// The chaos profiles over HTTP: flaky-gateway's answers on the public API (envelope, Retry-After, the
// marker; a 429/503 creates nothing, a 502 comes after the create), and the admin API's /__mock/chaos.
import { afterEach, describe, expect, test } from 'vitest';
import { admin, auth, KEY, manualServer, post } from '../../test/helpers.js';
import { CHAOS_PROFILES, CHAOS_TABLE, gatewayDecision } from '../domain/chaos.js';
import type { MockServer } from '../index.js';
import { INJECTED_FAULT_HEADER } from './answer.js';

let server: MockServer;
afterEach(async () => {
  await server?.close();
});

const SEED = 'http-chaos';

describe('flaky-gateway on the public API', () => {
  test('each create answers as its draw says: 429/503 create and charge nothing, a 502 comes after the task was made', async () => {
    server = manualServer({ credits: 1000 });
    expect((await admin(server, 'PUT', '/chaos', { profile: 'flaky-gateway', seed: SEED })).status).toBe(200);
    const lost: { key: string; draw: number }[] = [];
    let before = 0;
    for (let draw = 1; draw <= 30; draw++) {
      const key = `chaos-${draw}`;
      const tasksBefore = (await server.tasks.list()).length;
      const creditsBefore = (await server.credits.get(KEY)).data.token.remaining_credits;
      const res = await post(server, undefined, { 'idempotency-key': key });
      const decision = gatewayDecision({ profile: 'flaky-gateway', seed: SEED }, draw);
      const created = (await server.tasks.list()).length - tasksBefore;
      const charged = creditsBefore - (await server.credits.get(KEY)).data.token.remaining_credits;
      if (!decision) {
        expect(res.status).toBe(200);
        expect(res.headers.get(INJECTED_FAULT_HEADER)).toBeNull();
        expect(created).toBe(1);
        continue;
      }
      expect(res.status).toBe(decision.status);
      expect(res.headers.get(INJECTED_FAULT_HEADER)).toBe('chaos:flaky-gateway');
      expect(res.headers.get('retry-after')).toBe(
        decision.retryAfter === null ? null : String(decision.retryAfter),
      );
      const { error } = await res.json();
      expect(error.message).toMatch(/^Chaos \(flaky-gateway\): the gateway answered \d{3}/);
      if (decision.when === 'before') {
        before++;
        expect([created, charged]).toEqual([0, 0]);
      } else {
        lost.push({ key, draw });
        expect(created).toBe(1);
        expect(charged).toBeGreaterThan(0);
      }
    }
    // The seed was chosen so both kinds occur in 30 draws; the table's weights decide which.
    expect(before).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    // With chaos off, the lost creates replay: the task the 502 hid, charged once.
    await admin(server, 'DELETE', '/chaos');
    const credits = (await server.credits.get(KEY)).data.token.remaining_credits;
    for (const { key } of lost) {
      const replay = await post(server, undefined, { 'idempotency-key': key });
      expect(replay.status).toBe(200);
      expect(replay.headers.get('idempotency-replayed')).toBe('true');
    }
    expect((await server.credits.get(KEY)).data.token.remaining_credits).toBe(credits);
  });

  test('task reads fault too; the admin API, /files and the catalog never do', async () => {
    server = manualServer({ chaos: 'flaky-gateway', seed: SEED });
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      statuses.add((await server.app.request('/v1/credits', { headers: auth() })).status);
      expect((await admin(server, 'GET', '/config')).status).toBe(200);
      expect((await server.app.request('/v1/catalog/health')).status).toBe(200);
    }
    expect([...statuses].sort()).toEqual([200, 429, 502, 503].filter((s) => statuses.has(s)));
    expect(statuses.has(200) && statuses.size > 1).toBe(true);
    // Only the keyed requests drew.
    expect((await (await admin(server, 'GET', '/chaos')).json()).draws).toBe(30);
  });
});

describe('admin: /__mock/chaos', () => {
  test('GET shows none and every profile; PUT puts one in force (seed defaulting to the server’s); DELETE stops it', async () => {
    server = manualServer();
    const none = await (await admin(server, 'GET', '/chaos')).json();
    expect(none).toMatchObject({ profile: null, seed: null, draws: 0, parameters: null });
    expect(none.profiles.map((p: { name: string }) => p.name)).toEqual([...CHAOS_PROFILES]);
    const put = await admin(server, 'PUT', '/chaos', { profile: 'missed-callback' });
    expect(await put.json()).toMatchObject({
      profile: 'missed-callback',
      seed: 'tests',
      parameters: CHAOS_TABLE['missed-callback'].parameters,
    });
    expect(await server.chaos.get()).toMatchObject({ profile: 'missed-callback' });
    expect(await (await admin(server, 'DELETE', '/chaos')).json()).toMatchObject({ profile: null });
  });

  test.each([
    [{ profile: 'chaos-monkey' }, 'profile'],
    [{}, 'profile'],
    [{ profile: 'slow-provider', seed: '' }, 'seed'],
    [{ profile: 'slow-provider', seed: 7 }, 'seed'],
  ])('PUT %j is a 400 naming %s', async (body, param) => {
    server = manualServer();
    const res = await admin(server, 'PUT', '/chaos', body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_request', param });
    expect((await server.chaos.get()).profile).toBeNull();
  });

  test('the controller refuses an unknown profile with the names; a reset goes back to the start option', async () => {
    server = manualServer({ chaos: 'slow-provider' });
    await expect(server.chaos.set('nope' as never)).rejects.toThrow(CHAOS_PROFILES.join(', '));
    await server.chaos.set('late-callback', 's');
    await server.reset();
    expect((await server.chaos.get()).profile).toBe('slow-provider');
  });
});
