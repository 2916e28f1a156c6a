// The flags of the mocks the suite drives, in one place: global-setup.ts starts processes with them and
// `pnpm image:test` (scripts/image-test.ts) starts containers with them for the `mock-url` target.

export const MOCK_API_KEYS = ['contract-key-a', 'contract-key-b'] as const;

/** Every mock of the suite: the two keys it knows and credits enough for the whole run. */
export const commonFlags = (): string[] => ['--api-keys', MOCK_API_KEYS.join(','), '--credits', '1000'];

/** The mock the suite drives: manual clock, local callbacks, a known secret. */
export function drivenFlags(webhookSecret: string): string[] {
  return [
    ...commonFlags(),
    '--clock',
    'manual',
    '--allow-local-callbacks',
    '--webhook-secret',
    webhookSecret,
    '--seed',
    'contract',
  ];
}

/** The strict mock: it enforces the callback host rules the driven one lifts. */
export const strictFlags = (): string[] => [...commonFlags(), '--clock', 'manual'];
