/**
 * The service worker (built by vite-plugin-pwa, see vite.config.ts), seen as runes.
 * A new version installs in the background and waits; `needRefresh` turns true, and
 * the app shows a prompt. Reloading hands control to the new version. IndexedDB is
 * not touched by any of this, so imported data stays across updates.
 */
export class AppUpdate {
  /** A new version is installed and waiting for the user to reload. */
  needRefresh = $state(false);
  private updateSW: ((reloadPage?: boolean) => Promise<void>) | undefined;
  private registered = false;

  /**
   * Registers the service worker. The registration code (and workbox-window) is
   * loaded lazily, so it is not part of the JavaScript the first view waits for.
   */
  async register(): Promise<void> {
    if (this.registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    this.registered = true;
    const { registerSW } = await import('virtual:pwa-register');
    this.updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onRegisteredSW: (_url, registration) => {
        // An installed app can stay open for days: look for a new version hourly, when online.
        if (!registration) return;
        setInterval(() => {
          if (navigator.onLine) void registration.update().catch(() => undefined);
        }, HOUR);
      },
      onRegisterError: (e: unknown) => console.warn('The app could not be set up to work offline:', e),
    });
  }

  /** Switches to the waiting version; the page reloads once it has taken control. */
  async reload(): Promise<void> {
    await this.updateSW?.(true);
  }

  dismiss(): void {
    this.needRefresh = false;
  }
}

const HOUR = 60 * 60 * 1000;
