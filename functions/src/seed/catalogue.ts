import type { ClinicPeriod, ClinicTemplate, Department, Doctor, DoctorTitle } from '@jiuyi/shared';
import { MAIN_CAMPUS_ID } from './guide-branches';

export { ALLIANCE_INSTITUTIONS, REFERRAL_CENTRE } from './alliance';

// Departments reflect the hospital as its guide describes it (综合医院 with an integrated Chinese-Western
// medicine profile, and the city's orthopaedic hospital); every doctor, name and biography is fictional.

/** Demo registration fees in fen, by title: the single source for every doctor's `feeFen`. */
export const DEMO_FEE_FEN_BY_TITLE: Readonly<Record<DoctorTitle, number>> = {
  chief_physician: 5000,
  associate_chief_physician: 3000,
  attending_physician: 1500,
  resident_physician: 1000,
};

// Senior doctors see fewer patients per session at longer slots; slots never exceed 30 minutes (Beijing art. 10).
const SESSION_SIZE_BY_TITLE: Readonly<Record<DoctorTitle, { capacity: number; slotMinutes: 20 | 30 }>> = {
  chief_physician: { capacity: 20, slotMinutes: 30 },
  associate_chief_physician: { capacity: 24, slotMinutes: 30 },
  attending_physician: { capacity: 32, slotMinutes: 20 },
  resident_physician: { capacity: 40, slotMinutes: 20 },
};

const ORTHOPAEDICS = '骨科';

export const DEPARTMENTS: Department[] = [
  {
    id: 'dept-ortho-spine',
    name: '脊柱外科',
    group: ORTHOPAEDICS,
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'orthopaedics-spine',
    description: '诊治颈椎病、腰椎间盘突出、腰椎管狭窄、脊柱骨折和脊柱侧弯等脊柱疾病。',
  },
  {
    id: 'dept-ortho-joint',
    name: '关节外科',
    group: ORTHOPAEDICS,
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'orthopaedics-joint',
    description: '诊治膝、髋等关节的骨关节炎、股骨头坏死等疾病，开展人工关节置换。',
  },
  {
    id: 'dept-ortho-trauma',
    name: '创伤骨科',
    group: ORTHOPAEDICS,
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'orthopaedics-trauma',
    description: '诊治四肢、骨盆骨折和各类骨关节外伤，老年人髋部骨折的手术与术后随访。',
  },
  {
    id: 'dept-ortho-hand-foot',
    name: '手足外科',
    group: ORTHOPAEDICS,
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'orthopaedics-hand-foot',
    description: '诊治手外伤、腱鞘炎、腕管综合征，以及拇外翻等足踝疾病。',
  },
  {
    id: 'dept-ortho-sports',
    name: '运动医学科',
    group: ORTHOPAEDICS,
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'orthopaedics-sports',
    description: '诊治半月板、韧带、肩袖等运动损伤，开展关节镜微创治疗。',
  },
  {
    id: 'dept-integrated',
    name: '中西医结合科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'integrated-medicine',
    description: '用中医和西医相结合的方法，调治慢性胃炎、失眠、慢性咳嗽、颈肩腰腿痛等常见慢性病。',
  },
  {
    id: 'dept-cardiology',
    name: '心血管内科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'cardiology',
    description: '诊治高血压、冠心病、心律失常、心力衰竭等心脏和血管疾病。',
  },
  {
    id: 'dept-respiratory',
    name: '呼吸内科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'respiratory',
    description: '诊治慢性阻塞性肺疾病、支气管哮喘、肺部感染、慢性咳嗽和肺结节等疾病。',
  },
  {
    id: 'dept-gastroenterology',
    name: '消化内科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'gastroenterology',
    description: '诊治胃炎、消化性溃疡、肠炎、胆道疾病等消化系统疾病，开展胃肠镜检查。',
  },
  {
    id: 'dept-neurology',
    name: '神经内科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'neurology',
    description: '诊治脑血管病、头痛头晕、癫痫、帕金森病、记忆力减退等神经系统疾病。',
  },
  {
    id: 'dept-general-surgery',
    name: '普外科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'general-surgery',
    description: '诊治胆囊结石、疝气、阑尾炎、甲状腺和乳腺疾病等普通外科疾病。',
  },
  {
    id: 'dept-paediatrics',
    name: '儿科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'paediatrics',
    description: '诊治儿童发热、咳嗽、腹泻等常见病，以及生长发育方面的问题。',
  },
  {
    id: 'dept-gynaecology',
    name: '妇科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'gynaecology',
    description: '诊治月经不调、妇科炎症、子宫肌瘤、卵巢囊肿和更年期综合征等疾病。',
  },
  {
    id: 'dept-rehabilitation',
    name: '康复医学科',
    campusId: MAIN_CAMPUS_ID,
    specialtyCode: 'rehabilitation',
    description: '为骨科手术后、脑卒中后和慢性疼痛的病人提供康复评定与康复训练。',
  },
];

