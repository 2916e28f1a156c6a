// A create request's body after validation against the spec: the spec's `VideoGenerationRequest`
// (generated), with the defaults filled in by the validator.
import type { Schemas } from '@videotask/spec';

type Request = Schemas['VideoGenerationRequest'];

export type CreateBody = Request & Required<Pick<Request, 'aspect_ratio' | 'duration' | 'remove_watermark'>>;
