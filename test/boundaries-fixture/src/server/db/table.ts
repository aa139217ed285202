import { helper } from '../platform/helper.ts'; // BAD: db-is-the-bottom-layer

export const table = { name: 'things', helper };
