import type { StringKeysOf } from '../app/feature';
import { features } from '../app/features';

/**
 * The shell's own strings (app, common words, errors, validation, audit vocabulary). Each feature
 * brings its own in its manifest; the catalogue is the shell's plus every feature's, and the
 * Chinese one is the source of truth: its keys type every other catalogue and every `t()` call.
 */
export const shellZh = {
  'app.name': '开发区招商与项目管理平台',
  'app.shortName': 'zonedesk',

  'common.save': '保存',
  'common.cancel': '取消',
  'common.create': '新建',
  'common.edit': '编辑',
  'common.search': '搜索',
  'common.actions': '操作',
  'common.all': '全部',
  'common.confirm': '确定',
  'common.reload': '重新加载',
  'common.history': '历史记录',
  'common.empty': '暂无数据',
  'common.none': '—',
  'common.loadFailed': '加载失败',
  'common.retry': '重试',
  'common.saved': '已保存',
  'common.created': '已创建',
  'common.total': '共 {total} 条',
  'common.selected': '已选 {count} 条',
  'common.clearSelection': '取消选择',
  'common.exportSelected': '导出所选',
  'common.batchDone': '已批量处理 {count} 条',
  'common.batchRefused': '{count} 条不能处理，整批均未保存：{rows}',
  'common.exported': '已导出 {count} 条',
  'common.personPlaceholder': '选择人员（可输入姓名搜索）',
  'common.upload': '选择文件',
  'common.uploadHint': '支持 {accept}，不超过 {size}',
  'common.uploadTooLarge': '文件超过 {size}',
  'common.uploadWrongType': '只支持 {accept} 文件',

  'error.network': '无法连接服务器，请检查网络后重试',

  'lang.zh': '中文',
  'lang.en': 'English',


  'shell.zoneSwitcher': '选择开发区',
  'shell.allZones': '全部开发区',
  'shell.language': '语言',

  'menu.system': '系统管理',
  'menu.open': '菜单',
  'search.open': '搜索',
  'search.placeholder': '项目、线索、企业或堵点的名称、编号',
  'search.hint': '输入名称、线索编号或统一社会信用代码；↑↓ 选择，回车打开，Esc 关闭',
  'search.results': '搜索结果',
  'search.none': '没有找到可查看的记录',
  'search.kind.project': '项目',
  'search.kind.lead': '线索',
  'search.kind.enterprise': '企业',
  'search.kind.blocker': '堵点',
  'menu.audit': '操作日志',

  'notFound.title': '页面不存在',
  'notFound.subtitle': '您访问的页面不存在或已被移除',
  'notFound.back': '返回工作台',

  'forbidden.title': '无权访问',
  'forbidden.subtitle': '您没有访问此页面的权限',

  'conflict.title': '记录已被他人修改',
  'conflict.reload': '重新加载',




  'reportPeriod.week': '每周',
  'reportPeriod.xun': '每旬',
  'reportPeriod.month': '每月',

  'audit.title': '操作日志',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.entity': '对象',
  'audit.entityType': '对象类型',
  'audit.filterActor': '仅看此人',
  'audit.actorFilter': '操作人：{name}',
  'audit.field': '字段',
  'audit.before': '修改前',
  'audit.after': '修改后',
  'audit.noFieldChanges': '无字段变化',
  'audit.historyTitle': '历史记录：{name}',
  'audit.noHistory': '暂无历史记录',

  'entity.zone': '开发区',
  'entity.park': '园区',
  'entity.department': '部门',
  'entity.user': '用户',

  'action.zone.create': '新建开发区',
  'action.zone.update': '修改开发区',
  'action.park.create': '新增园区',
  'action.park.update': '修改园区',
  'action.department.create': '新建部门',
  'action.department.update': '修改部门',
  'action.user.create': '新建用户',
  'action.user.update': '修改用户',
  'action.user.deactivate': '停用用户',
  'action.user.activate': '启用用户',
  'action.user.password_reset': '重置密码',
  'action.user.password_changed': '修改密码',
  'action.auth.login': '登录',
  'action.auth.logout': '退出登录',
  'action.auth.locked': '账号锁定',

  'field.name': '名称',
  'field.shortName': '简称',
  'field.code': '编码',
  'field.kind': '类型',
  'field.regionCode': '区域代码',
  'field.reportPeriod': '填报周期',
  'field.zoneId': '开发区',
  'field.username': '用户名',
  'field.displayName': '姓名',
  'field.role': '角色',
  'field.zoneIds': '开发区',
  'field.departmentId': '部门',
  'field.title': '职务',
  'field.phone': '电话',
  'field.active': '启用',
  'field.version': '版本',
  'field.mustChangePassword': '需修改密码',

  'validation.required': '必填',
  'money.wanUnit': '万元',
  'validation.money': '金额格式不正确（单位万元，最多 4 位小数）',
  'validation.invalid': '格式不正确',
  'validation.min8': '至少 8 个字符',
  'validation.username': '3–32 位字母、数字或 _ . -',
  'validation.phone': '请输入有效的电话号码',
  'validation.code': '2–32 位字母、数字、_ 或 -',
  'validation.tooShort': '至少 {min} 个字符',
  'validation.tooLong': '最多 {max} 个字符',

  'value.true': '是',
  'value.false': '否',

} as const;

export type MessageKey = keyof typeof shellZh | StringKeysOf<(typeof features)[number]>;

export const zhCN = Object.assign({}, shellZh, ...features.map((f) => f.strings?.['zh-CN'] ?? {})) as Record<MessageKey, string>;
