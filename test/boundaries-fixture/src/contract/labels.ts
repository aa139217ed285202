import { helper } from '../server/platform/helper.ts'; // BAD: contract-stands-alone

export const label = `name ${helper()}`;
