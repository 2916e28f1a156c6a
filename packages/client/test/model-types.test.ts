// The create body narrows on its `model` literal: each model's own durations and qualities type-check,
// another model's do not. `pnpm typecheck` checks the @ts-expect-error lines: an accepted body fails it.
import { expect, expectTypeOf, test } from 'vitest';
import type { ModelRequest, VideoGenerationRequest, VideoModel } from '../src/index.js';

test('each model takes its own values', () => {
  const bodies: VideoGenerationRequest[] = [
    { model: 'sora-2', prompt: 'p', duration: 15, remove_watermark: false },
    { model: 'sora-2-preview', prompt: 'p', duration: 12 },
    { model: 'MiniMax-Hailuo-2.3', prompt: 'p', quality: '1080p', duration: 6 },
    { model: 'MiniMax-Hailuo-02', quality: '512p', image_urls: ['https://example.com/a.png'] },
    { model: 'veo-3.1-generate-preview', prompt: 'p', n: 2, quality: '4k' },
    { model: 'wan2.6-text-to-video', prompt: 'p', duration: 13 },
  ];
  expect(bodies).toHaveLength(6);
  expectTypeOf<ModelRequest<'sora-2'>['duration']>().toEqualTypeOf<10 | 15 | undefined>();
  expectTypeOf<'seedance-1.5-pro'>().toExtend<VideoModel>();
});

test("another model's duration, quality or field is a compile error", () => {
  const wrong: VideoGenerationRequest[] = [
    // @ts-expect-error sora-2 takes 10 or 15 seconds, not sora-2-preview's 12
    { model: 'sora-2', prompt: 'p', duration: 12 },
    // @ts-expect-error MiniMax-Hailuo-2.3 has no 512p (MiniMax-Hailuo-02 has)
    { model: 'MiniMax-Hailuo-2.3', prompt: 'p', quality: '512p' },
    // @ts-expect-error sora-2-preview has no remove_watermark (sora-2 has)
    { model: 'sora-2-preview', prompt: 'p', remove_watermark: true },
    // @ts-expect-error a model the spec does not describe
    { model: 'sora-3', prompt: 'p' },
  ];
  expect(wrong).toHaveLength(4);
});
