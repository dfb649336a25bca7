import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SuspensionChoice, SuspensionOfferView } from '@jiuyi/shared';
import { ApiError } from '../../api/client';
import { chooseSuspensionOption } from '../../api/suspension-api';
import { PERIOD_LABELS, clock, monthDay } from '../../utils/booking-format';
import { confirmAction } from '../../utils/confirm';

/** Each option in words, with who and when it means. */
function describe(choice: SuspensionChoice, offer: SuspensionOfferView): { title: string; detail: string } {
  const sub = offer.substitute;
  const makeUp = offer.makeUp;
  switch (choice) {
    case 'substitute':
      return {
        title: '换医生就诊（替诊）',
        detail: sub
          ? `${sub.doctor.name} ${sub.doctor.titleLabel}，${monthDay(sub.start.slice(0, 10))} ${clock(sub.start)}–${clock(sub.end)}，原时间不变`
          : '同科室同级或更高职称的医生',
      };
    case 'makeup':
      return {
        title: '改到补诊时间',
        detail: makeUp
          ? `${makeUp.doctor.name} ${makeUp.doctor.titleLabel}，${monthDay(makeUp.date)} ${PERIOD_LABELS[makeUp.period]}`
          : '原医生的补诊出诊',
      };
    case 'cancel':
      return { title: '退号', detail: '取消本次预约，已支付的挂号费原路退回' };
  }
}

async function choose(appointmentId: string, choice: SuspensionChoice, title: string, onDone: () => void) {
  const confirmed = await confirmAction({
    title: '确认选择',
    content: `确定选择“${title}”吗？选择后不能更改。`,
    confirmText: '确定',
  });
  if (!confirmed) return;
  try {
    await chooseSuspensionOption(appointmentId, choice);
    void Taro.showToast({ title: '已为您安排', icon: 'success' });
    onDone();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : new ApiError('UNKNOWN_ERROR', 0).message;
    void Taro.showModal({ title: '未能完成', content: message, showCancel: false, confirmText: '知道了' });
  }
}

/**
 * 停诊 (Beijing art. 23): the booking is never dropped silently. While the offer is open the
 * patient picks 替诊, 补诊 or 退号; without an answer by the deadline the default applies.
 */
export function SuspensionPanel({ offer, onChanged }: { offer: SuspensionOfferView; onChanged: () => void }) {
  if (offer.state !== 'offered') {
    const chosen = offer.choice ? describe(offer.choice, offer).title : '';
    return (
      <View className="banner banner--info" data-testid="suspension-resolved">
        <Text className="banner__title">医生停诊，已为您安排：{chosen || '本次预约已结束'}</Text>
        {offer.decidedBy === 'default' ? (
          <Text className="banner__hint">未在期限内选择，按默认方式安排。</Text>
        ) : null}
      </View>
    );
  }
  return (
    <View className="suspension" data-testid="suspension-offer">
      <Text className="suspension__title">医生停诊，请选择安排</Text>
      <Text className="suspension__hint">
        请在 {monthDay(offer.deadline.slice(0, 10))} {clock(offer.deadline)} 前选择；未选择将按“
        {describe(offer.defaultChoice, offer).title}”安排。
      </Text>
      {offer.options.map((option) => {
        const { title, detail } = describe(option, offer);
        return (
          <View
            key={option}
            className={option === offer.defaultChoice ? 'pick-card pick-card--default' : 'pick-card'}
            data-testid={`suspension-${option}`}
            hoverClass="entry-row--pressed"
            onClick={() => void choose(offer.appointmentId, option, title, onChanged)}
          >
            <View className="entry-row__body">
              <Text className="pick-card__name">{title}</Text>
              <Text className="entry-row__hint">{detail}</Text>
            </View>
            <Text className="chevron">›</Text>
          </View>
        );
      })}
    </View>
  );
}
