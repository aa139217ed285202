
import { features } from '../app/features';
import type { MessageKey, shellZh } from './zh-cn';

const shellEn: Record<keyof typeof shellZh, string> = {
  'app.name': 'Development Zone Investment & Project Platform',
  'app.shortName': 'zonedesk',

  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.create': 'Create',
  'common.edit': 'Edit',
  'common.search': 'Search',
  'common.actions': 'Actions',
  'common.all': 'All',
  'common.confirm': 'OK',
  'common.reload': 'Reload',
  'common.history': 'History',
  'common.empty': 'No data',
  'common.none': '—',
  'common.loadFailed': 'Failed to load',
  'common.retry': 'Retry',
  'common.saved': 'Saved',
  'common.created': 'Created',
  'common.total': '{total} in total',

  'error.network': 'Cannot reach the server; check the network and try again',

  'lang.zh': '中文',
  'lang.en': 'English',


  'shell.zoneSwitcher': 'Select zone',
  'shell.allZones': 'All zones',
  'shell.language': 'Language',

  'menu.system': 'Administration',
  'menu.open': 'Menu',
  'search.open': 'Search',
  'search.placeholder': 'Name or code of a project, lead, enterprise or blocker',
  'search.hint': 'Type a name, a lead code or a credit code; ↑↓ to choose, Enter to open, Esc to close',
  'search.results': 'Search results',
  'search.none': 'Nothing you may see matches',
  'search.kind.project': 'Project',
  'search.kind.lead': 'Lead',
  'search.kind.enterprise': 'Enterprise',
  'search.kind.blocker': 'Blocker',
  'menu.audit': 'Audit log',

  'notFound.title': 'Page not found',
  'notFound.subtitle': 'The page you asked for does not exist',
  'notFound.back': 'Back to the workbench',

  'forbidden.title': 'Not allowed',
  'forbidden.subtitle': 'You are not allowed to open this page',

  'conflict.title': 'Someone else saved first',
  'conflict.reload': 'Reload',




  'reportPeriod.week': 'Weekly',
  'reportPeriod.xun': 'Every ten days',
  'reportPeriod.month': 'Monthly',

  'audit.title': 'Audit log',
  'audit.at': 'Time',
  'audit.actor': 'By',
  'audit.action': 'Action',
  'audit.entity': 'Record',
  'audit.entityType': 'Record type',
  'audit.filterActor': 'Only this person',
  'audit.actorFilter': 'By: {name}',
  'audit.field': 'Field',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.noFieldChanges': 'No field changed',
  'audit.historyTitle': 'History: {name}',
  'audit.noHistory': 'No history yet',

  'entity.zone': 'Zone',
  'entity.park': 'Park',
  'entity.department': 'Department',
  'entity.user': 'User',

  'action.zone.create': 'Created zone',
  'action.zone.update': 'Updated zone',
  'action.park.create': 'Added park',
  'action.park.update': 'Updated park',
  'action.department.create': 'Created department',
  'action.department.update': 'Updated department',
  'action.user.create': 'Created user',
  'action.user.update': 'Updated user',
  'action.user.deactivate': 'Deactivated user',
  'action.user.activate': 'Activated user',
  'action.user.password_reset': 'Reset password',
  'action.user.password_changed': 'Changed password',
  'action.auth.login': 'Logged in',
  'action.auth.logout': 'Logged out',
  'action.auth.locked': 'Account locked',

  'field.name': 'Name',
  'field.shortName': 'Short name',
  'field.code': 'Code',
  'field.kind': 'Kind',
  'field.regionCode': 'Region code',
  'field.reportPeriod': 'Reporting period',
  'field.zoneId': 'Zone',
  'field.username': 'Username',
  'field.displayName': 'Name',
  'field.role': 'Role',
  'field.zoneIds': 'Zones',
  'field.departmentId': 'Department',
  'field.title': 'Title',
  'field.phone': 'Phone',
  'field.active': 'Active',
  'field.version': 'Version',
  'field.mustChangePassword': 'Must change password',

  'validation.required': 'Required',
  'money.wanUnit': '10k CNY',
  'validation.money': 'Invalid amount (in 10k CNY, at most 4 decimals)',
  'validation.invalid': 'Invalid format',
  'validation.min8': 'At least 8 characters',
  'validation.username': '3–32 letters, digits, _ . -',
  'validation.phone': 'Enter a valid phone number',
  'validation.code': '2–32 letters, digits, _ or -',
  'validation.tooShort': 'At least {min} characters',
  'validation.tooLong': 'At most {max} characters',

  'value.true': 'Yes',
  'value.false': 'No',

};

export const enUS = Object.assign({}, shellEn, ...features.map((f) => f.strings?.['en-US'] ?? {})) as Record<MessageKey, string>;
