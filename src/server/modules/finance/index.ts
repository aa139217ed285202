/** The finance module's public surface: the only file of modules/finance/ another module may import. */
export { createFinanceService, quarterLabel, quarterOf, quarterText, type FinanceService } from './finance.service.ts';
