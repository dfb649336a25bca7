import Taro from '@tarojs/taro';
import type { PhoneContact } from '@jiuyi/shared';

/** Digits a dialler accepts: the number without spaces or dashes. */
export function dialableNumber(number: string): string {
  return number.replace(/[^\d+]/g, '');
}

/** How a phone reads to a patient: `0411-83631360 转 3128`. */
export function formatPhone(phone: PhoneContact): string {
  return phone.extension ? `${phone.number} 转 ${phone.extension}` : phone.number;
}

/** Opens the dialler; in a browser without makePhoneCall a tel: link does the same. */
export function callPhone(number: string): void {
  const phoneNumber = dialableNumber(number);
  const openTelLink = () => {
    if (process.env.TARO_ENV === 'h5') window.location.href = `tel:${phoneNumber}`;
  };
  if (typeof Taro.makePhoneCall !== 'function') {
    openTelLink();
    return;
  }
  // The user closing the dialler also lands in `fail` on weapp, so only H5 falls back.
  Taro.makePhoneCall({ phoneNumber }).catch(openTelLink);
}
