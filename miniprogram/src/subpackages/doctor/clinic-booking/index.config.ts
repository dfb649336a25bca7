export default definePageConfig({ navigationBarTitleText: '诊间预约' });
