import type { PatientStore } from '../../ports/patient-store';
import type { PaymentPorts } from '../payments/payment-ports';

/** The payment ports (which carry the bills and the HIS) plus the patients the bills belong to. */
export interface BillPaymentPorts extends PaymentPorts {
  patients: PatientStore;
}
