import Taro from '@tarojs/taro';

/** Opens the guide, optionally already searching for `q`. */
export function openGuide(q?: string): void {
  const query = q ? `?q=${encodeURIComponent(q)}` : '';
  void Taro.navigateTo({ url: `/pages/guide/index${query}` });
}

/** Opens one service's detail page. */
export function openService(id: string): void {
  void Taro.navigateTo({ url: `/pages/guide-detail/index?id=${encodeURIComponent(id)}` });
}

/** Opens the list of campuses, branches and their phones. */
export function openBranches(): void {
  void Taro.navigateTo({ url: '/pages/branches/index' });
}

/** Opens 就诊人管理. */
export function openPatients(): void {
  void Taro.navigateTo({ url: '/pages/patients/index' });
}

/** Opens the local demo's persona switcher. */
export function openPersonas(): void {
  void Taro.navigateTo({ url: '/pages/persona/index' });
}

/** Opens the local demo's list of what would have been sent by WeChat and SMS. */
export function openSentMessages(): void {
  void Taro.navigateTo({ url: '/subpackages/demo/sent-messages/index' });
}

/** Opens 门诊缴费 (also the link of the bill and refund messages). */
export function openBills(): void {
  void Taro.navigateTo({ url: '/pages/bills/index' });
}
