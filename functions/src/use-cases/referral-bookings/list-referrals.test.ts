import { makeAppointment } from '../appointments/test-support';
import { remainingReferral } from '../appointments/list-sessions';
import { maskPatientName, toReferralView } from './list-referrals';

const NOW = new Date('2025-10-13T01:00:00Z');

describe('maskPatientName', () => {
  it('keeps the surname and stars the rest, at least one star', () => {
    expect(maskPatientName('张三')).toBe('张*');
    expect(maskPatientName('欧阳明月')).toBe('欧***');
    expect(maskPatientName('李')).toBe('李*');
  });
});

describe('toReferralView', () => {
  it('shows who was referred where and why, with the status the patient sees', () => {
    // Prepare
    const referral = makeAppointment({
      bookedVia: 'referral',
      capacityPool: 'referral',
      referringInstitutionId: 'lc-dongchangfu',
      referralReason: '社区首诊，需专科评估',
    });
    // Act
    const live = toReferralView(referral, NOW);
    const lapsed = toReferralView(referral, new Date('2025-10-13T01:15:00Z'));
    // Assess
    expect(live).toMatchObject({
      appointmentId: referral.id,
      patientNameMasked: '张*',
      status: 'pending_payment',
      reason: '社区首诊，需专科评估',
      referringInstitutionId: 'lc-dongchangfu',
      department: { id: referral.departmentId, name: referral.departmentName },
    });
    expect(lapsed.status).toBe('cancelled');
  });
});

describe('remainingReferral', () => {
  it('is the reserve less what was booked, zero on slots made before the reserve existed', () => {
    expect(remainingReferral({ capacityReferral: 2, bookedReferral: 1 })).toBe(1);
    expect(remainingReferral({ capacityReferral: 1, bookedReferral: 1 })).toBe(0);
    expect(remainingReferral({})).toBe(0);
  });
});
