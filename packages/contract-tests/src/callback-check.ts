// How the suite trusts a callback delivery on any target: by its body (a finished task as the spec
// describes it), by confirming it (reading back the task it names: the same task, ended), and by its
// Standard Webhooks signature only when the delivery carries signature headers (the live API sends none).
import { isDeepStrictEqual } from 'node:util';
import { confirmCallback, type TaskReader, verifyCallback } from '@videotask/client';
import { createSpecValidator } from '@videotask/spec/validator';
import type { Arrival } from '@videotask/testkit';

/** What the checks read of a delivery the receiver got. */
type Delivery = Pick<Arrival, 'headers' | 'rawBody'>;

const callbackBody = createSpecValidator().webhookBody('taskFinished');

/** The headers that make a delivery signed; a `webhook-id` alone (the mock's unsigned mode keeps it for dedupe) does not. */
export const SIGNATURE_HEADERS = ['webhook-timestamp', 'webhook-signature'] as const;

export interface DeliveryCheck {
  /** The API's own copy of the task the delivery names (undefined when it could not be read). */
  confirmed: unknown;
  /** Whether the delivery carried any signature header (and so had its signature checked). */
  signed: boolean;
  /** Everything about the delivery that cannot be trusted or breaks the spec; empty when it holds. */
  problems: string[];
}

export interface CheckOptions {
  /** Reads tasks from the target (the suite's spec-checking client). */
  client: TaskReader;
  /** The target's signing secret; needed only for a delivery that carries signature headers. */
  secret?: string | undefined;
  /** The time a signature's timestamp is judged against (the mock's manual clock), in ms. */
  now?: () => number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function checkSignature(delivery: Delivery, options: CheckOptions): Promise<string[]> {
  if (!options.secret) {
    return ['the delivery is signed but the suite has no secret to verify it (set CONTRACT_WEBHOOK_SECRET)'];
  }
  try {
    await verifyCallback(delivery.rawBody, delivery.headers, options.secret, { now: options.now });
    return [];
  } catch (error) {
    return [`signature: ${messageOf(error)}`];
  }
}

/** Checks one delivery; see the module header for what is demanded of it. */
export async function checkDelivery(delivery: Delivery, options: CheckOptions): Promise<DeliveryCheck> {
  const problems: string[] = [];
  const contentType = String(delivery.headers['content-type'] ?? '');
  if (!/^application\/json\b/.test(contentType)) problems.push(`content-type is "${contentType}"`);

  let body: unknown;
  try {
    body = JSON.parse(delivery.rawBody);
    if (!callbackBody(body))
      problems.push(...callbackBody.issues.map((i) => `body: ${i.message} (at ${i.path || '/'})`));
  } catch {
    problems.push('body: not JSON');
  }

  let confirmed: unknown;
  try {
    confirmed = await confirmCallback(options.client, delivery.rawBody);
    if (!isDeepStrictEqual(confirmed, body))
      problems.push('confirmation: the API reports the task differently from the delivery');
  } catch (error) {
    problems.push(`confirmation: ${messageOf(error)}`);
  }

  const signed = SIGNATURE_HEADERS.some((name) => delivery.headers[name] !== undefined);
  if (signed) problems.push(...(await checkSignature(delivery, options)));
  return { confirmed, signed, problems };
}
