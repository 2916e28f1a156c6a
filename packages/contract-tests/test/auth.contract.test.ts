// Authentication: every endpoint refuses a missing, empty, malformed or unknown bearer token with 401.
import { AuthenticationError } from '@videotask/client';
import type { Schemas } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { client, recorder, target } from '../src/harness.js';

const endpoints = [
  {
    operation: 'createVideoGeneration',
    method: 'POST',
    path: '/v1/videos/generations',
    body: '{"model":"sora-2","prompt":"x"}',
  },
  { operation: 'getTaskDetail', method: 'GET', path: '/v1/tasks/task-unified-1757169743-7cvnl5zw' },
  { operation: 'getCredits', method: 'GET', path: '/v1/credits' },
] as const;

const badAuthorizations: [string, Record<string, string>][] = [
  ['no Authorization header', {}],
  ['an empty bearer token', { authorization: 'Bearer ' }],
  ['a scheme other than Bearer', { authorization: `Basic ${btoa('user:pass')}` }],
  ['a token without a scheme', { authorization: target.apiKey }],
  ['an unknown key', { authorization: `Bearer ${target.rejectedApiKey}` }],
];

describe.skipIf(!target.available)(`authentication (${target.name})`, () => {
  describe.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_name, endpoint) => {
    test.each(badAuthorizations)('answers 401 to %s', async (_what, headers) => {
      const response = await recorder.fetch(`${target.baseUrl}${endpoint.path}`, {
        method: endpoint.method,
        headers: { ...headers, ...('body' in endpoint ? { 'content-type': 'application/json' } : {}) },
        ...('body' in endpoint ? { body: endpoint.body } : {}),
      });
      expect(response.status).toBe(401);
      const { error } = (await response.json()) as Schemas['ErrorResponse'];
      expect(error.type).toBe('authentication_error');
    });
  });

  test('the client turns a 401 into AuthenticationError carrying the envelope', async () => {
    const rejected = client({ apiKey: target.rejectedApiKey });
    const error = await rejected.getCredits().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, type: 'authentication_error' });
  });

  test('a valid key reads the credit balance', async () => {
    const credits = await client().getCredits();
    expect(typeof credits.data.token.remaining_credits).toBe('number');
  });
});
