import type { AllianceInstitution, GuideBranch, PhoneContact, ReferralCentre } from '@jiuyi/shared';

// Facts from the Liaocheng flow, seeds/liaocheng-consultation-referral-flow.txt, annex 2 and §1–§2.
// The annex gives no street addresses, so a member's address is only the place its name states;
// 高唐县清平镇卫生院's number is "to be supplied" there, so it has none here rather than an invented one.

interface AllianceMemberSeed {
  id: string;
  name: string;
  level: AllianceInstitution['level'];
  area: string;
  contacts: PhoneContact[];
}

const ALLIANCE_MEMBERS: readonly AllianceMemberSeed[] = [
  {
    id: 'lc-jishuitan',
    name: '北京积水潭聊城医院',
    level: 'city_hospital',
    area: '山东省聊城市',
    contacts: [
      { label: '医务科', number: '16678192457' },
      { label: '医务科', number: '19906351990' },
    ],
  },
  {
    id: 'lc-dongchangfu',
    name: '东昌府区人民医院',
    level: 'county_hospital',
    area: '山东省聊城市东昌府区',
    contacts: [{ label: '医务科（赵主任）', number: '15506451999' }],
  },
  {
    id: 'lc-rehab',
    name: '聊城市康复医院（聊城市人民医院分院）',
    level: 'city_hospital',
    area: '山东省聊城市',
    contacts: [{ label: '转诊咨询（赵主任）', number: '0635-8415919' }],
  },
  {
    id: 'lc-yanggu',
    name: '阳谷中心医院',
    level: 'county_hospital',
    area: '山东省聊城市阳谷县',
    contacts: [{ label: '医务科（岳主任）', number: '18363535132' }],
  },
  {
    id: 'lc-shenxian',
    name: '莘县中心医院',
    level: 'county_hospital',
    area: '山东省聊城市莘县',
    contacts: [
      { label: '医务科（杨主任）', number: '18596358368' },
      { label: '转会诊中心（孟主任）', number: '18596358059' },
    ],
  },
  {
    id: 'lc-guanxian-xinji',
    name: '冠县辛集镇中心卫生院',
    level: 'township_centre',
    area: '山东省聊城市冠县辛集镇',
    contacts: [{ label: '医务科（郭主任）', number: '13863585627' }],
  },
  {
    id: 'lc-gaotang-qingping',
    name: '高唐县清平镇卫生院',
    level: 'township_centre',
    area: '山东省聊城市高唐县清平镇',
    contacts: [],
  },
];

/** The city hospital's referral centre; an upward referral slip shows its consulting number. */
export const REFERRAL_CENTRE: ReferralCentre = {
  name: '聊城市人民医院转会诊中心',
  location: '聊城市人民医院北区门诊楼一楼“一站式服务中心”8 号“医联体转接诊”窗口',
  phones: [
    { label: '转诊咨询', number: '0635-8273113' },
    { label: '投诉', number: '0635-8273067' },
    // These two are for alliance doctors: chasing an expert's approval or a reserved bed (§1.2, §2.2).
    { label: '转会诊中心（协助专家审核、协调床位）', number: '13346252918' },
    { label: '转会诊中心（协助专家审核、协调床位）', number: '13346251660' },
  ],
};

/** Alliance members that refer patients up or take them back; the slip shows `referralPhone`. */
export const ALLIANCE_INSTITUTIONS: AllianceInstitution[] = ALLIANCE_MEMBERS.map((m) => ({
  id: m.id,
  name: m.name,
  level: m.level,
  ...(m.contacts[0] ? { referralPhone: m.contacts[0].number } : {}),
  referralContacts: m.contacts,
}));

/** Patient-facing entries for the guide's branch list: the city hospital's window, then each member. */
export const ALLIANCE_BRANCHES: GuideBranch[] = [
  {
    id: 'lc-city-hospital',
    name: '聊城市人民医院',
    kind: 'alliance_member',
    address: '山东省聊城市（医联体转接诊：北区门诊楼一楼“一站式服务中心”8 号窗口）',
    phones: REFERRAL_CENTRE.phones.filter((p) => p.number.startsWith('0635-')),
  },
  ...ALLIANCE_MEMBERS.map((m): GuideBranch => ({
    id: m.id,
    name: m.name,
    kind: 'alliance_member',
    address: m.area,
    phones: m.contacts,
  })),
];
