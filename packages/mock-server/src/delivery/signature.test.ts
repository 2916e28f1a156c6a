import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createSigner, generateWebhookSecret, secretKeyBytes } from './signature.js';

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
