/**
 * The consent answers a board page knows, for the Export menu's verdicts. Reads the board's
 * facilitation from context, so it is called while a component is being set up; outside a
 * workshop no answer is known, so no action counts as agreed.
 */
import { DEFAULT_CONSENT_SCOPE } from '@plenary/shared/control';
import { getBoardFacilitation } from '$lib/facilitation';
import type { ConsentSource } from './export-check.ts';

export const boardConsent = (): (() => ConsentSource) => {
  const f = getBoardFacilitation();
  return () => ({ consent: f?.control.snapshot.consent ?? {}, scope: f?.control.snapshot.consentScope ?? DEFAULT_CONSENT_SCOPE, cities: f?.cities ?? [] });
};
