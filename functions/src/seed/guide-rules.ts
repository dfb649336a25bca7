import type { GuideRuleList } from '@jiuyi/shared';

// The Dalian guide's 违规禁办事项清单 (any one listed case forbids the matter) and 容缺办理事项清单.

export const GUIDE_RULES: GuideRuleList = {
  prohibited: [
    {
      title: '不符合疾病诊断书开具标准',
      detail:
        '病史和主观、客观检查结果达不到诊断标准的，跨科开具的，或医生没有亲自诊查的，不能开具诊断书。' +
        '休息天数原则上门诊诊断书不超过 7 天，急诊诊断书不超过 3 天；' +
        '同一疾病连续 2 次以上开具诊断书，或慢性病病人需要休息的，须有住院证明或专家会诊意见。',
    },
    {
      title: '无身份信息预约挂号',
      detail: '预约挂号时拿不出患者本人的身份证、医保卡等身份凭证的，不能预约挂号。',
    },
    {
      title: '多次开具居民医学死亡证明',
      detail: '符合补开条件的家属，医学死亡证明书只能补开 1 次。',
    },
  ],
  toleratedMissing: [
    {
      title: '医保患者办理住院',
      detail: '办理住院时暂时没带医保卡的，可以先办理，由办件人在 3 个工作日内补交医保卡。',
    },
  ],
};
