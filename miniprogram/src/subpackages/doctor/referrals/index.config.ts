export default definePageConfig({ navigationBarTitleText: '我的转诊预约' });
