// Standard Webhooks signatures with Web Crypto: `v1,<base64 HMAC-SHA256("<id>.<timestamp>.<body>")>`.

const SECRET_PREFIX = 'whsec_';
const encoder = new TextEncoder();

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Stryker disable next-line EqualityOperator: one more turn at i === length appends an empty chunk.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write one past its end.
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The key bytes of a `whsec_<base64>` secret; throws on any other form. */
export function secretKeyBytes(secret: string): Uint8Array {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('A webhook secret has the form whsec_<base64>');
  const body = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error('A webhook secret has the form whsec_<base64>');
  const bytes = base64ToBytes(body);
  if (bytes.length < 16) throw new Error('A webhook secret needs at least 16 bytes of key');
  return bytes;
}

/** A fresh `whsec_` secret with 24 random bytes. */
export function generateWebhookSecret(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `${SECRET_PREFIX}${bytesToBase64(bytes)}`;
}

export type Signer = (id: string, timestamp: number, body: string) => Promise<string>;

/** A signer for one secret (its HMAC key imported once). */
export function createSigner(secret: string): Signer {
  const keyBytes = secretKeyBytes(secret);
  let key: Promise<CryptoKey> | undefined;
  return async (id, timestamp, body) => {
    key ??= crypto.subtle.importKey(
      'raw',
      keyBytes as BufferSource,
      { name: 'HMAC', hash: 'SHA-256' },
      // Stryker disable next-line BooleanLiteral: whether the key could be exported is not observable here.
      false,
      ['sign'],
    );
    const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(`${id}.${timestamp}.${body}`));
    return `v1,${bytesToBase64(new Uint8Array(mac))}`;
  };
}
