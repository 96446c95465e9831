/**
 * The operator's commands, each a function of the store and the parsed options. They refuse in
 * words (`Refused`) and never touch a workshop they were not asked about.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { rotateStoredSecret, secretsConfigured } from '../auth/secret.ts';
import { applyDeletion, planDeletion, type DeletionPlan } from '../operations/delete-workshop.ts';
import { exportAll } from '../operations/export-all.ts';
import { listSummaries } from '../operations/inventory.ts';
import { applyRetention, idleWorkshops } from '../operations/retention.ts';
import type { Store } from '../persistence/store.ts';
import { formatBytes, formatWhen, table, type Output } from './output.ts';

/** A command declined (missing --yes, a non-empty target…); exit code 1 with the message. */
export class Refused extends Error {}

export interface CommandContext {
  store: Store;
  config: Config;
  out: Output;
  /** Positional arguments after the command name. */
  args: string[];
  flags: {
    yes: boolean;
    force: boolean;
    idleDays?: number;
    graceDays?: number /** --as-of: judge idleness as of this instant (ms), to preview a later run. */;
    asOf?: number;
  };
}

const summaryRows = (rows: Awaited<ReturnType<typeof listSummaries>>) =>
  table(
    ['WORKSHOP', 'TITLE', 'BOARDS', 'STORED', 'PARTICIPANTS', 'LAST ACTIVITY'],
    rows.map((w) => [w.id, w.title, String(w.boards), formatBytes(w.bytes), String(w.participants), formatWhen(w.lastActivityAt)]),
    new Set([2, 3, 4])
  );

const describePlan = (plan: DeletionPlan): string => {
  const versions = Object.values(plan.versions).reduce((a, b) => a + b, 0);
  return [
    `Workshop ${plan.workshopId} "${plan.title}":`,
    `  documents (${plan.docs.length}, with ${versions} versions): ${plan.docs.join(', ')}`,
    `  records (${plan.metaKeys.length}): ${plan.metaKeys.join(', ')}`,
    `  follow-up update lists: ${plan.records.join(', ')}`
  ].join('\n');
};

const needArg = (ctx: CommandContext, what: string): string => {
  const value = ctx.args[0];
  if (!value) throw new Refused(`missing ${what}`);
  return value;
};

export const commands: Record<string, (ctx: CommandContext) => Promise<void>> = {
  async list({ store, out }) {
    const rows = await listSummaries(store);
    out.result(rows, () => (rows.length === 0 ? 'No workshops.' : summaryRows(rows)));
  },

  async delete(ctx) {
    const id = needArg(ctx, 'workshop id: pnpm plenary delete <workshopId> --yes');
    const plan = await planDeletion(ctx.store, id);
    if (!plan) throw new Refused(`no workshop ${id}`);
    if (!ctx.flags.yes) {
      ctx.out.result({ deleted: false, plan }, () => `${describePlan(plan)}\nNothing deleted: run again with --yes to delete all of this.`);
      throw new Refused('');
    }
    const done = await applyDeletion(ctx.store, plan);
    ctx.out.result(
      { deleted: true, plan, ...done },
      () => `Deleted workshop ${id}: ${done.docs} documents, ${done.versions} versions, ${done.meta} records, ${done.records} follow-up updates.`
    );
  },

  async retention(ctx) {
    const days = ctx.flags.idleDays;
    if (days === undefined || days < 1) throw new Refused('--idle-days N: a whole number of days, 1 or more');
    if (!ctx.flags.yes) {
      const idle = await idleWorkshops(ctx.store, days, ctx.flags.asOf);
      ctx.out.result({ deleted: false, idleDays: days, workshops: idle }, () =>
        idle.length === 0
          ? `No workshop has been idle for ${days} days.`
          : `${summaryRows(idle)}\nNothing deleted: these ${idle.length} workshops have been idle for ${days} days or more; run again with --yes to delete them.`
      );
      if (idle.length > 0) throw new Refused('');
      return;
    }
    const deleted = await applyRetention(ctx.store, days, ctx.flags.asOf);
    ctx.out.result({ deleted: true, idleDays: days, workshops: deleted }, () =>
      deleted.length === 0
        ? `No workshop has been idle for ${days} days.`
        : `Deleted ${deleted.length} workshops idle for ${days} days or more:\n${summaryRows(deleted)}`
    );
  },

  async backup(ctx) {
    const file = resolve(needArg(ctx, 'file: pnpm plenary backup <file>'));
    if (existsSync(file) && !ctx.flags.force) throw new Refused(`${file} exists; choose another name or add --force to overwrite it`);
    const summary = await ctx.store.backup(file);
    ctx.out.result(
      { file, store: ctx.store.kind, ...summary },
      () => `Backed up the ${ctx.store.kind} store to ${file}: ${summary.items} items, ${formatBytes(summary.bytes)}.`
    );
  },

  async restore(ctx) {
    const file = resolve(needArg(ctx, 'file: pnpm plenary restore <file> [--force]'));
    if (!existsSync(file)) throw new Refused(`${file} does not exist`);
    const [workshops, boards] = await Promise.all([ctx.store.listMeta('workshop:'), ctx.store.listMeta('board:')]);
    if ((workshops.length > 0 || boards.length > 0) && !ctx.flags.force) {
      throw new Refused(
        `the ${ctx.store.kind} store is not empty (${workshops.length} workshops); a restore replaces everything in it. Stop the servers and add --force to replace it.`
      );
    }
    const summary = await ctx.store.restore(file);
    ctx.out.result(
      { file, store: ctx.store.kind, ...summary },
      () => `Restored ${summary.items} items into the ${ctx.store.kind} store from ${file}. Start the servers again.`
    );
  },

  async 'export-all'(ctx) {
    const dir = resolve(needArg(ctx, 'directory: pnpm plenary export-all <dir>'));
    const files = await exportAll(ctx.store, dir, { chromiumPath: ctx.config.CHROMIUM_PATH, concurrency: ctx.config.EXPORT_CONCURRENCY }, (f) =>
      ctx.out.note(f.file ? `  ${f.workshopId} ${f.format}: ${f.file}` : `  ${f.workshopId} ${f.format}: skipped (${f.skipped})`)
    );
    const written = files.filter((f) => f.file);
    ctx.out.result({ dir, files }, () => `Wrote ${written.length} files for ${new Set(files.map((f) => f.workshopId)).size} workshops into ${dir}.`);
  },

  async 'rotate-secret'(ctx) {
    if (secretsConfigured(ctx.config)) {
      throw new Refused(
        'SECRET is set in the environment, so the store does not hold the secret. To rotate it: set SECRET to a new value, ' +
          'SECRET_PREVIOUS to the old one and SECRET_PREVIOUS_UNTIL to when links signed with it stop working (e.g. 2026-03-31), then restart every instance.'
      );
    }
    const graceDays = ctx.flags.graceDays ?? DEFAULT_GRACE_DAYS;
    const rotated = await rotateStoredSecret(ctx.store, graceDays);
    ctx.out.result({ rotated: true, graceDays, ...rotated }, () =>
      [
        'Rotated the signing secret. New links are signed with the new secret;',
        `links signed with the previous one keep working until ${rotated.graceEndsAt} (${graceDays} days).`,
        'Running instances pick it up within 30 seconds.'
      ].join('\n')
    );
  }
};

/** Links of the previous secret keep working this long unless --grace-days says otherwise. */
export const DEFAULT_GRACE_DAYS = 30;
