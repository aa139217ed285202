/** The approval services' public surface: the only file of modules/approval-services/ another module may import. */
export { createApprovalServicesService, type ApprovalServicesService } from './approval-services.service.ts';
