/**
 * The plain (non-text) fields of one card as reactive state. Each card has its own object, so a
 * change to one card re-renders that card only; text fields are not copied here at all (they are
 * bound straight to their `Y.Text`, see text-binding.ts).
 */
import * as Y from 'yjs';
import { CARD_KINDS, dateProblems, readPosition, type CardKind, type CardMap, type Lane } from '@plenary/shared/schema';
import type { ActionStatus, DateProblem } from '@plenary/shared/schema';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export class CardState {
  readonly id: string;
  readonly map: CardMap;
  readonly kind: CardKind;
  lane = $state<Lane>('ideas');
  order = '';
  lang = $state('und');
  createdBy = $state('');
  authorCity = $state('');
  sourceCity = $state('');
  leadCity = $state<string | null>(null);
  partnerCities = $state.raw<string[]>([]);
  startDate = $state<string | null>(null);
  endDate = $state<string | null>(null);
  status = $state<ActionStatus>('draft');
  /** The idea an action was made from (docs/SCHEMA.md, "Ideas become actions"). */
  fromIdea = $state<string | null>(null);
  milestoneDates = $state.raw<(string | null)[]>([]);
  readonly problems: DateProblem[] = $derived.by(() =>
    this.kind === 'action'
      ? dateProblems({
          kind: 'action',
          startDate: this.startDate,
          endDate: this.endDate,
          milestones: this.milestoneDates.map((date) => ({ date }))
        })
      : []
  );

  constructor(id: string, map: CardMap, kind: CardKind) {
    this.id = id;
    this.map = map;
    this.kind = kind;
    this.refresh();
  }

  /** Re-reads the plain fields after a change inside this card. */
  refresh(): void {
    const map = this.map;
    const position = readPosition(map);
    this.lane = position.lane;
    this.order = position.order;
    this.lang = str(map.get('lang')) || 'und';
    this.createdBy = str(map.get('createdBy'));
    this.authorCity = str(map.get('authorCity'));
    if (this.kind === 'practice') this.sourceCity = str(map.get('sourceCity'));
    if (this.kind !== 'action') return;
    this.leadCity = strOrNull(map.get('leadCity'));
    this.startDate = strOrNull(map.get('startDate'));
    this.endDate = strOrNull(map.get('endDate'));
    this.status = (str(map.get('status')) || 'draft') as ActionStatus;
    this.fromIdea = strOrNull(map.get('fromIdea'));
    const partners = map.get('partnerCities');
    const cities = partners instanceof Y.Map ? [...partners.keys()].sort() : [];
    if (cities.join('\n') !== this.partnerCities.join('\n')) this.partnerCities = cities;
    const milestones = map.get('milestones');
    const dates = milestones instanceof Y.Array ? milestones.toArray().map((m) => (m instanceof Y.Map ? strOrNull(m.get('date')) : null)) : [];
    if (dates.join('\n') !== this.milestoneDates.join('\n')) this.milestoneDates = dates;
  }

  /** The `Y.Text` of a text field, if the card has it. */
  text(field: string): Y.Text | undefined {
    const value = this.map.get(field);
    return value instanceof Y.Text ? value : undefined;
  }
}

/** A card state for a card map, or undefined for a kind this version does not show. */
export const createCardState = (id: string, map: CardMap): CardState | undefined => {
  const kind = map.get('kind');
  return (CARD_KINDS as readonly unknown[]).includes(kind) ? new CardState(id, map, kind as CardKind) : undefined;
};
