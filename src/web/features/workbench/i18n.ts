/** The workbench feature's UI strings (zh-CN first), merged into the catalogues by its manifest (feature.tsx). */
export const workbenchZh = {
  'menu.workbench': '工作台',
  'workbench.greeting': '{name}，您好',
  'workbench.zones': '我的开发区',
  'workbench.parks': '园区',
  'workbench.departments': '部门',
  'workbench.users': '用户',
  'workbench.noZones': '您当前没有可查看的开发区',
  'workbench.recentChanges': '最近变更',
  'workbench.noChanges': '暂无变更记录',
} as const;

export const workbenchEn: Record<keyof typeof workbenchZh, string> = {
  'menu.workbench': 'Workbench',
  'workbench.greeting': 'Hello, {name}',
  'workbench.zones': 'My zones',
  'workbench.parks': 'Parks',
  'workbench.departments': 'Departments',
  'workbench.users': 'Users',
  'workbench.noZones': 'You do not cover any zone yet',
  'workbench.recentChanges': 'Recent changes',
  'workbench.noChanges': 'No changes yet',
};
