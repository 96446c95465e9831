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
