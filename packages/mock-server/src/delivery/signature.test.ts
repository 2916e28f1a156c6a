import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  createSigner,
  generateWebhookSecret,
  secretKeyBytes,
} from './signature.js';

describe('Standard Webhooks signature', () => {
  test('matches the known-answer vector of the Standard Webhooks reference', async () => {
    const sign = createSigner('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(await sign('msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  test('agrees with node:crypto for a generated secret and a non-ASCII body', async () => {
    const secret = generateWebhookSecret();
    const body = '{"prompt":"un chat qui joue du piano — 猫"}';
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update(`msg_1.1700000000.${body}`)
      .digest('base64');
    expect(await createSigner(secret)('msg_1', 1700000000, body)).toBe(`v1,${expected}`);
  });

  test('a generated secret is whsec_ and 24 bytes of key, different each time', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(secretKeyBytes(a)).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  test.each([['no prefix'], ['whsec_'], ['whsec_not base64!'], ['whsec_c2hvcnQ=']])(
    'the secret %j is refused',
    (secret) => {
      expect(() => createSigner(secret)).toThrow(/whsec_|16 bytes/);
    },
  );
});

describe('webhook secret form', () => {
  const key = (n: number) => Buffer.alloc(n, 7).toString('base64');

  test('16 bytes of key are enough, 15 are not', () => {
    expect(secretKeyBytes(`whsec_${key(16)}`)).toHaveLength(16);
    expect(() => secretKeyBytes(`whsec_${key(15)}`)).toThrow(/16 bytes/);
  });

  test('the key is the base64 after the prefix, byte for byte', () => {
    expect([...secretKeyBytes(`whsec_${Buffer.from('0123456789abcdefXY').toString('base64')}`)]).toEqual([
      ...Buffer.from('0123456789abcdefXY'),
    ]);
  });

  // atob skips whitespace, so only the form check refuses these.
  test.each([
    ['a space before the key', `whsec_ ${key(18)}`],
    ['a space after the key', `whsec_${key(18)} `],
    ['three padding characters', `whsec_${key(16)}=`],
    ['the prefix not at the start', `xwhsec_${key(18)}`],
    ['six other characters for the prefix', `whsec-${key(18)}`],
  ])('a secret with %s is refused', (_, secret) => {
    expect(() => secretKeyBytes(secret)).toThrow(/whsec_<base64>/);
  });
});

describe('base64', () => {
  test('encodes beyond one 32 KiB chunk as node:buffer does, and decodes back', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
  });
});
