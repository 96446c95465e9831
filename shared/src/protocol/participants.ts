/**
 * Who speaks for a city. A city's voice (votes counted for it, consent recorded for it) is granted
 * by a facilitator, never claimed:
 *   - a *seat*: the facilitator creates it for a city (and maybe a name) and hands out its link;
 *     everyone opening that link is the same participant, with one ballot;
 *   - the *lobby*: anyone with the shared delegate link registers a name and the city they claim,
 *     and waits (pending) until a facilitator confirms or rejects that claim.
 * Pending people and guests join and edit cards but cannot vote or answer consent. The server
 * checks the participant record on every vote and consent answer, not only the token's claims.
 */
export const ParticipantStatus = {
  /** Registered through the lobby; waits for a facilitator. */
  pending: 'pending',
  /** Speaks for their city: may vote and answer consent. */
  confirmed: 'confirmed',
  /** A facilitator turned the lobby request down. */
  rejected: 'rejected',
  /** A facilitator removed them; their open votes and consent answers went with them. */
  removed: 'removed'
} as const;
export type ParticipantStatus = (typeof ParticipantStatus)[keyof typeof ParticipantStatus];

/** How a participant came to speak for their city. */
export const ParticipantVia = {
  /** A facilitator created a seat and handed out its link. */
  seat: 'seat',
  /** Registered in the lobby (confirmed by `decidedBy` once confirmed). */
  lobby: 'lobby',
  /** A facilitator registered with their own link. */
  facilitator: 'facilitator'
} as const;
export type ParticipantVia = (typeof ParticipantVia)[keyof typeof ParticipantVia];

/** A participant as the HTTP API shows it (the facilitator's list, a person's own record). */
export interface ParticipantView {
  id: string;
  name: string;
  /** English name of the city: claimed while pending, granted once confirmed. */
  city: string;
  status: ParticipantStatus;
  via: ParticipantVia;
  createdAt: string;
  /** Who confirmed, rejected or removed them (a facilitator's name), and when. */
  decidedBy?: string;
  decidedAt?: string;
  /** What left with them when they were removed. */
  withdrawn?: { votes: number; consent: number };
  /** Seats only, to facilitators only: the seat's personal token, for its link and QR code. */
  seatToken?: string;
}

/** POST /workshops/:id/participants answer. */
export interface Registration {
  participantId: string;
  token: string;
  participant: ParticipantView;
}
