import type { LambdaHandler } from '../http/define-handler';
import { handler as getHealth } from './get-health.handler';
import { handler as listGuideServices } from './list-guide-services.handler';
import { handler as getGuideService } from './get-guide-service.handler';
import { handler as listGuideBranches } from './list-guide-branches.handler';
import { handler as signInWechat } from './sign-in-wechat.handler';
import { handler as signInDev } from './sign-in-dev.handler';
import { handler as refreshSession } from './refresh-session.handler';
import { handler as getMe } from './get-me.handler';
import { handler as createStaffInvite } from './create-staff-invite.handler';
import { handler as redeemStaffInvite } from './redeem-staff-invite.handler';
import { handler as listPatients } from './list-patients.handler';
import { handler as createPatient } from './create-patient.handler';
import { handler as getPatient } from './get-patient.handler';
import { handler as listPatientBills } from './list-patient-bills.handler';
import { handler as createBillPayment } from './create-bill-payment.handler';
import { handler as refundBillItems } from './refund-bill-items.handler';
import { handler as updatePatient } from './update-patient.handler';
import { handler as deletePatient } from './delete-patient.handler';
import { handler as listMessages } from './list-messages.handler';
import { handler as listMessageSubscriptions } from './list-message-subscriptions.handler';
import { handler as acceptMessageSubscriptions } from './accept-message-subscriptions.handler';
import { handler as setSmsPhone } from './set-sms-phone.handler';
import { handler as listSentMessages } from './list-sent-messages.handler';
import { handler as markMessageRead } from './mark-message-read.handler';
import { handler as listDepartments } from './list-departments.handler';
import { handler as listDepartmentDoctors } from './list-department-doctors.handler';
import { handler as listSessions } from './list-sessions.handler';
import { handler as bookAppointment } from './book-appointment.handler';
import { handler as listAppointments } from './list-appointments.handler';
import { handler as getAppointment } from './get-appointment.handler';
import { handler as cancelAppointment } from './cancel-appointment.handler';
import { handler as createAppointmentPayment } from './create-appointment-payment.handler';
import { handler as getAppointmentPayment } from './get-appointment-payment.handler';
import { handler as wechatPayNotify } from './wechat-pay-notify.handler';
import { handler as listPayments } from './list-payments.handler';
import { handler as refundPayment } from './refund-payment.handler';
import { handler as listPaymentIssues } from './list-payment-issues.handler';
import { handler as listPaymentStatements } from './list-payment-statements.handler';
import { handler as getPaymentStatement } from './get-payment-statement.handler';
import { handler as downloadPaymentStatement } from './download-payment-statement.handler';
import { handler as getCheckInCode } from './get-check-in-code.handler';
import { handler as checkInAppointment } from './check-in-appointment.handler';
import { handler as staffCheckIn } from './staff-check-in.handler';
import { handler as joinWaitlist } from './join-waitlist.handler';
import { handler as listWaitlist } from './list-waitlist.handler';
import { handler as cancelWaitlistEntry } from './cancel-waitlist-entry.handler';
import { handler as confirmWaitlistOffer } from './confirm-waitlist-offer.handler';

