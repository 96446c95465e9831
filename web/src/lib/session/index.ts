/**
 * The person on this device: tokens per workshop, identity per workshop, cached workshop
 * descriptions, and the `WorkshopSession` shared by every page of a workshop.
 */
export { rememberToken, tokenFor, tokensFor, roleFor, takeTokenFromUrl, forgetWorkshop } from './tokens.ts';
export {
  identityFor,
  saveIdentity,
  lastIdentity,
  PRESENCE_COLORS,
  NAME_MAX_LENGTH,
  type Identity,
  type IdentityInput
} from './identity.ts';
export { cachedWorkshop, cacheWorkshop } from './workshop-cache.ts';
export { ensurePersonalToken, refreshParticipant, PARTICIPANT_POLL_MS } from './participant.ts';
export { WorkshopSession, getWorkshopSession, setWorkshopSession } from './workshop-session.svelte.ts';
