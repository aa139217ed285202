import { landEfficiencyOperations as op } from '../../../../contract/land-efficiency.ts';
import { operationUrl } from '../../../lib/api-client';
import type { ResultsParams } from './list-results';

/** 亩均效益综合评价结果表 (.xlsx) with the table's filter; the browser fetches it with the session cookie. */
export const landEfficiencyExportUrl = ({ page: _p, pageSize: _s, ...query }: ResultsParams) => operationUrl(op.exportResults, { query });
