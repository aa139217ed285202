import { isApiError } from './api-error';

/** Someone else saved the record first: the cached copy is stale and should be re-read. */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'VERSION_CONFLICT';
}
