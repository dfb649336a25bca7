import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Role } from '@jiuyi/shared';
import type { PersonaSignIn } from '../../api/auth-api';
import { ApiError } from '../../api/client';
import { switchPersona } from '../../api/session';
import { EntryRow } from '../../components/entry-row';
import { Page } from '../../components/page';
import { Section } from '../../components/section';

interface Persona extends PersonaSignIn {
  title: string;
  hint: string;
}

// Fixed openids so each persona is the same demo account every time; institutions from the alliance seed.
const PERSONAS: readonly Persona[] = [
  { role: 'patient', openid: 'demo-patient', title: '患者', hint: '挂号、就诊人、病案复印' },
  {
    role: 'alliance_doctor',
    openid: 'demo-alliance-doctor',
    institutionId: 'lc-dongchangfu',
    title: '医联体医生',
    hint: '东昌府区人民医院：发起会诊与转诊',
  },
  {
    role: 'expert',
    openid: 'demo-expert',
    institutionId: 'lc-jishuitan',
    specialty: 'orthopaedics-spine',
    title: '专家',
    hint: '脊柱外科：接收会诊',
  },
  { role: 'referral_centre', openid: 'demo-referral-centre', title: '转诊中心', hint: '审核转诊、排值班表' },
  { role: 'records_staff', openid: 'demo-records-staff', title: '病案室', hint: '处理病案复印申请' },
  {
    role: 'clinic_doctor',
    openid: 'demo-clinic-doctor',
    doctorId: 'doc-spine-01',
    title: '门诊医生',
    hint: '脊柱外科：加号、诊间预约',
  },
  {
    role: 'outpatient_staff',
    openid: 'demo-outpatient-staff',
    title: '门诊部',
    hint: '停诊、签到、支付对账',
  },
  { role: 'admin', openid: 'demo-admin', title: '管理员', hint: '邀请工作人员' },
];

/** Each role's home: patients stay in the main package, the others open their subpackage. */
function homeOf(role: Role): string {
  switch (role) {
    case 'patient':
      return '/pages/index/index';
    case 'alliance_doctor':
    case 'expert':
    case 'referral_centre':
    case 'clinic_doctor':
      return '/subpackages/doctor/home/index';
    case 'records_staff':
    case 'outpatient_staff':
    case 'admin':
      return '/subpackages/staff/home/index';
  }
}

/** Local demo only: sign in as whichever role with one tap, then land on that role's home. */
function PersonaPage() {
  const [busy, setBusy] = useState<Role>();
  const [error, setError] = useState<string>();

  const choose = async (persona: Persona) => {
    if (busy) return;
    setBusy(persona.role);
    setError(undefined);
    try {
      const { openid, role, institutionId, specialty, doctorId } = persona;
      await switchPersona({ openid, role, institutionId, specialty, doctorId });
      void Taro.showToast({ title: `已切换为${persona.title}`, icon: 'success' });
      void Taro.reLaunch({ url: homeOf(persona.role) });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : new ApiError('UNKNOWN_ERROR', 0).message);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Page testId="page-persona">
      <Section title="切换演示身份">
        <Text className="section__lead">
          仅本地演示环境可用。选择一个身份，将以该身份登录并进入对应首页。
        </Text>
        {error ? (
          <View className="banner banner--error" data-testid="persona-error" role="alert">
            <Text>{error}</Text>
          </View>
        ) : null}
        {PERSONAS.map((persona) => (
          <EntryRow
            key={persona.role}
            title={persona.title}
            hint={busy === persona.role ? '正在切换…' : persona.hint}
            testId={`persona-${persona.role}`}
            onOpen={() => void choose(persona)}
          />
        ))}
      </Section>
    </Page>
  );
}

export default PersonaPage;
