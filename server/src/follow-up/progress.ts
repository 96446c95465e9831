/**
 * Recording progress: a city's link adds a dated update to the workshop's append-only list. The
 * rules, checked here on the server:
 *   - progress (status, percent, moved date, value) only by the city that leads the commitment;
 *   - notes by any city's link, on any commitment (partners and others comment);
 *   - the milestone or indicator must be one of the commitment's, as frozen;
 *   - nothing is ever changed or removed: a correction is a newer update.
 */
import { ProgressItem, UpdateKind, leadsCommitment, type ProgressUpdate, type ProgressUpdateBody } from '@plenary/shared/follow-up';
import { randomBytes } from 'node:crypto';
import { Refusal, RefusalKind } from '../lib/refusal.ts';
import type { Workshop } from '../workshops/workshop.ts';
import type { FollowUpRecords } from './records.ts';

export const createProgress = (records: FollowUpRecords) => ({
  async record(workshop: Workshop, city: string, body: ProgressUpdateBody): Promise<ProgressUpdate> {
    const [, ...rest] = body.commitmentId.split('.');
    const commitment = rest.length > 0 ? await records.commitment(workshop.id, body.commitmentId) : null;
    if (!commitment) throw new Refusal(RefusalKind.notFound, 'commitmentId: no such commitment in this workshop', 'commitmentId');
    if (body.kind === UpdateKind.progress && !leadsCommitment(commitment, city)) {
      throw new Refusal(
        RefusalKind.forbidden,
        `${city} does not lead this commitment: only ${commitment.leadCity || 'its lead city'} records its progress; ${city} may add a note`
      );
    }
    if (body.item === ProgressItem.milestone && !commitment.milestones.some((m) => m.id === body.itemId)) {
      throw new Refusal(RefusalKind.invalid, 'itemId: not a milestone of this commitment', 'itemId');
    }
    if (body.item === ProgressItem.indicator && !commitment.indicators.some((i) => i.id === body.itemId)) {
      throw new Refusal(RefusalKind.invalid, 'itemId: not an indicator of this commitment', 'itemId');
    }
    const update: ProgressUpdate = {
      id: randomBytes(9).toString('base64url'),
      commitmentId: commitment.id,
      at: new Date().toISOString(),
      city,
      kind: body.kind,
      item: body.item,
      ...(body.item !== ProgressItem.commitment && body.itemId ? { itemId: body.itemId } : {}),
      ...(body.kind === UpdateKind.progress
        ? {
            status: body.status,
            ...(body.percent !== undefined ? { percent: body.percent } : {}),
            ...(body.dueDate ? { dueDate: body.dueDate } : {}),
            ...(body.value ? { value: body.value } : {})
          }
        : {}),
      note: body.note,
      lang: body.lang,
      evidence: body.evidence
    };
    if (!(await records.append(workshop.id, update))) {
      throw new Refusal(RefusalKind.tooMany, 'this workshop holds the most progress updates it may; ask the organiser');
    }
    return update;
  }
});
export type Progress = ReturnType<typeof createProgress>;
