// One callback attempt as the log records it, and the alterations a redelivery can ask for: the admin
// spec's shapes (mock-admin.yaml, generated), not copies of them.
import type { AdminSchemas } from '@videotask/spec';
import { redeliverMutationValues } from '@videotask/spec/admin-types';

/** How a redelivery is altered (`RedeliverMutation` in mock-admin.yaml). */
export const REDELIVER_MUTATIONS = redeliverMutationValues;
export type RedeliverMutation = AdminSchemas['RedeliverMutation'];

export type AttemptOutcome = AdminSchemas['DeliveryOutcome'];

/** One callback attempt, as recorded (and listed by GET /__mock/deliveries). */
export type DeliveryAttempt = AdminSchemas['DeliveryAttempt'];
