/** The funding module's public surface: the only file of modules/funding/ another module may import. */
export { createFundingService, summaryText, type FundingService } from './funding.service.ts';