/** A weekday (1 = Monday … 7 = Sunday) and half day, written `'1am'`, `'6pm'`. */
type SessionCode = `${1 | 2 | 3 | 4 | 5 | 6 | 7}${ClinicPeriod}`;

interface DoctorSeed {
  id: string;
  name: string;
  title: DoctorTitle;
  departmentId: string;
  specialty: string;
  introduction: string;
  sessions: readonly SessionCode[];
}

const CHIEF: DoctorTitle = 'chief_physician';
const ASSOCIATE: DoctorTitle = 'associate_chief_physician';
const ATTENDING: DoctorTitle = 'attending_physician';
const RESIDENT: DoctorTitle = 'resident_physician';

const DOCTOR_SEEDS: readonly DoctorSeed[] = [
  // 脊柱外科
  {
    id: 'doc-spine-01',
    name: '韩立诚',
    title: CHIEF,
    departmentId: 'dept-ortho-spine',
    specialty: '颈椎病、腰椎间盘突出症、腰椎管狭窄症的微创和手术治疗',
    introduction: '从事脊柱外科临床工作 30 余年，对复杂脊柱疾病的手术治疗经验丰富。',
    sessions: ['1am', '3am', '6am'],
  },
  {
    id: 'doc-spine-02',
    name: '邵明远',
    title: ASSOCIATE,
    departmentId: 'dept-ortho-spine',
    specialty: '脊柱骨折、脊柱侧弯、骨质疏松引起的椎体压缩骨折',
    introduction: '从事骨科临床工作 20 年，重视手术与术后康复相结合。',
    sessions: ['2am', '4pm'],
  },
  {
    id: 'doc-spine-03',
    name: '许嘉宁',
    title: ATTENDING,
    departmentId: 'dept-ortho-spine',
    specialty: '颈肩腰腿痛的诊断与保守治疗',
    introduction: '从事骨科临床工作 10 年，问诊耐心细致。',
    sessions: ['1pm', '3pm', '5am'],
  },
  {
    id: 'doc-spine-04',
    name: '丁一凡',
    title: RESIDENT,
    departmentId: 'dept-ortho-spine',
    specialty: '脊柱常见病的初诊和术后复查',
    introduction: '骨科住院医师，负责常见病初诊和术后复查。',
    sessions: ['2pm', '5pm'],
  },
  // 关节外科
  {
    id: 'doc-joint-01',
    name: '庞志宏',
    title: CHIEF,
    departmentId: 'dept-ortho-joint',
    specialty: '髋、膝关节置换，骨关节炎和股骨头坏死的治疗',
    introduction: '从事关节外科工作 28 年，完成大量人工关节置换手术。',
    sessions: ['2am', '4am', '6am'],
  },
  {
    id: 'doc-joint-02',
    name: '葛文涛',
    title: ASSOCIATE,
    departmentId: 'dept-ortho-joint',
    specialty: '膝关节骨关节炎、类风湿关节炎引起的关节病变',
    introduction: '从事骨科临床工作 18 年，擅长关节疾病的阶梯治疗。',
    sessions: ['1am', '3pm'],
  },
  {
    id: 'doc-joint-03',
    name: '石秀兰',
    title: ATTENDING,
    departmentId: 'dept-ortho-joint',
    specialty: '关节疼痛的诊断、关节腔注射治疗',
    introduction: '从事关节外科工作 9 年，注重向病人讲清楚病情和注意事项。',
    sessions: ['1pm', '3am', '5pm'],
  },
  // 创伤骨科
  {
    id: 'doc-trauma-01',
    name: '鲁长青',
    title: CHIEF,
    departmentId: 'dept-ortho-trauma',
    specialty: '四肢骨折、骨盆骨折和复杂创伤的手术治疗',
    introduction: '从事创伤骨科工作 30 年，长期参与急危重创伤病人的救治。',
    sessions: ['1am', '5am'],
  },
  {
    id: 'doc-trauma-02',
    name: '褚海峰',
    title: ASSOCIATE,
    departmentId: 'dept-ortho-trauma',
    specialty: '老年人髋部骨折、骨折不愈合的治疗',
    introduction: '从事创伤骨科工作 17 年，关注老年骨折病人的早期手术和早期活动。',
    sessions: ['2pm', '4am', '6am'],
  },
  {
    id: 'doc-trauma-03',
    name: '田润泽',
    title: ATTENDING,
    departmentId: 'dept-ortho-trauma',
    specialty: '骨折的保守治疗和骨折术后复查',
    introduction: '从事创伤骨科工作 8 年。',
    sessions: ['1pm', '3am', '5pm'],
  },
  {
    id: 'doc-trauma-04',
    name: '龚思远',
    title: RESIDENT,
    departmentId: 'dept-ortho-trauma',
    specialty: '外伤初诊、伤口换药和拆线',
    introduction: '创伤骨科住院医师，负责外伤初诊和术后换药。',
    sessions: ['2am', '4pm'],
  },
  // 手足外科
  {
    id: 'doc-handfoot-01',
    name: '谭永康',
    title: CHIEF,
    departmentId: 'dept-ortho-hand-foot',
    specialty: '手外伤、断指再植、周围神经损伤的修复',
    introduction: '从事手外科工作 27 年，擅长显微外科手术。',
    sessions: ['3am', '5am'],
  },
  {
    id: 'doc-handfoot-02',
    name: '蒋静怡',
    title: ASSOCIATE,
    departmentId: 'dept-ortho-hand-foot',
    specialty: '拇外翻、足踝畸形、腱鞘炎',
    introduction: '从事足踝外科工作 15 年，重视手术后的功能恢复。',
    sessions: ['1am', '4pm'],
  },
  {
    id: 'doc-handfoot-03',
    name: '梁子豪',
    title: ATTENDING,
    departmentId: 'dept-ortho-hand-foot',
    specialty: '腕管综合征、扳机指等手足部常见病',
    introduction: '从事手足外科工作 8 年。',
    sessions: ['2am', '4am', '6am'],
  },
  // 运动医学科
  {
    id: 'doc-sports-01',
    name: '方振宇',
    title: ASSOCIATE,
    departmentId: 'dept-ortho-sports',
    specialty: '膝关节半月板、交叉韧带损伤的关节镜治疗',
    introduction: '从事运动医学工作 16 年，擅长关节镜微创手术。',
    sessions: ['2am', '5pm', '6am'],
  },
  {
    id: 'doc-sports-02',
    name: '严晓光',
    title: ATTENDING,
    departmentId: 'dept-ortho-sports',
    specialty: '肩袖损伤、踝关节扭伤等运动损伤',
    introduction: '从事运动医学工作 9 年，为运动爱好者提供伤后诊治和重返运动的建议。',
    sessions: ['1pm', '3pm'],
  },
  {
    id: 'doc-sports-03',
    name: '袁可欣',
    title: RESIDENT,
    departmentId: 'dept-ortho-sports',
    specialty: '运动损伤的初诊和康复指导',
    introduction: '运动医学科住院医师。',
    sessions: ['4am', '5am'],
  },
  // 中西医结合科
  {
    id: 'doc-integrated-01',
    name: '温德清',
    title: CHIEF,
    departmentId: 'dept-integrated',
    specialty: '中西医结合调治慢性胃炎、失眠、更年期综合征等慢性病',
    introduction: '从事中西医结合临床工作 32 年，善于把中医辨证与现代检查结合起来。',
    sessions: ['1am', '3am', '5am'],
  },
  {
    id: 'doc-integrated-02',
    name: '柳青禾',
    title: ASSOCIATE,
    departmentId: 'dept-integrated',
    specialty: '针灸、推拿治疗颈肩腰腿痛，中医体质调理',
    introduction: '从事中医及中西医结合工作 19 年。',
    sessions: ['2am', '4pm', '6am'],
  },
  {
    id: 'doc-integrated-03',
    name: '常一鸣',
    title: ATTENDING,
    departmentId: 'dept-integrated',
    specialty: '慢性咳嗽、反复感冒的中西医结合调治',
    introduction: '从事中西医结合临床工作 10 年。',
    sessions: ['1pm', '3pm'],
  },
  {
    id: 'doc-integrated-04',
    name: '苗雨桐',
    title: RESIDENT,
    departmentId: 'dept-integrated',
    specialty: '常见病的中西医结合初诊',
    introduction: '中西医结合科住院医师。',
    sessions: ['2pm', '4am'],
  },
  // 心血管内科
  {
    id: 'doc-cardiology-01',
    name: '冯国华',
    title: CHIEF,
    departmentId: 'dept-cardiology',
    specialty: '冠心病、高血压、心力衰竭的诊治',
    introduction: '从事心血管内科工作 31 年，擅长冠心病的规范治疗和长期管理。',
    sessions: ['2am', '4am'],
  },
  {
    id: 'doc-cardiology-02',
    name: '曹丽萍',
    title: ASSOCIATE,
    departmentId: 'dept-cardiology',
    specialty: '心律失常、心房颤动，起搏器植入后随访',
    introduction: '从事心血管内科工作 18 年。',
    sessions: ['1am', '3pm', '6am'],
  },
  {
    id: 'doc-cardiology-03',
    name: '彭浩然',
    title: ATTENDING,
    departmentId: 'dept-cardiology',
    specialty: '高血压、高血脂的长期管理',
    introduction: '从事心血管内科工作 9 年，重视用药指导和生活方式调整。',
    sessions: ['1pm', '3am', '5am'],
  },
  {
    id: 'doc-cardiology-04',
    name: '吕晓彤',
    title: RESIDENT,
    departmentId: 'dept-cardiology',
    specialty: '胸闷、心慌的初诊，慢性病复诊开药',
    introduction: '心血管内科住院医师。',
    sessions: ['2pm', '5pm'],
  },
  // 呼吸内科
  {
    id: 'doc-respiratory-01',
    name: '钟明礼',
    title: CHIEF,
    departmentId: 'dept-respiratory',
    specialty: '慢性阻塞性肺疾病、支气管哮喘、肺部感染',
    introduction: '从事呼吸内科工作 29 年，擅长慢性气道疾病的长期管理。',
    sessions: ['1am', '4am'],
  },
  {
    id: 'doc-respiratory-02',
    name: '秦淑贞',
    title: ASSOCIATE,
    departmentId: 'dept-respiratory',
    specialty: '慢性咳嗽、肺结节随访、睡眠呼吸暂停',
    introduction: '从事呼吸内科工作 17 年。',
    sessions: ['2am', '3pm', '6am'],
  },
  {
    id: 'doc-respiratory-03',
    name: '杜文博',
    title: ATTENDING,
    departmentId: 'dept-respiratory',
    specialty: '急慢性支气管炎、上呼吸道感染',
    introduction: '从事呼吸内科工作 8 年。',
    sessions: ['1pm', '3am', '5am'],
  },
  // 消化内科
  {
    id: 'doc-gastro-01',
    name: '崔文华',
    title: CHIEF,
    departmentId: 'dept-gastroenterology',
    specialty: '消化性溃疡、炎症性肠病、消化道早癌筛查',
    introduction: '从事消化内科工作 30 年，擅长消化道疾病的内镜诊治。',
    sessions: ['3am', '5am'],
  },
  {
    id: 'doc-gastro-02',
    name: '孟雅琴',
    title: ASSOCIATE,
    departmentId: 'dept-gastroenterology',
    specialty: '慢性胃炎、胃肠镜检查与内镜下治疗',
    introduction: '从事消化内科工作 16 年。',
    sessions: ['1am', '4pm'],
  },
  {
    id: 'doc-gastro-03',
    name: '程立军',
    title: ATTENDING,
    departmentId: 'dept-gastroenterology',
    specialty: '胃食管反流、功能性消化不良、胆道疾病',
    introduction: '从事消化内科工作 10 年。',
    sessions: ['2am', '4am', '6am'],
  },
  {
    id: 'doc-gastro-04',
    name: '任佳琪',
    title: RESIDENT,
    departmentId: 'dept-gastroenterology',
    specialty: '腹痛、腹泻等常见消化道症状的初诊',
    introduction: '消化内科住院医师。',
    sessions: ['1pm', '3pm'],
  },
  // 神经内科
  {
    id: 'doc-neurology-01',
    name: '邹振华',
    title: CHIEF,
    departmentId: 'dept-neurology',
    specialty: '脑血管病、帕金森病、癫痫',
    introduction: '从事神经内科工作 29 年，擅长脑卒中的预防和规范治疗。',
    sessions: ['2am', '5am'],
  },
  {
    id: 'doc-neurology-02',
    name: '白素梅',
    title: ASSOCIATE,
    departmentId: 'dept-neurology',
    specialty: '头痛、头晕、失眠、记忆力减退',
    introduction: '从事神经内科工作 18 年，关注老年人认知障碍的早期发现。',
    sessions: ['1am', '3am', '6am'],
  },
  {
    id: 'doc-neurology-03',
    name: '魏子涵',
    title: ATTENDING,
    departmentId: 'dept-neurology',
    specialty: '脑卒中后随访、周围神经病',
    introduction: '从事神经内科工作 9 年。',
    sessions: ['2pm', '4am', '4pm'],
  },
  // 普外科
  {
    id: 'doc-surgery-01',
    name: '万德胜',
    title: CHIEF,
    departmentId: 'dept-general-surgery',
    specialty: '胆囊结石、疝气、甲状腺结节的微创手术',
    introduction: '从事普通外科工作 30 年，擅长腹腔镜微创手术。',
    sessions: ['1am', '4am'],
  },
  {
    id: 'doc-surgery-02',
    name: '邱海涛',
    title: ASSOCIATE,
    departmentId: 'dept-general-surgery',
    specialty: '胃肠道肿瘤、阑尾炎、肛肠疾病',
    introduction: '从事普通外科工作 17 年。',
    sessions: ['2am', '5am'],
  },
  {
    id: 'doc-surgery-03',
    name: '汪志远',
    title: ATTENDING,
    departmentId: 'dept-general-surgery',
    specialty: '体表肿物、乳腺疾病、术后复查',
    introduction: '从事普通外科工作 9 年。',
    sessions: ['1pm', '3am', '6am'],
  },
  {
    id: 'doc-surgery-04',
    name: '薛宇航',
    title: RESIDENT,
    departmentId: 'dept-general-surgery',
    specialty: '外科常见病初诊、伤口换药',
    introduction: '普外科住院医师。',
    sessions: ['2pm', '4pm'],
  },
  // 儿科
  {
    id: 'doc-paediatrics-01',
    name: '陆慧敏',
    title: CHIEF,
    departmentId: 'dept-paediatrics',
    specialty: '儿童呼吸道感染、哮喘、反复咳嗽',
    introduction: '从事儿科临床工作 28 年，和孩子沟通耐心。',
    sessions: ['1am', '3am'],
  },
  {
    id: 'doc-paediatrics-02',
    name: '史春燕',
    title: ASSOCIATE,
    departmentId: 'dept-paediatrics',
    specialty: '小儿消化不良、腹泻，生长发育评估',
    introduction: '从事儿科临床工作 16 年。',
    sessions: ['2am', '4am', '6am'],
  },
  {
    id: 'doc-paediatrics-03',
    name: '顾晓雪',
    title: ATTENDING,
    departmentId: 'dept-paediatrics',
    specialty: '儿童发热、咳嗽等常见病',
    introduction: '从事儿科临床工作 8 年。',
    sessions: ['1pm', '3pm', '5am'],
  },
  {
    id: 'doc-paediatrics-04',
    name: '沈沐阳',
    title: RESIDENT,
    departmentId: 'dept-paediatrics',
    specialty: '儿科常见病的初诊和复诊',
    introduction: '儿科住院医师。',
    sessions: ['2pm', '5pm', '6pm'],
  },
  // 妇科
  {
    id: 'doc-gynaecology-01',
    name: '黎秀云',
    title: CHIEF,
    departmentId: 'dept-gynaecology',
    specialty: '子宫肌瘤、卵巢囊肿的诊治和腹腔镜手术',
    introduction: '从事妇科临床工作 30 年。',
    sessions: ['2am', '4am'],
  },
  {
    id: 'doc-gynaecology-02',
    name: '范婉清',
    title: ASSOCIATE,
    departmentId: 'dept-gynaecology',
    specialty: '月经不调、更年期综合征、妇科炎症',
    introduction: '从事妇科临床工作 18 年，擅长中西医结合调治妇科慢性病。',
    sessions: ['1am', '3pm', '6am'],
  },
  {
    id: 'doc-gynaecology-03',
    name: '何静',
    title: ATTENDING,
    departmentId: 'dept-gynaecology',
    specialty: '宫颈疾病筛查、妇科常见病',
    introduction: '从事妇科临床工作 9 年。',
    sessions: ['1pm', '3am', '5am'],
  },
  // 康复医学科
  {
    id: 'doc-rehab-01',
    name: '殷志成',
    title: CHIEF,
    departmentId: 'dept-rehabilitation',
    specialty: '骨科手术后康复、脑卒中后康复',
    introduction: '从事康复医学工作 27 年，擅长制订个体化康复方案。',
    sessions: ['1am', '3am'],
  },
  {
    id: 'doc-rehab-02',
    name: '包晓琳',
    title: ASSOCIATE,
    departmentId: 'dept-rehabilitation',
    specialty: '颈肩腰腿痛的物理治疗和运动疗法',
    introduction: '从事康复医学工作 15 年。',
    sessions: ['2am', '4pm', '6am'],
  },
  {
    id: 'doc-rehab-03',
    name: '陶子健',
    title: ATTENDING,
    departmentId: 'dept-rehabilitation',
    specialty: '关节置换术后、运动损伤后的康复训练',
    introduction: '从事康复医学工作 9 年。',
    sessions: ['1pm', '3pm', '5am'],
  },
  {
    id: 'doc-rehab-04',
    name: '雷思琪',
    title: RESIDENT,
    departmentId: 'dept-rehabilitation',
    specialty: '康复评定和居家康复指导',
    introduction: '康复医学科住院医师。',
    sessions: ['2pm', '4am'],
  },
];

export const DOCTORS: Doctor[] = DOCTOR_SEEDS.map((d) => ({
  id: d.id,
  name: d.name,
  title: d.title,
  departmentId: d.departmentId,
  specialty: d.specialty,
  introduction: d.introduction,
  feeFen: DEMO_FEE_FEN_BY_TITLE[d.title],
}));

function toTemplate(seed: DoctorSeed, code: SessionCode): ClinicTemplate {
  const size = SESSION_SIZE_BY_TITLE[seed.title];
  return {
    doctorId: seed.id,
    weekday: Number(code.slice(0, 1)),
    period: code.endsWith('am') ? 'am' : 'pm',
    capacity: size.capacity,
    slotMinutes: size.slotMinutes,
  };
}

export const CLINIC_TEMPLATES: ClinicTemplate[] = DOCTOR_SEEDS.flatMap((d) =>
  d.sessions.map((code) => toTemplate(d, code)),
);
