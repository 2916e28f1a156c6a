// A create request's body after validation against the spec (defaults filled in).
import type { VideoDuration } from './prices.js';

export interface CreateBody {
  model: string;
  prompt: string;
  aspect_ratio: '16:9' | '9:16';
  duration: VideoDuration;
  remove_watermark: boolean;
  image_urls?: string[];
  callback_url?: string;
  [extra: string]: unknown;
}
