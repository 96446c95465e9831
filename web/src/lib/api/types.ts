/** The HTTP API's shapes live in @plenary/shared, used by the server too. */
export type * from '@plenary/shared/api';
