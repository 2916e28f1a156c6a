// Constant-time checks of secrets (API keys, the admin token): Web APIs only, synchronous, cheap.

const encoder = new TextEncoder();

/** Secrets are compared over this many bytes at least (longer secrets widen it, to a multiple of 32). */
const MIN_WIDTH = 64;

/**
 * A matcher for a fixed set of secrets. Each check encodes the presented token into a buffer of one
 * fixed width and compares it with every secret over that whole width, accumulating differences
 * with no early exit, lengths included: the time taken depends on how many secrets there are and on
 * the width, never on whether or where the token differs from one of them. (`Set.has` or `===` would
 * stop at the first differing character, which a patient client can time.)
 */
export function createSecretMatcher(
  secrets: Iterable<string>,
): (presented: string | null | undefined) => boolean {
  const encoded = [...secrets].map((s) => encoder.encode(s));
  const longest = Math.max(0, ...encoded.map((bytes) => bytes.length));
  const width = Math.max(MIN_WIDTH, Math.ceil(longest / 32) * 32);
  const padded = encoded.map((bytes) => {
    const buffer = new Uint8Array(width);
    buffer.set(bytes);
    return { buffer, length: bytes.length };
  });
  const scratch = new Uint8Array(width);
  return (presented) => {
    if (typeof presented !== 'string' || padded.length === 0) return false;
    scratch.fill(0);
    const { read, written } = encoder.encodeInto(presented, scratch);
    // A token longer than the width cannot match; it is still compared, so it takes the same time.
    const tooLong = read < presented.length ? 1 : 0;
    let matched = 0;
    for (const secret of padded) {
      let diff = (written ^ secret.length) | tooLong;
      for (let i = 0; i < width; i++) diff |= (scratch[i] as number) ^ (secret.buffer[i] as number);
      // 1 when diff is 0, without a branch on the secret's bytes.
      matched |= ((diff | -diff) >>> 31) ^ 1;
    }
    return matched === 1;
  };
}
