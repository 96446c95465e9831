/**
 * The outcomes page's state: the view read from the server, the filters (city, theme), and what
 * the shared progress rules derive from them (shared/src/follow-up/progress.ts), so the page, the
 * calendar feed and the report never disagree. Reloads after each update this device records.
 */
import {
  FollowUpRole,
  commitmentProgress,
  dueAndOverdue,
  involvesCity,
  leadsCommitment,
  timeline,
  type CommitmentProgress,
  type OutcomesView
} from '@plenary/shared/follow-up';
import { ApiError, closeWorkshop, createFollowUpLink, getOutcomes, postUpdate, type FollowUpLink } from '$lib/api';

const today = (): string => new Date().toISOString().slice(0, 10);

export class OutcomesState {
  view = $state<OutcomesView | null>(null);
  error = $state<ApiError | null>(null);
  /** English name of the city to show, or '' for all. */
  city = $state('');
  /** Theme title to show, or '' for all. */
  theme = $state('');
  readonly workshopId: string;
  readonly token: string;

  constructor(workshopId: string, token: string) {
    this.workshopId = workshopId;
    this.token = token;
  }

  async load(): Promise<void> {
    try {
      this.view = await getOutcomes(this.workshopId, this.token);
      this.error = null;
    } catch (err) {
      this.error = err instanceof ApiError ? err : new ApiError(0, String(err));
    }
  }

  get role() {
    return this.view?.viewer.role ?? null;
  }
  /** The city whose follow-up link this is, if it is one. */
  get myCity(): string | null {
    return this.view?.viewer.role === FollowUpRole.city ? (this.view.viewer.city ?? null) : null;
  }
  get isFacilitator(): boolean {
    return this.view?.viewer.role === 'facilitator';
  }

  get cities(): string[] {
    const v = this.view;
    if (!v) return [];
    return [...new Set(v.commitments.flatMap((c) => [c.leadCity, ...c.partnerCities]))].sort((a, b) => a.localeCompare(b));
  }
  get themes(): string[] {
    return [...new Set(this.view?.commitments.map((c) => c.theme) ?? [])].sort((a, b) => a.localeCompare(b));
  }

  /** Every commitment (after the filters) with where it stands. */
  get progress(): CommitmentProgress[] {
    const v = this.view;
    if (!v) return [];
    return v.commitments
      .filter((c) => (!this.city || involvesCity(c, this.city)) && (!this.theme || c.theme === this.theme))
      .map((c) => commitmentProgress(c, v.updates));
  }
  get due() {
    return dueAndOverdue(this.progress, today());
  }
  get timeline() {
    return timeline(this.progress);
  }

  /** True when this device's city link may report progress on `commitment` (the server checks too). */
  mayReport(p: CommitmentProgress): boolean {
    return !!this.myCity && leadsCommitment(p.commitment, this.myCity);
  }

  async record(body: unknown): Promise<void> {
    await postUpdate(this.workshopId, this.token, body);
    await this.load();
  }

  async close(): Promise<void> {
    await closeWorkshop(this.workshopId, this.token);
    await this.load();
  }

  link(body: Parameters<typeof createFollowUpLink>[2]): Promise<FollowUpLink> {
    return createFollowUpLink(this.workshopId, this.token, body);
  }
}
