import Taro from '@tarojs/taro';
import type { AppointmentView } from '@jiuyi/shared';
import { cancelAppointment } from '../../api/booking-api';
import { ApiError } from '../../api/client';
import { yuan } from '../../utils/booking-format';

/** Asks first, naming the visit and saying what happens to the money, then cancels. */
export async function confirmAndCancel(appointment: AppointmentView, onCancelled: () => void): Promise<void> {
  const paid = appointment.status === 'booked' && appointment.feeFen > 0;
  const money = paid ? `已支付的挂号费 ¥${yuan(appointment.feeFen)} 将原路退回。` : '';
  const { confirm } = await Taro.showModal({
    title: '取消预约',
    content: `确定取消 ${appointment.confirmation.slotTime} ${appointment.doctor.name}医生的预约吗？${money}`,
    confirmText: '取消预约',
    confirmColor: '#b42318',
    cancelText: '不取消',
  });
  if (!confirm) return;
  try {
    await cancelAppointment(appointment.id);
    void Taro.showToast({ title: '已取消', icon: 'success' });
    onCancelled();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : new ApiError('UNKNOWN_ERROR', 0).message;
    void Taro.showModal({ title: '未能取消', content: message, showCancel: false, confirmText: '知道了' });
  }
}
