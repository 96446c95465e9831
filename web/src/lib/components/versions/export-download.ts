/**
 * Downloading an export with the page still in charge: the file is fetched (so the menu can show
 * that it is being prepared and say why it failed), then handed to the browser as a download under
 * the name the server gave in Content-Disposition. A busy server (503) comes back as an `ApiError`
 * with the wait it asked for in `retryAfterMs`.
 */
import { ApiError } from '$lib/api';

/** The UTF-8 name of RFC 6266 / 5987 (`filename*=UTF-8''…`), else the plain `filename="…"`. */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
};

const retryAfterMs = (value: string | null): number | undefined => {
  const seconds = Number(value);
  return value !== null && value.trim() !== '' && Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined;
};

/** Fetches `url` and saves the answer as a file; throws `ApiError` (status 0 when offline). */
export const downloadExport = async (url: string, fallbackName: string): Promise<void> => {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => null)) as { error?: string; field?: string } | null;
    throw new ApiError(response.status, answer?.error ?? response.statusText, answer?.field, retryAfterMs(response.headers.get('retry-after')));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start reading the blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
};
