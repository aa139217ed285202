import { statisticsOperations } from '../../../../contract/statistics.ts';
import { operationUrl } from '../../../lib/api-client';
import type { GridQuery } from './get-grid';

/** The grid as .xlsx; the browser fetches it with the session cookie. */
export const statisticsExportUrl = (query: GridQuery) => operationUrl(statisticsOperations.export, { query });
/** The assessment results of a year as .xlsx. */
export const assessmentExportUrl = (year: number) => operationUrl(statisticsOperations.exportResults, { query: { year } });
