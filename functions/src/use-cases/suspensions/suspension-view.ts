import {
  availableSuspensionChoices,
  defaultSuspensionChoice,
  DOCTOR_TITLE_LABELS,
  type SessionSuspensionView,
  type SuspensionOfferView,
} from '@jiuyi/shared';
import type { SuspendableSession, SuspensionOfferRecord } from '../../ports/suspension-store';

/** The contract shape of an offer: the options are what may still be chosen (none once closed). */
export function toOfferView(o: SuspensionOfferRecord): SuspensionOfferView {
  const substituteReserved = o.substitute !== undefined;
  return {
    appointmentId: o.appointmentId,
    sessionId: o.sessionId,
    patientName: o.patientName,
    state: o.state,
    deadline: o.deadline,
    defaultChoice: defaultSuspensionChoice({ substituteReserved }),
    options:
      o.state === 'offered'
        ? availableSuspensionChoices({ substituteReserved, makeUpAvailable: o.makeUp !== undefined })
        : [],
    ...(o.substitute
      ? {
          substitute: {
            sessionId: o.substitute.sessionId,
            slotId: o.substitute.slotId,
            doctor: {
              id: o.substitute.doctorId,
              name: o.substitute.doctorName,
              title: o.substitute.doctorTitle,
              titleLabel: DOCTOR_TITLE_LABELS[o.substitute.doctorTitle],
            },
            start: o.substitute.start,
            end: o.substitute.end,
          },
        }
      : {}),
    ...(o.makeUp
      ? {
          makeUp: {
            sessionId: o.makeUp.sessionId,
            date: o.makeUp.date,
            period: o.makeUp.period,
            doctor: {
              id: o.makeUp.doctorId,
              name: o.makeUp.doctorName,
              title: o.makeUp.doctorTitle,
              titleLabel: DOCTOR_TITLE_LABELS[o.makeUp.doctorTitle],
            },
          },
        }
      : {}),
    ...(o.choice ? { choice: o.choice } : {}),
    ...(o.decidedBy ? { decidedBy: o.decidedBy } : {}),
    ...(o.resolvedAt ? { resolvedAt: o.resolvedAt } : {}),
    ...(o.refundRequired !== undefined ? { refundRequired: o.refundRequired } : {}),
  };
}

/** What staff see of a suspension: the session's state and every displaced booking's outcome. */
export function toSessionSuspensionView(
  session: SuspendableSession,
  offers: SuspensionOfferRecord[],
): SessionSuspensionView {
  return {
    sessionId: session.id,
    status: session.status,
    ...(session.suspendedReason ? { reason: session.suspendedReason } : {}),
    ...(session.suspendedAt ? { suspendedAt: session.suspendedAt } : {}),
    items: offers.map(toOfferView).sort((a, b) => a.patientName.localeCompare(b.patientName)),
  };
}
