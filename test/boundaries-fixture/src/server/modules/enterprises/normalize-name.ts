// A cycle inside one module is not a cycle between modules.
import { serviceName } from './enterprises.service.ts';

export const normalizeName = (name: string) => `${serviceName}:${name.trim()}`;
