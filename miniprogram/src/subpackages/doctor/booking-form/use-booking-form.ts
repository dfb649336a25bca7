import { useState } from 'react';
import type { AppointmentView } from '@jiuyi/shared';
import type { IdDocumentValue } from '../../../components/id-document-fields';
import { confirmAction } from '../../../utils/confirm';
import { errorText } from '../../../utils/error-text';

const EMPTY_DOCUMENT: IdDocumentValue = { idType: 'resident_id', idNumber: '' };

export interface BookingErrors {
  idNumber?: string;
  slot?: string;
  submit?: string;
}

interface Submission<E> {
  /** Messages for the fields; any one set stops the booking before the dialog. */
  errors: E;
  confirm: { title: string; content: string };
  book: () => Promise<AppointmentView>;
}

/**
 * State shared by the doctor's booking pages: the patient's document, the chosen session and slot,
 * the field messages, and one submit that asks first and keeps a second tap from booking twice.
 */
export function useBookingForm<E extends BookingErrors>() {
  const [idDocument, setIdDocument] = useState<IdDocumentValue>(EMPTY_DOCUMENT);
  const [sessionId, setSessionId] = useState('');
  const [slotId, setSlotId] = useState('');
  const [errors, setErrors] = useState<E>({} as E);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<AppointmentView>();

  const clearError = (field: keyof E) => setErrors((e) => ({ ...e, [field]: undefined }));
  const changeIdDocument = (value: IdDocumentValue) => {
    setIdDocument(value);
    clearError('idNumber');
  };
  const pickSession = (id: string) => {
    setSessionId(id);
    setSlotId('');
  };
  const pickSlot = (id: string) => {
    setSlotId(id);
    clearError('slot');
  };

  return {
    slotId,
    errors,
    busy,
    booked,
    clearError,
    /** Props for IdDocumentFields. */
    idFields: { value: idDocument, error: errors.idNumber, onChange: changeIdDocument },
    /** Props for SessionSlotPicker's choice. */
    selection: { sessionId, slotId, onSession: pickSession, onSlot: pickSlot },
    /** The patient as the API wants them, the number without stray spaces. */
    patient: { idType: idDocument.idType, idNumber: idDocument.idNumber.trim() },
    /** A new department or kind offers other sessions: forget the chosen ones. */
    clearSession: () => {
      setSessionId('');
      setSlotId('');
    },
    /** 为下一位患者预约: a fresh form, keeping the department and kind. */
    reset: () => {
      setBooked(undefined);
      setIdDocument(EMPTY_DOCUMENT);
      setSessionId('');
      setSlotId('');
      setErrors({} as E);
    },
    submit: async ({ errors: next, confirm, book }: Submission<E>) => {
      if (busy) return;
      setErrors(next);
      if (Object.values(next).some(Boolean)) return;
      if (!(await confirmAction({ ...confirm, confirmText: '确认预约' }))) return;
      setBusy(true);
      try {
        setBooked(await book());
      } catch (caught) {
        setErrors({ submit: errorText(caught) } as E);
      } finally {
        setBusy(false);
      }
    },
  };
}
