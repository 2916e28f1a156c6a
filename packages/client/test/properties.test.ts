// Property-based checks (fast-check) of the pure parts: signatures, Retry-After, poll delays, error
// mapping and callback parsing hold for arbitrary inputs, not just the examples in the other tests.
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, test } from 'vitest';
import { errorFromResponse, parseRetryAfter } from '../src/errors.js';
import {
  parseCallback,
  signCallback,
  VideoTaskError,
  verifyCallback,
  WebhookVerificationError,
} from '../src/index.js';
import { pollDelay } from '../src/wait.js';
import { completedTask } from './helpers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = 1_757_170_000;
const msgId = fc.stringMatching(/^msg_[A-Za-z0-9]{1,24}$/);

describe('callback signatures', () => {
  test('signCallback agrees with the standardwebhooks package for any body, id and timestamp', async () => {
    const webhook = new Webhook(SECRET);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme' }),
        msgId,
        fc.integer({ min: 0, max: 4_000_000_000 }),
        async (body, id, ts) => {
          const headers = await signCallback(body, SECRET, { id, timestamp: ts });
          expect(headers['webhook-signature']).toBe(webhook.sign(id, new Date(ts * 1000), body));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('a signed finished task verifies; changing any one byte of the body breaks the signature', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (url, position, delta) => {
          const raw = new TextEncoder().encode(
            JSON.stringify({ ...completedTask, results: [`https://x.test/${url}`] }),
          );
          const headers = await signCallback(raw, SECRET, { id: 'msg_1', timestamp: NOW });
          const task = await verifyCallback(raw, headers, SECRET, { now: () => NOW * 1000 });
          expect(task.id).toBe(completedTask.id);
          const changed = raw.slice();
          const i = position % changed.length;
          changed[i] = ((changed[i] as number) + delta) % 256;
          const error = await verifyCallback(changed, headers, SECRET, { now: () => NOW * 1000 }).catch(
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(WebhookVerificationError);
          expect((error as WebhookVerificationError).reason).toBe('invalid_signature');
        },
      ),
      { numRuns: 100 },
    );
  });

  test('parseCallback throws nothing but WebhookVerificationError, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (raw) => {
          try {
            const task = parseCallback(raw);
            expect(['completed', 'failed']).toContain(task.status);
          } catch (error) {
            expect(error).toBeInstanceOf(WebhookVerificationError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test('delta seconds become milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), now)).toBe(seconds * 1000);
      }),
    );
  });
  test('an HTTP date becomes the time until it, never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (offsetSeconds) => {
        const value = new Date(now + offsetSeconds * 1000).toUTCString();
        expect(parseRetryAfter(value, now)).toBe(Math.max(0, offsetSeconds * 1000));
      }),
    );
  });
  test('anything else is unreadable or a non-negative number', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const ms = parseRetryAfter(value, now);
        expect(ms === undefined || (Number.isFinite(ms) && ms >= 0)).toBe(true);
      }),
    );
  });
});

describe('poll delays', () => {
  test('stay within ±25 % of an interval that grows to the cap and never beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (poll, first, cap, random) => {
          const delay = pollDelay(poll, { pollIntervalMs: first, maxPollIntervalMs: cap }, () => random);
          const interval = Math.min(Math.max(first, cap), first * 1.5 ** poll);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(interval * 0.75));
          expect(delay).toBeLessThanOrEqual(Math.ceil(interval * 1.25));
        },
      ),
    );
  });
});

describe('errorFromResponse', () => {
  test('any error answer maps to a VideoTaskError with its status, without throwing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.jsonValue(),
        fc.option(fc.string()),
        (status, body, requestId) => {
          const headers =
            requestId === null
              ? undefined
              : { 'x-request-id': requestId.replace(/[^\x21-\x7e]/g, 'x') || 'x' };
          const error = errorFromResponse(new Response(null, { status, headers }), body);
          expect(error).toBeInstanceOf(VideoTaskError);
          expect(error.status).toBe(status);
          expect(typeof error.message).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});
