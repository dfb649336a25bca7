import type { GuideBranch } from '@jiuyi/shared';
import { ALLIANCE_BRANCHES } from './alliance';

// The hospital's own sites follow the Dalian guide's 各分部联系方式 table.

/** The id of the main campus, where every clinic department sits. */
export const MAIN_CAMPUS_ID = 'main-campus';

const HOSPITAL_SITES: GuideBranch[] = [
  {
    id: MAIN_CAMPUS_ID,
    name: '大连市第二人民医院（大连市中西医结合医院、大连市骨科医院）',
    kind: 'campus',
    address: '大连市西岗区宏济街 29 号',
    phones: [{ label: '医院总机', number: '0411-83631360' }],
  },
  {
    id: 'paoya-south-community',
    name: '大连市第二人民医院泡崖南区社区卫生服务中心',
    kind: 'community_centre',
    address: '大连市甘井子区泡崖街道泡崖大街 14 号',
    phones: [{ label: '联系电话', number: '0411-83638119' }],
  },
  {
    id: 'checkup-wuyi-square',
    name: '大连市体检中心（大连市第二人民医院健康管理中心）五一广场分部',
    kind: 'branch',
    address: '大连市西岗区不老街 22 号',
    phones: [{ label: '联系电话', number: '0411-83637272' }],
  },
  {
    id: 'checkup-huanghe-road',
    name: '大连市体检中心（大连市第二人民医院健康管理中心）黄河路分部',
    kind: 'branch',
    address: '大连市西岗区黄河路 111 号',
    phones: [{ label: '联系电话', number: '0411-39656006' }],
  },
  {
    id: 'checkup-development-zone',
    name: '大连市体检中心（大连市第二人民医院健康管理中心）开发区分部',
    kind: 'branch',
    address: '大连市金州区海滨旅游路 5 号',
    phones: [{ label: '联系电话', number: '0411-88019808' }],
  },
];

export const GUIDE_BRANCHES: GuideBranch[] = [...HOSPITAL_SITES, ...ALLIANCE_BRANCHES];
