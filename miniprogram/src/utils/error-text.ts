import { ApiError } from '../api/client';

/** The Chinese message to show for any failure: the server's own words when it sent some. */
export function errorText(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : new ApiError('UNKNOWN_ERROR', 0).message;
}
