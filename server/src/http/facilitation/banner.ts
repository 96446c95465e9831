/** PUT / DELETE /workshops/:id/banner — a message on every board, or on one (`boardId`). */
import { Hono } from 'hono';
import { bannerFor, writeBanner, type Banner } from '@plenary/shared/control';
import { bannerBody } from '@plenary/shared/control/schemas';
import { z } from 'zod';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerName, callerOf, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

const setBanner = describeRoute({
  tag: 'facilitation',
  summary: 'Show a message on every board, or on one',
  callers: Callers.facilitator,
  body: bannerBody,
  answers: { 200: '`{ banner: { text, at, by } }`.' },
  errors: { 400: '`boardId` is not a board of this workshop.' }
});
const clearBanner = describeRoute({
  tag: 'facilitation',
  summary: "Clear the workshop's banner, or one board's",
  callers: Callers.facilitator,
  query: z.object({ boardId: z.string().optional().describe("The board whose banner to clear; without it, the workshop's.") }),
  answers: { 200: "`{ banner }`: what the board shows now (the workshop's banner after clearing a board's), or null." },
  errors: { 400: '`boardId` is not a board of this workshop.' }
});

export const bannerRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .put('/:id/banner', setBanner, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'set the banner');
      const body = await setBanner.body(c);
      if (body.boardId) requireBoard(caller.workshop, body.boardId);
      const banner: Banner = { text: body.text, at: new Date().toISOString(), by: await callerName(deps, caller) };
      await deps.control.withControl(caller.workshop.id, (doc) => writeBanner(doc, body.boardId, banner));
      return c.json({ banner });
    })
    .delete('/:id/banner', clearBanner, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'clear the banner');
      const boardId = clearBanner.query(c).boardId || undefined;
      if (boardId) requireBoard(caller.workshop, boardId);
      const shown = await deps.control.withControl(caller.workshop.id, (doc) => {
        writeBanner(doc, boardId, null);
        return bannerFor(doc, boardId);
      });
      return c.json({ banner: shown });
    });
