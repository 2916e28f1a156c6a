// The facts a task keeps of its validated create body, read through the model's profile in the spec.
import { modelEntry } from '@videotask/spec';
import { describe, expect, test } from 'vitest';
import { type CreateBody, modelOf, requestFacts } from './create-body.js';

const body = (fields: Record<string, unknown>) => fields as unknown as CreateBody;

describe('requestFacts', () => {
  test("sora-2 with its defaults: the asked-for ratio, watermark removed, the spec's price and pace", () => {
    expect(
      requestFacts(
        body({ model: 'sora-2', prompt: 'x', aspect_ratio: '9:16', remove_watermark: true, duration: 15 }),
      ),
    ).toEqual({
      model: 'sora-2',
      duration: 15,
      aspectRatio: '9:16',
      removeWatermark: true,
      image: false,
      priceUc: 51_750,
      pace: { seconds_per_video_second: [4.5, 6], image_extra_seconds: 5 },
    });
  });

  test("a model whose body has no ratio or watermark field: '' and true; an image makes it image-to-video", () => {
    const facts = requestFacts(
      body({ model: 'sora-2-preview', prompt: 'x', duration: 4, image_urls: ['https://a.example/x.jpg'] }),
    );
    expect(facts).toMatchObject({ aspectRatio: '', removeWatermark: true, image: true });
    expect(facts.pace).toEqual(modelEntry('sora-2-preview')?.profile.processing);
  });

  test('remove_watermark false is kept; an empty image list is text-to-video', () => {
    const facts = requestFacts(
      body({ model: 'sora-2', prompt: 'x', duration: 10, remove_watermark: false, image_urls: [] }),
    );
    expect(facts).toMatchObject({ removeWatermark: false, image: false, priceUc: 23_000 });
  });

  test('modelOf: the spec entry, or an error naming the model', () => {
    expect(modelOf(body({ model: 'sora-2' }))).toBe(modelEntry('sora-2'));
    expect(() => modelOf(body({ model: 'nope' }))).toThrow('The spec describes no model nope');
  });
});
