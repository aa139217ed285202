import type { Locale } from '../../../contract/errors.ts';
import type { SessionContext } from '../../platform/auth/session.ts';

/** The 工作台 speaks the user's own language (its lines are rendered on the server). */
export const requestLocaleOf = (s: SessionContext): Locale => s.user.locale;
