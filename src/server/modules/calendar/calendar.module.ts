import { defineModule } from '../../platform/module.ts';
import { calendarPolicy } from './calendar.policy.ts';
import { createCalendarRepository } from './calendar.repository.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { createCalendarService, type CalendarService } from './calendar.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    calendar: CalendarService;
  }
}

export const calendarModule = defineModule({
  name: 'calendar',
  policy: calendarPolicy,
  service: ({ db, audit }) => createCalendarService({ db, days: createCalendarRepository(), audit }),
  routes: calendarRoutes,
});
