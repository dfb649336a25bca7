import type { AppointmentStore } from '../../ports/appointment-store';
import type { BillStore } from '../../ports/bill-store';
import type { HisPort } from '../../ports/his';
import type { PayerDirectory } from '../../ports/payer-directory';
import type { PaymentGateway } from '../../ports/payment-gateway';
import type { PaymentStore } from '../../ports/payment-store';

/** Where WeChat Pay sends notifications and which app the payer pays in. */
export interface PaymentSettings {
  appId: string;
  /** The public URL of `POST /v1/payments/wechat/notify`. */
  notifyUrl: string;
  /** Stage `local` only: the sandbox whose pay page the H5 build opens instead of `requestPayment`. */
  sandboxUrl?: string;
}

/** The ports every payment use case works with. */
export interface PaymentPorts {
  payments: PaymentStore;
  appointments: AppointmentStore;
  gateway: PaymentGateway;
  payer: PayerDirectory;
  settings: PaymentSettings;
  /** Outpatient bills, the second kind of subject, and the HIS their paid items are written back to. */
  bills: BillStore;
  his: HisPort;
}
