import { thingSchema } from '../contract/things.ts';
import { createLeadsService } from '../server/modules/leads/index.ts'; // BAD: web-not-to-server

export const page = () => [thingSchema, createLeadsService];
