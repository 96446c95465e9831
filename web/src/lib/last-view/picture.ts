/**
 * The picture of a board's first screen, as HTML (format.ts says what it is for): the app's root
 * content copied, each lane cut down to the cards that fill a screen below its top, what belongs to
 * the moment (others' carets, menus, toasts, announcements) left out, and each text field holding
 * the text it shows. Shown again before any script runs, so nothing in it may depend on one:
 * buttons do nothing, forms do not submit, links still go where they go. Its text fields stay
 * editable; what is typed in them is carried into the app (handover.ts).
 */
import { FIRST_OFF_SCREEN } from '$lib/board/progressive.svelte.ts';
import { CJK_FONT_FILE, LAST_VIEW_ATTRIBUTE, SEEN_TESTID, TRANSIENT_ATTRIBUTE } from './format.ts';

/** Attributes naming other elements by id: ids are dropped (the app's own page holds the same ones). */
const ID_REFERENCES = ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant'];
/** Elements left out of the copy: of the moment, opened on demand, or scripts. */
const LEFT_OUT_TAGS = new Set(['SCRIPT', 'TEMPLATE', 'DIALOG']);
const LEFT_OUT_ROLES = new Set(['dialog', 'alertdialog', 'menu']);

const leftOut = (element: Element): boolean =>
  LEFT_OUT_TAGS.has(element.tagName) ||
  element.hasAttribute(TRANSIENT_ATTRIBUTE) ||
  element.hasAttribute(LAST_VIEW_ATTRIBUTE) ||
  LEFT_OUT_ROLES.has(element.getAttribute('role') ?? '');

/** Whether a lane is on the screen when the lanes are scrolled to their start, as a page opens. */
const laneOnFirstScreen = (list: Element): boolean => {
  const lanes = list.closest('[data-lanes]');
  const lane = list.closest('[data-lane]');
  if (!lanes || !lane) return true;
  const left = lane.getBoundingClientRect().left - lanes.getBoundingClientRect().left + lanes.scrollLeft;
  return left < lanes.clientWidth;
};

/**
 * The cards of each lane below its first screen, as a page opens (lanes and lists scrolled to their
 * start): in a lane on the screen, those whose top is a screen's height or more below the top of
 * its list; in a lane off it (a phone shows one lane), all but the first few, as the app itself
 * draws them first (progressive.svelte.ts).
 */
const belowFirstScreens = (root: Element): Set<Element> => {
  const cut = new Set<Element>();
  for (const list of root.querySelectorAll('[data-card-list]')) {
    const cards = [...list.children];
    if (!laneOnFirstScreen(list)) {
      for (const card of cards.slice(FIRST_OFF_SCREEN)) cut.add(card);
      continue;
    }
    const listTop = list.getBoundingClientRect().top - list.scrollTop;
    let below = false;
    for (const card of cards) {
      below ||= card.getBoundingClientRect().top - listTop >= window.innerHeight;
      if (below) cut.add(card);
    }
  }
  return cut;
};

/** The element as it goes into the picture (its children are copied by the caller). */
const copyOf = (element: Element): Element => {
  const copy = element.cloneNode(false) as Element;
  for (const name of ID_REFERENCES) copy.removeAttribute(name);
  const testid = copy.getAttribute('data-testid');
  if (testid !== null) {
    copy.removeAttribute('data-testid');
    copy.setAttribute(SEEN_TESTID, testid);
  }
  if (element instanceof HTMLTextAreaElement) copy.textContent = element.value;
  else if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox' || element.type === 'radio') copy.toggleAttribute('checked', element.checked);
    else copy.setAttribute('value', element.value);
  } else if (element instanceof HTMLOptionElement) copy.toggleAttribute('selected', element.selected);
  else if (copy instanceof HTMLButtonElement) copy.type = 'button';
  // A form in a page without scripts would submit to the board's address: "dialog" outside a
  // dialog submits nowhere.
  else if (copy instanceof HTMLFormElement) copy.method = 'dialog';
  return copy;
};

/** Copies `from`'s children into `into`, leaving out what does not belong in a picture. */
const copyChildren = (from: Node, into: Node, cut: Set<Element>): void => {
  for (let child = from.firstChild; child; child = child.nextSibling) {
    if (child instanceof Element) {
      if (cut.has(child) || leftOut(child)) continue;
      const copy = copyOf(child);
      // A textarea's copy holds its value already; an announcement's words are of the moment.
      if (!(child instanceof HTMLTextAreaElement) && !child.hasAttribute('aria-live')) copyChildren(child, copy, cut);
      into.appendChild(copy);
    } else if (child.nodeType === Node.TEXT_NODE) {
      into.appendChild(child.cloneNode(false));
    }
  }
};

/**
 * The picture of `root`'s content (the app's root element), or null when it shows no board. Reads
 * the layout once (which cards are on a lane's first screen) and copies only what goes in the
 * picture: on a phone with a long board the rest is most of the page.
 */
export const pictureOf = (root: Element): string | null => {
  if (!root.querySelector('[data-lane]')) return null;
  const cut = belowFirstScreens(root);
  const copy = root.cloneNode(false) as Element;
  copyChildren(root, copy, cut);
  return copy.innerHTML;
};

/**
 * The Chinese, Japanese and Korean faces: hundreds of font rules whose set-up makes a page's first
 * layout several times slower (lib/fonts/load.ts adds them once the board's first screen is drawn).
 * A picture is drawn with the device's own CJK font, as the app's first screen is.
 */
const AFTER_FIRST_SCREEN = /\/fonts-cjk\.[^/]*\.css$/;

/** The build's stylesheets in the page, as paths: the picture is drawn with those of a first screen. */
export const stylesInPage = (): string[] =>
  [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
    .map((link) => new URL(link.href, location.href))
    .filter((url) => url.origin === location.origin && !AFTER_FIRST_SCREEN.test(url.pathname))
    .map((url) => url.pathname);

/** The build's font files the page has used, as paths (the picture's text is drawn with them). */
export const fontsInPage = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.endsWith('.woff2') && !CJK_FONT_FILE.test(url.pathname))
    .map((url) => url.pathname)
    .filter((path, i, all) => all.indexOf(path) === i);
