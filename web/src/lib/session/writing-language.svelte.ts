/**
 * The language a person writes cards in is their identity's `lang`, not the interface language:
 * a Khmer delegate may read the board in English and still write in Khmer. But someone who
 * switches the interface to another language usually means to write in it too, and until they
 * say so their new cards are tagged with the old one. So each switch to a language other than
 * the one they write in offers, once, to write in it as well.
 *
 *   const offer = new WritingLanguageOffer(session)
 *   offer.follow(i18n.locale)   on every interface language change (the first call only notes it)
 *   offer.offered               the language offered, or null                   ($derived)
 *   offer.accept() / offer.keep()
 */
import type { Locale } from '$lib/i18n';
import type { WorkshopSession } from './workshop-session.svelte.ts';

export class WritingLanguageOffer {
  readonly #session: WorkshopSession;
  #seen: Locale | null = null;
  #candidate = $state<Locale | null>(null);

  /** Gone as soon as the person writes in it anyway (chosen in the identity form, say). */
  readonly offered: Locale | null = $derived.by(() => {
    const lang = this.#session.identity?.lang;
    return this.#candidate && lang && lang !== this.#candidate ? this.#candidate : null;
  });

  constructor(session: WorkshopSession) {
    this.#session = session;
  }

  follow(locale: Locale): void {
    const first = this.#seen === null;
    if (locale === this.#seen) return;
    this.#seen = locale;
    this.#candidate = first ? null : locale;
  }

  /** New cards (and presence) from now on carry the offered language. */
  accept(): void {
    const identity = this.#session.identity;
    const lang = this.offered;
    if (identity && lang) this.#session.setIdentity({ name: identity.name, city: identity.city, lang, color: identity.color });
    this.#candidate = null;
  }

  keep(): void {
    this.#candidate = null;
  }
}