import { handler as listDoctorTemplates } from './list-doctor-templates.handler';
import { handler as replaceDoctorTemplates } from './replace-doctor-templates.handler';
import { handler as suspendSession } from './suspend-session.handler';
import { handler as getSessionSuspension } from './get-session-suspension.handler';
import { handler as getSuspensionOffer } from './get-suspension-offer.handler';
import { handler as chooseSuspensionOption } from './choose-suspension-option.handler';
import { handler as addExtraNumber } from './add-extra-number.handler';
import { handler as listExtraNumbers } from './list-extra-numbers.handler';
import { handler as bookInClinic } from './book-in-clinic.handler';
import { handler as bookReferral } from './book-referral.handler';
import { handler as listReferralBookings } from './list-referral-bookings.handler';
import { handler as listStaffAccounts } from './list-staff-accounts.handler';
import { handler as updateStaffAccount } from './update-staff-account.handler';
import { handler as listAccountAudit } from './list-account-audit.handler';
import { handler as undoVoid } from './undo-void.handler';
import { handler as lookUpIdentityClaim } from './look-up-identity-claim.handler';
import { handler as releaseIdentityClaim } from './release-identity-claim.handler';
import { handler as verifyIdentityClaim } from './verify-identity-claim.handler';
import { handler as listCalendarYears } from './list-calendar-years.handler';
import { handler as getCalendarYear } from './get-calendar-year.handler';
import { handler as saveCalendarYear } from './save-calendar-year.handler';
import { handler as getCalendarStatus } from './get-calendar-status.handler';
import { handler as refundPaymentIssue } from './refund-payment-issue.handler';
/** Handler name (as in routes.ts) → handler, for the local API adapter. */
export const HANDLERS: Record<string, LambdaHandler> = {
  'get-health': getHealth,
  'list-guide-services': listGuideServices,
  'get-guide-service': getGuideService,
  'list-guide-branches': listGuideBranches,
  'sign-in-wechat': signInWechat,
  'sign-in-dev': signInDev,
  'refresh-session': refreshSession,
  'get-me': getMe,
  'create-staff-invite': createStaffInvite,
  'redeem-staff-invite': redeemStaffInvite,
  'list-patients': listPatients,
  'create-patient': createPatient,
  'get-patient': getPatient,
  'list-patient-bills': listPatientBills,
  'create-bill-payment': createBillPayment,
  'refund-bill-items': refundBillItems,
  'update-patient': updatePatient,
  'delete-patient': deletePatient,
  'list-messages': listMessages,
  'list-message-subscriptions': listMessageSubscriptions,
  'accept-message-subscriptions': acceptMessageSubscriptions,
  'set-sms-phone': setSmsPhone,
  'list-sent-messages': listSentMessages,
  'mark-message-read': markMessageRead,
  'list-departments': listDepartments,
  'list-department-doctors': listDepartmentDoctors,
  'list-sessions': listSessions,
  'book-appointment': bookAppointment,
  'list-appointments': listAppointments,
  'get-appointment': getAppointment,
  'cancel-appointment': cancelAppointment,
  'create-appointment-payment': createAppointmentPayment,
  'get-appointment-payment': getAppointmentPayment,
  'wechat-pay-notify': wechatPayNotify,
  'list-payments': listPayments,
  'refund-payment': refundPayment,
  'list-payment-issues': listPaymentIssues,
  'list-payment-statements': listPaymentStatements,
  'get-payment-statement': getPaymentStatement,
  'download-payment-statement': downloadPaymentStatement,
  'get-check-in-code': getCheckInCode,
  'check-in-appointment': checkInAppointment,
  'staff-check-in': staffCheckIn,
  'join-waitlist': joinWaitlist,
  'list-waitlist': listWaitlist,
  'cancel-waitlist-entry': cancelWaitlistEntry,
  'confirm-waitlist-offer': confirmWaitlistOffer,
  'list-doctor-templates': listDoctorTemplates,
  'replace-doctor-templates': replaceDoctorTemplates,
  'suspend-session': suspendSession,
  'get-session-suspension': getSessionSuspension,
  'get-suspension-offer': getSuspensionOffer,
  'choose-suspension-option': chooseSuspensionOption,
  'add-extra-number': addExtraNumber,
  'list-extra-numbers': listExtraNumbers,
  'book-in-clinic': bookInClinic,
  'book-referral': bookReferral,
  'list-referral-bookings': listReferralBookings,
  'list-staff-accounts': listStaffAccounts,
  'update-staff-account': updateStaffAccount,
  'list-account-audit': listAccountAudit,
  'undo-void': undoVoid,
  'look-up-identity-claim': lookUpIdentityClaim,
  'release-identity-claim': releaseIdentityClaim,
  'verify-identity-claim': verifyIdentityClaim,
  'list-calendar-years': listCalendarYears,
  'get-calendar-year': getCalendarYear,
  'save-calendar-year': saveCalendarYear,
  'get-calendar-status': getCalendarStatus,
  'refund-payment-issue': refundPaymentIssue,
};
