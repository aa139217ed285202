/**
 * Chain templates (产业链模板) a zone copies and then edits: the common chains of Chinese zones with
 * real-looking links from upstream to downstream, branches where a chain forks. A copied link keeps
 * its template key, so the province finds the same link in every zone that holds it.
 */
import type { LinkStage } from '../../../contract/chains/enums.ts';

export interface TemplateLink {
  key: string;
  name: string;
  stage: LinkStage;
  /** The link upstream of it; null for a root. */
  parentKey: string | null;
  products: string[];
  /** GB/T 4754 divisions. */
  industryCodes: string[];
}
export interface ChainTemplate {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  links: TemplateLink[];
}

const l = (key: string, name: string, stage: LinkStage, parentKey: string | null, products: string[], industryCodes: string[]): TemplateLink => ({
  key,
  name,
  stage,
  parentKey,
  products,
  industryCodes,
});

export const chainTemplates: ChainTemplate[] = [
  {
    key: 'lithium',
    name: '锂电池产业链',
    nameEn: 'Lithium battery',
    description: '锂矿资源—正负极材料、电解液、隔膜—电芯—电池包与储能系统—回收利用',
    links: [
      l('li-ore', '锂资源开采与提炼', 'upstream', null, ['碳酸锂', '氢氧化锂'], ['09', '26']),
      l('li-cathode', '正极材料', 'upstream', 'li-ore', ['磷酸铁锂', '三元材料'], ['26', '38']),
      l('li-anode', '负极材料', 'upstream', 'li-ore', ['人造石墨', '硅碳负极'], ['30', '38']),
      l('li-electrolyte', '电解液', 'upstream', 'li-ore', ['六氟磷酸锂', '电解液'], ['26']),
      l('li-separator', '隔膜', 'upstream', 'li-ore', ['湿法隔膜', '涂覆隔膜'], ['29']),
      l('li-cell', '电芯制造', 'midstream', 'li-cathode', ['方形电芯', '软包电芯'], ['38']),
      l('li-bms', '电池管理系统（BMS）', 'midstream', 'li-cell', ['BMS', '热管理'], ['38', '39']),
      l('li-pack', '动力电池包', 'downstream', 'li-bms', ['动力电池系统'], ['38']),
      l('li-storage', '储能系统集成', 'downstream', 'li-bms', ['储能电站', '工商业储能柜'], ['38', '44']),
      l('li-recycle', '电池回收与梯次利用', 'downstream', 'li-pack', ['再生锂', '梯次储能'], ['42']),
    ],
  },
  {
    key: 'pv',
    name: '光伏产业链',
    nameEn: 'Photovoltaics',
    description: '工业硅—多晶硅—硅片—电池片—组件—电站建设运营，辅材配套',
    links: [
      l('pv-si', '工业硅', 'upstream', null, ['工业硅'], ['30', '32']),
      l('pv-poly', '多晶硅', 'upstream', 'pv-si', ['高纯多晶硅'], ['26', '38']),
      l('pv-wafer', '单晶拉棒与切片', 'midstream', 'pv-poly', ['N型硅片', '单晶硅棒'], ['38']),
      l('pv-cell', '电池片', 'midstream', 'pv-wafer', ['TOPCon 电池', 'HJT 电池'], ['38']),
      l('pv-glass', '光伏玻璃与胶膜', 'midstream', 'pv-poly', ['光伏玻璃', 'EVA/POE 胶膜'], ['30', '29']),
      l('pv-module', '组件', 'downstream', 'pv-cell', ['双面组件'], ['38']),
      l('pv-inverter', '逆变器与支架', 'downstream', 'pv-cell', ['组串式逆变器', '跟踪支架'], ['38', '33']),
      l('pv-plant', '电站开发与运维', 'downstream', 'pv-module', ['集中式电站', '分布式光伏'], ['44']),
    ],
  },
  {
    key: 'carbon',
    name: '碳基新材料产业链',
    nameEn: 'Carbon-based new materials',
    description: '煤焦油、针状焦—石墨电极、碳纤维—碳/碳复合材料、石墨烯应用',
    links: [
      l('c-tar', '煤焦油与沥青深加工', 'upstream', null, ['煤沥青', '蒽油'], ['25']),
      l('c-needle', '针状焦', 'upstream', 'c-tar', ['油系/煤系针状焦'], ['25']),
      l('c-graphite', '石墨电极与负极材料', 'midstream', 'c-needle', ['超高功率石墨电极'], ['30']),
      l('c-fibre', '碳纤维原丝与碳纤维', 'midstream', 'c-tar', ['T700 碳纤维'], ['28']),
      l('c-composite', '碳/碳复合材料', 'downstream', 'c-fibre', ['碳碳热场', '刹车盘'], ['30']),
      l('c-graphene', '石墨烯及应用', 'downstream', 'c-graphite', ['石墨烯导电浆料', '散热膜'], ['30', '39']),
    ],
  },
  {
    key: 'copper',
    name: '铜基新材料产业链',
    nameEn: 'Copper-based new materials',
    description: '阴极铜—超高纯铜—板带箔材、铜线—超导与半导体应用',
    links: [
      l('cu-cathode', '阴极铜', 'upstream', null, ['阴极铜'], ['32']),
      l('cu-ultra', '超高纯铜', 'upstream', 'cu-cathode', ['6N 超高纯铜'], ['32']),
      l('cu-strip', '板带箔材', 'midstream', 'cu-ultra', ['锂电铜箔', '电子铜带'], ['32']),
      l('cu-wire', '铜杆与电磁线', 'midstream', 'cu-cathode', ['无氧铜杆', '电磁线'], ['32', '38']),
      l('cu-target', '溅射靶材', 'downstream', 'cu-ultra', ['铜靶材'], ['39']),
      l('cu-super', '超导与半导体应用', 'downstream', 'cu-strip', ['超导线材', '引线框架'], ['39']),
    ],
  },
  {
    key: 'semi-packaging',
    name: '半导体封测产业链',
    nameEn: 'Semiconductor packaging and test',
    description: '封装材料、设备—晶圆测试—封装—成品测试—模组应用',
    links: [
      l('sp-material', '封装材料', 'upstream', null, ['引线框架', '键合丝', '塑封料'], ['39', '26']),
      l('sp-equipment', '封测设备', 'upstream', null, ['划片机', '测试机'], ['35']),
      l('sp-cp', '晶圆测试（CP）', 'midstream', 'sp-material', ['晶圆探针测试'], ['39']),
      l('sp-package', '封装（传统与先进封装）', 'midstream', 'sp-cp', ['QFN', 'SiP', 'Fan-out'], ['39']),
      l('sp-ft', '成品测试（FT）', 'downstream', 'sp-package', ['成品测试'], ['39']),
      l('sp-module', '模组与终端应用', 'downstream', 'sp-ft', ['功率模块', '车规模组'], ['39']),
    ],
  },
  {
    key: 'rail-equipment',
    name: '智能交通装备产业链',
    nameEn: 'Intelligent transport equipment',
    description: '基础材料与零部件—关键系统—整车（轨道车辆、新能源商用车）—智能运维',
    links: [
      l('te-material', '轻量化材料与铸锻件', 'upstream', null, ['铝合金型材', '铸锻件'], ['32', '33']),
      l('te-parts', '关键零部件', 'upstream', 'te-material', ['轮对', '转向架部件', '制动盘'], ['37']),
      l('te-traction', '牵引与电控系统', 'midstream', 'te-parts', ['牵引变流器', '电机'], ['38']),
      l('te-signal', '信号与车载智能系统', 'midstream', 'te-parts', ['列控系统', '车载终端'], ['39', '65']),
      l('te-vehicle', '整车制造', 'downstream', 'te-traction', ['城轨车辆', '新能源重卡'], ['36', '37']),
      l('te-om', '智能运维服务', 'downstream', 'te-vehicle', ['检修', '状态监测'], ['43', '65']),
    ],
  },
  {
    key: 'biomedicine',
    name: '生物医药产业链',
    nameEn: 'Biomedicine',
    description: '研发外包—原料药与中间体—制剂—医疗器械—流通与医疗服务',
    links: [
      l('bm-cro', '研发外包（CRO/CDMO）', 'upstream', null, ['临床前研究', '工艺开发'], ['73']),
      l('bm-api', '原料药与医药中间体', 'upstream', 'bm-cro', ['原料药', '中间体'], ['27']),
      l('bm-tcm', '中药材与中药饮片', 'upstream', null, ['道地药材', '饮片'], ['01', '27']),
      l('bm-formulation', '化学制剂与中成药', 'midstream', 'bm-api', ['片剂', '注射剂', '中成药'], ['27']),
      l('bm-bio', '生物制品', 'midstream', 'bm-cro', ['疫苗', '抗体药物'], ['27']),
      l('bm-device', '医疗器械', 'midstream', 'bm-cro', ['诊断试剂', '康复器械'], ['35']),
      l('bm-distribution', '医药流通与服务', 'downstream', 'bm-formulation', ['医药物流', '互联网医疗'], ['51', '84']),
    ],
  },
];

export const templateByKey = new Map(chainTemplates.map((t) => [t.key, t]));
