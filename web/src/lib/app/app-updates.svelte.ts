/**
 * The app's service worker (src/service-worker.ts): registered here, and watched so the person is
 * told when a new version has been installed. A new service worker takes over at once (it skips
 * waiting), but the open page still runs the old code until it is reloaded — so the page offers a
 * reload instead of swapping code under someone's typing. Browsers look for a new service worker
 * only on navigations, and a board stays open all day: the page asks again every half hour.
 */
import { dev } from '$app/environment';
import { whenIdle } from './idle.ts';

/** How often an open page asks the server for a new version. */
const CHECK_INTERVAL_MS = 30 * 60_000;
/**
 * Installing keeps this version's files (a few megabytes): on a phone on slow Wi-Fi that download
 * would compete with the board's own first load, so registering waits for the page to have loaded
 * and gone idle (this long at most after the load).
 */
const REGISTER_IDLE_TIMEOUT_MS = 10_000;

class AppUpdates {
  /** A new version is installed and takes effect on reload. */
  ready = $state(false);
  #started = false;

  start(): void {
    if (this.#started || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
    this.#started = true;
    const container = navigator.serviceWorker;
    // The first install also takes control of the page (on a first visit): that is no new version.
    let controlled = container.controller !== null;
    container.addEventListener('controllerchange', () => {
      if (controlled) this.ready = true;
      controlled = true;
    });
    const register = () =>
      container
        .register('/service-worker.js', { type: dev ? 'module' : 'classic' })
        .then((registration) => {
          setInterval(() => void registration.update().catch(() => undefined), CHECK_INTERVAL_MS);
        })
        .catch(() => undefined); // not https:// or localhost: the app works, without an offline shell
    const afterLoad = () => whenIdle(() => void register(), REGISTER_IDLE_TIMEOUT_MS);
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  }

  reload(): void {
    location.reload();
  }
}

export const appUpdates = new AppUpdates();
