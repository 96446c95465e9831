/** Going through the "who are you" step in the browser, as a person would. */
import type { Page } from 'playwright-core';

export interface PersonDetails {
  name: string;
  city: string;
  lang?: string;
}

/** Fills and submits the identity form that is on the page now. */
export const enterIdentity = async (page: Page, person: PersonDetails): Promise<void> => {
  await page.getByTestId('identity-form').waitFor();
  await page.getByTestId('identity-name').fill(person.name);
  await page.getByTestId('identity-city').selectOption(person.city);
  if (person.lang) await page.getByTestId('identity-lang').selectOption(person.lang);
  await page.getByTestId('identity-submit').click();
};

/** The number a tile shows for one figure (`ideas`, `proposed`, `agreed` or `people`). */
export const tileCount = async (page: Page, boardId: string, figure: string): Promise<number> =>
  Number(await page.locator(`[data-board-id="${boardId}"] [data-testid="count-${figure}"]`).getAttribute('data-count'));

/**
 * A facilitator confirms the lobby request of the person named `name` (what one tap on the wall's
 * People panel does), through the API. Waits until the request exists; returns the participant id.
 */
export const confirmByName = async (baseUrl: string, workshopId: string, facilitatorToken: string, name: string): Promise<string> => {
  const headers = { authorization: `Bearer ${facilitatorToken}` };
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/workshops/${workshopId}/participants`, { headers });
    const { participants } = (await res.json()) as { participants: Array<{ id: string; name: string; status: string }> };
    const person = participants.find((p) => p.name === name && p.status === 'pending');
    if (person) {
      const confirmed = await fetch(`${baseUrl}/api/workshops/${workshopId}/participants/${person.id}/confirm`, { method: 'POST', headers });
      if (!confirmed.ok) throw new Error(`confirming ${name} answered ${confirmed.status}`);
      return person.id;
    }
    if (Date.now() > deadline) throw new Error(`no lobby request from ${name}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
