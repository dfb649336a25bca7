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
import { handler as updatePatient } from './update-patient.handler';
import { handler as deletePatient } from './delete-patient.handler';
import { handler as listMessages } from './list-messages.handler';
import { handler as markMessageRead } from './mark-message-read.handler';
import { handler as listDepartments } from './list-departments.handler';
import { handler as listDepartmentDoctors } from './list-department-doctors.handler';
import { handler as listSessions } from './list-sessions.handler';
import { handler as bookAppointment } from './book-appointment.handler';
import { handler as listAppointments } from './list-appointments.handler';
import { handler as getAppointment } from './get-appointment.handler';
import { handler as cancelAppointment } from './cancel-appointment.handler';

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
  'update-patient': updatePatient,
  'delete-patient': deletePatient,
  'list-messages': listMessages,
  'mark-message-read': markMessageRead,
  'list-departments': listDepartments,
  'list-department-doctors': listDepartmentDoctors,
  'list-sessions': listSessions,
  'book-appointment': bookAppointment,
  'list-appointments': listAppointments,
  'get-appointment': getAppointment,
  'cancel-appointment': cancelAppointment,
};
