/** The projects feature's strings the shell shows (menu, 工作台), merged into the catalogs (zh-cn.ts, en-us.ts). */
export const projectsZh = {
  'menu.projects': '项目管理',
  'menu.projectBatch': '批量填报',
  'menu.landStandards': '标准地履标',
  'menu.projectSettings': '项目模板与规则',
  'menu.calendar': '节假日管理',
  'workbench.projectOverdue': '我的超期节点',
  'workbench.projectReportsDue': '待填报进度',
  'workbench.projectDaysOverdue': '超期 {days} 天',
  'workbench.projectFileNow': '去填报',
} as const;

export const projectsEn: Record<keyof typeof projectsZh, string> = {
  'menu.projects': 'Projects',
  'menu.projectBatch': 'Batch progress',
  'menu.landStandards': 'Standard-land compliance',
  'menu.projectSettings': 'Project templates & rules',
  'menu.calendar': 'Holidays',
  'workbench.projectOverdue': 'My overdue milestones',
  'workbench.projectReportsDue': 'Progress reports due',
  'workbench.projectDaysOverdue': '{days} days overdue',
  'workbench.projectFileNow': 'File now',
};
