import Taro from '@tarojs/taro';

/**
 * Asks before an action that books, adds or refunds for someone. The cancel wording is the same
 * everywhere so an older user learns one way to back out.
 */
export async function confirmAction(dialog: {
  title: string;
  content: string;
  confirmText: string;
  /** Red for an action that takes something away (退款、停诊). */
  confirmColor?: string;
}): Promise<boolean> {
  const { confirm } = await Taro.showModal({ ...dialog, cancelText: '再想想' });
  return confirm;
}
