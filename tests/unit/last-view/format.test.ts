/**
 * The service worker's side of a board's last view (web/src/lib/last-view/format.ts): the shell it
 * answers a board's address with holds the picture at the start of its body and the picture's
 * stylesheets in its head, and nothing is put in when the picture cannot be shown as it was drawn —
 * another version drew it, it names a stylesheet this build does not have or one outside the
 * build's own files, or it is larger than a first screen ever is.
 */
import { describe, expect, it } from 'vitest';
import { BOARD_PATH, LAST_VIEW_ATTRIBUTE, lastViewFrom, lastViewResponse, MAX_VIEW_BYTES, withLastView } from '../../../web/src/lib/last-view/format.ts';

const SHELL = [
  '<!doctype html><html><head><link href="/_app/immutable/assets/board.A1.css" rel="stylesheet"><script>boot()</script>',
  '<script data-route-preloads>preload(location.pathname)</script></head>',
  '<body data-sveltekit-preload-data="hover"><div style="display: contents"><script>start()</script></div></body></html>'
].join('');
const STYLES = ['/_app/immutable/assets/board.A1.css', '/_app/immutable/assets/8.B2.css'];
const build = { version: 'v2', has: (path: string) => STYLES.includes(path) || FONTS.includes(path) };
const FONTS = ['/_app/immutable/assets/noto-sans-latin-400-normal.D4.woff2'];
const view = { html: '<main><article data-card-id="c1"><textarea>Bike lanes</textarea></article></main>', styles: STYLES, fonts: FONTS, version: 'v2' };

describe('withLastView', () => {
  it('puts the picture first in the body, over the page, and adds the stylesheets the shell lacks to its head', () => {
    const html = withLastView(SHELL, view, build);
    expect(html).not.toBeNull();
    const page = html!;
    const layerAt = page.indexOf(`<div ${LAST_VIEW_ATTRIBUTE}`);
    expect(layerAt).toBe(page.indexOf('<body data-sveltekit-preload-data="hover">') + '<body data-sveltekit-preload-data="hover">'.length);
    expect(page.indexOf(view.html)).toBeGreaterThan(layerAt);
    // The picture comes before the app's own root, whose boot script is untouched.
    expect(page.indexOf(view.html)).toBeLessThan(page.indexOf('<div style="display: contents"><script>start()</script>'));
    expect(page).toContain('<link rel="stylesheet" href="/_app/immutable/assets/8.B2.css"></head>');
    // The fonts are asked for at once, as fonts are (CORS).
    expect(page).toContain('<link rel="preload" as="font" type="font/woff2" crossorigin href="/_app/immutable/assets/noto-sans-latin-400-normal.D4.woff2">');
    // The shell's own stylesheet is not named twice.
    expect(page.split('board.A1.css').length - 1).toBe(1);
  });

  it("moves the shell's route preloads after the picture, before the app's boot script, so they do not hold the picture back", () => {
    const page = withLastView(SHELL, view, build)!;
    const preloads = '<script data-route-preloads>preload(location.pathname)</script>';
    expect(page.split(preloads).length - 1).toBe(1);
    expect(page.indexOf(preloads)).toBeGreaterThan(page.indexOf(view.html));
    expect(page.indexOf(preloads)).toBeLessThan(page.indexOf('<script>start()</script>'));
    // The rest of the head stays where it was.
    expect(page.indexOf('<script>boot()</script>')).toBeLessThan(page.indexOf('</head>'));
  });

  it('leaves the shell alone for a picture drawn by another version', () => {
    expect(withLastView(SHELL, { ...view, version: 'v1' }, build)).toBeNull();
  });

  it('leaves the shell alone for a picture naming a stylesheet the build does not have, or one outside its files', () => {
    expect(withLastView(SHELL, { ...view, styles: [...STYLES, '/_app/immutable/assets/gone.C3.css'] }, build)).toBeNull();
    const everything = { ...build, has: () => true };
    expect(withLastView(SHELL, { ...view, styles: ['https://elsewhere.example/x.css'] }, everything)).toBeNull();
    expect(withLastView(SHELL, { ...view, styles: ['/_app/immutable/a.css"><script>x()</script>'] }, everything)).toBeNull();
  });

  it('leaves the shell alone for a picture naming a font file the build does not have', () => {
    expect(withLastView(SHELL, { ...view, fonts: ['/_app/immutable/assets/gone.E5.woff2'] }, build)).toBeNull();
    expect(withLastView(SHELL, { ...view, fonts: ['/_app/immutable/x.css'] }, { ...build, has: () => true })).toBeNull();
  });

  it('leaves the shell alone for a picture larger than a first screen', () => {
    expect(withLastView(SHELL, { ...view, html: 'x'.repeat(MAX_VIEW_BYTES + 1) }, build)).toBeNull();
  });

  it('keeps a picture in the cache and reads it back whole', async () => {
    const back = await lastViewFrom(lastViewResponse(view));
    expect(back).toEqual(view);
  });

  it('keeps pictures of board pages only', () => {
    expect(BOARD_PATH.test('/w/ws1/b/board1')).toBe(true);
    expect(BOARD_PATH.test('/w/ws1/b/board1/present')).toBe(false);
    expect(BOARD_PATH.test('/w/ws1')).toBe(false);
  });
});
