import { ALLIANCE_INSTITUTIONS, REFERRAL_CENTRE } from './alliance';
import { CLINIC_TEMPLATES, DEPARTMENTS, DOCTORS } from './catalogue';
import { GUIDE_BRANCHES } from './guide-branches';
import { GUIDE_RULES } from './guide-rules';
import { GUIDE_SERVICES } from './guide-services';

export { DEMO_FEE_FEN_BY_TITLE } from './catalogue';
export { MAIN_CAMPUS_ID } from './guide-branches';

/** Everything the local stack and tests load: facts from the seed documents, people fictional. */
export const DEMO_DATA = {
  guideServices: GUIDE_SERVICES,
  guideBranches: GUIDE_BRANCHES,
  guideRules: GUIDE_RULES,
  departments: DEPARTMENTS,
  doctors: DOCTORS,
  templates: CLINIC_TEMPLATES,
  allianceInstitutions: ALLIANCE_INSTITUTIONS,
  referralCentre: REFERRAL_CENTRE,
};
