// The model profiles as the spec gives them, and the prices their formulas give.
import { describe, expect, test } from 'vitest';
import { modelDefaults, modelEntries, modelEntry, priceUc, UC_PER_CREDIT } from './models.js';
import { createSpecValidator } from './validator.js';

const validate = createSpecValidator({ useDefaults: true }).requestBody('createVideoGeneration');
/** A body with the schema's defaults filled in, as the mock prices it. */
const body = (input: Record<string, unknown>) => {
  const copy = structuredClone(input);
  if (!validate(copy)) throw new Error(validate.issues[0]?.message);
  return copy;
};
const price = (input: Record<string, unknown>) => {
  const entry = modelEntry(String(input.model));
  if (!entry) throw new Error(`no model ${String(input.model)}`);
  return priceUc(entry.profile.price, body(input)) / UC_PER_CREDIT;
};

test('the spec describes at least nine models in at least five families, each with a profile', () => {
  const entries = modelEntries();
  expect(entries.map((e) => e.id)).toEqual(
    expect.arrayContaining([
      'sora-2',
      'sora-2-preview',
      'sora-2-pro-preview',
      'seedance-1.5-pro',
      'kling-o3-text-to-video',
      'veo-3.1-generate-preview',
      'MiniMax-Hailuo-2.3',
      'MiniMax-Hailuo-02',
      'wan2.6-text-to-video',
    ]),
  );
  expect(new Set(entries.map((e) => e.profile.family)).size).toBeGreaterThanOrEqual(5);
  for (const { id, schema } of entries) {
    expect((schema.properties as { model: { const: string } }).model.const).toBe(id);
  }
});

describe('prices from the formulas', () => {
  test.each([
    // sora-2: the seed documents' table, keyed by duration and watermark.
    [{ model: 'sora-2', prompt: 'x' }, 3.737],
    [{ model: 'sora-2', prompt: 'x', duration: 15, remove_watermark: false }, 3.737],
    [{ model: 'sora-2', prompt: 'x', duration: 15 }, 5.175],
    // sora-2-preview: 5.76 credits a second, at least 23.04.
    [{ model: 'sora-2-preview', prompt: 'x' }, 23.04],
    [{ model: 'sora-2-preview', prompt: 'x', duration: 12 }, 69.12],
    // seedance-1.5-pro: 1.7784/s × quality × audio (on ×2), half up in UC.
    [{ model: 'seedance-1.5-pro', prompt: 'x' }, 17.784],
    [{ model: 'seedance-1.5-pro', prompt: 'x', quality: '480p', generate_audio: false }, 4.0903],
    // the minimum applies below it: 4 s at 480p without audio is 3.2721, charged 3.4445.
    [{ model: 'seedance-1.5-pro', prompt: 'x', duration: 4, quality: '480p', generate_audio: false }, 3.4445],
    // kling: 5.4/s, sound on at 1080p ×1.667.
    [{ model: 'kling-o3-text-to-video', prompt: 'x', quality: '1080p', sound: 'on' }, 45.009],
    // veo: 12.672/s × n, audio on ×2 (the default).
    [{ model: 'veo-3.1-generate-preview', prompt: 'x', n: 2 }, 202.752],
    // wan: 4.76/s, 1080p ×1.67.
    [{ model: 'wan2.6-text-to-video', prompt: 'x', duration: 10, quality: '1080p' }, 79.492],
  ])('%o costs %d credits', (input, credits) => {
    expect(price(input)).toBeCloseTo(credits, 6);
  });

  test('every enumerated combination of a lookup has a price', () => {
    for (const entry of modelEntries()) {
      const properties = entry.schema.properties as Record<string, { enum?: unknown[]; type?: string }>;
      const { price: formula } = entry.profile;
      for (const table of [formula.table_uc, ...(formula.factors ?? [])]) {
        if (!table) continue;
        const choices = table.by.map(
          (f) => properties[f]?.enum ?? (properties[f]?.type === 'boolean' ? [true, false] : []),
        );
        const keys = choices.reduce<string[]>(
          (acc, values) => acc.flatMap((k) => values.map((v) => (k ? `${k},${String(v)}` : String(v)))),
          [''],
        );
        expect(Object.keys(table.values).sort(), `${entry.id} ${table.by.join(',')}`).toEqual(keys.sort());
      }
    }
  });
});

test('defaults come from the schema', () => {
  const entry = modelEntry('MiniMax-Hailuo-2.3');
  expect(entry && modelDefaults(entry)).toEqual({ quality: '768p', duration: 6 });
});
