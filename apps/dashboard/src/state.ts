/** What the pages share: the day the figures are shown as of ('' = today). */
export const state = { asOf: '' };

export function today(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
