/**
 * Everything a page inside `/w/<workshopId>/…` needs to know about the person and the workshop,
 * created once by the workshop layout and shared through Svelte context.
 *
 * Public API
 *   const session = getWorkshopSession()     (in any component under /w/[workshopId])
 *   session.workshopId
 *   session.token          the active token on this device, or null                 ($state)
 *   session.role           'facilitator' | 'delegate' | 'observer' | null          ($derived)
 *   session.workshop       Workshop from the server, or the cached copy offline     ($state)
 *   session.error          ApiError from the last refresh, if any                   ($state)
 *   session.identity       Identity (name, city, lang, color) or null               ($state)
 *   session.needsIdentity  a delegate or facilitator without a name yet             ($derived)
 *   session.participant    the person's own record (city, pending/confirmed…) or null ($state)
 *   session.mayVote        confirmed to speak for their city: votes and consent open ($derived)
 *   session.connection     the connection (BoardConnection or ConnectionGroup) whose status the header shows; a board page sets
 *                          it on mount and back to null on destroy                 ($state)
 *   session.setIdentity(input)   saves and publishes a new identity
 *   session.refresh()            re-reads the workshop from the server
 *   session.board(boardId)       the board's record (theme, names per language), or undefined
 */
import { getContext, setContext } from 'svelte';
import { ParticipantStatus, peekClaims, Role, type ParticipantView } from '@plenary/shared/protocol';
import { ApiError, getWorkshop, type BoardRef, type Workshop } from '$lib/api';
import type { ConnectionState } from '$lib/sync';
import { identityFor, saveIdentity, type Identity, type IdentityInput } from './identity.ts';
import { knownParticipant } from './participant-cache.ts';
import { tokenFor } from './tokens.ts';
import { cachedWorkshop, cacheWorkshop } from './workshop-cache.ts';

const CONTEXT = Symbol('plenary.workshop-session');

export class WorkshopSession {
  readonly workshopId: string;
  token = $state<string | null>(null);
  workshop = $state<Workshop | null>(null);
  error = $state<ApiError | null>(null);
  identity = $state<Identity | null>(null);
  connection = $state<ConnectionState | null>(null);
  participant = $state<ParticipantView | null>(null);
  /** The personal token's record was read once (a seat link waits for it instead of asking a name). */
  participantChecked = $state(false);

  readonly role: Role | null = $derived(this.token ? (peekClaims(this.token)?.r ?? null) : null);
  /** Observers (a projector) watch anonymously. */
  readonly needsIdentity: boolean = $derived(this.role !== null && this.role !== Role.observer && !this.identity);
  readonly mayVote: boolean = $derived(this.role !== Role.observer && this.participant?.status === ParticipantStatus.confirmed);

  constructor(workshopId: string) {
    this.workshopId = workshopId;
    this.token = tokenFor(workshopId);
    this.identity = identityFor(workshopId);
    this.workshop = cachedWorkshop(workshopId);
    // The record as last read, until the fresh one comes (read when the page is idle).
    this.participant = knownParticipant(workshopId, this.token);
  }

  async refresh(): Promise<void> {
    if (!this.token) return;
    try {
      const workshop = await getWorkshop(this.workshopId, this.token);
      cacheWorkshop(workshop);
      this.workshop = workshop;
      this.error = null;
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError(0, String(error));
    }
  }

  setIdentity(input: IdentityInput): Identity {
    this.identity = saveIdentity(this.workshopId, input);
    return this.identity;
  }

  /** The board's record (its theme and the theme's names), or undefined. */
  board(boardId: string): BoardRef | undefined {
    return this.workshop?.boards.find((b) => b.id === boardId);
  }
}

export const setWorkshopSession = (session: WorkshopSession): WorkshopSession => setContext(CONTEXT, session);

export const getWorkshopSession = (): WorkshopSession => {
  const session = getContext<WorkshopSession | undefined>(CONTEXT);
  if (!session) throw new Error('getWorkshopSession() outside /w/[workshopId]');
  return session;
};
