/** PUT / DELETE /workshops/:id/banner — a message on every board, or on one (`boardId`). */
import { Hono } from 'hono';
import { bannerBody, bannerFor, writeBanner, type Banner } from '@plenary/shared/control';
import { callerName, callerOf, parseBody, requireBoard, requireFacilitator, type FacilitationDeps } from './context.ts';

export const bannerRoutes = (deps: FacilitationDeps) =>
  new Hono()
    .put('/:id/banner', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'set the banner');
      const body = await parseBody(c, bannerBody);
      if (body.boardId) requireBoard(caller.workshop, body.boardId);
      const banner: Banner = { text: body.text, at: new Date().toISOString(), by: await callerName(deps, caller) };
      await deps.control.withControl(caller.workshop.id, (doc) => writeBanner(doc, body.boardId, banner));
      return c.json({ banner });
    })
    .delete('/:id/banner', async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'clear the banner');
      const boardId = c.req.query('boardId') || undefined;
      if (boardId) requireBoard(caller.workshop, boardId);
      const shown = await deps.control.withControl(caller.workshop.id, (doc) => {
        writeBanner(doc, boardId, null);
        return bannerFor(doc, boardId);
      });
      return c.json({ banner: shown });
    });
