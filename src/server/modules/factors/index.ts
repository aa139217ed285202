/** 要素保障's public surface: the only file of modules/factors/ another module may import. */
export { createFactorsService, type FactorsService } from './factors.service.ts';
