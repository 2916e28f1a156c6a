// A task's price from its model's profile in the spec, and credits kept as UC (1 credit = 10,000
// UC, the vendor's price unit) so balances are integers and never drift.
import { adminSpec, priceUc as formulaPrice, type ModelEntry, UC_PER_CREDIT } from '@videotask/spec';

/** The most credits a balance may hold (the admin spec's bound): in UC it stays a safe integer. */
export const MAX_CREDITS = (
  adminSpec.components.schemas.SetCreditsRequest as { properties: { credits: { maximum: number } } }
).properties.credits.maximum;

/** The price in UC of a validated create body (defaults filled in) for its model. */
export function priceUc(model: ModelEntry, body: object): number {
  return formulaPrice(model.profile.price, body as Record<string, unknown>);
}

/** UC as the API writes credits (a number with up to 4 decimals). */
export function toCredits(uc: number): number {
  return uc / UC_PER_CREDIT;
}

/** Credits (as a user writes them) to UC. */
export function toUc(credits: number): number {
  return Math.round(credits * UC_PER_CREDIT);
}
